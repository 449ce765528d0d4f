using System.Buffers.Binary;
using System.IO.Compression;

namespace Attribution.IO.Internal;

/// <summary>Decompresses a gzip input and, at its end, checks that it was complete.</summary>
/// <remarks>
/// The framework's <see cref="GZipStream"/> reports a file cut short (a download or copy that stopped early) as a plain
/// end of data, which would silently drop the rows after the cut. Every gzip member ends with ISIZE, the length of its
/// data modulo 2³²; a cut file ends with arbitrary compressed bytes instead, which match the length read with a chance of
/// 1 in 2³². The check assumes one member, as <c>gzip</c> and <c>pigz</c> write; a concatenation of members (<c>cat a.gz
/// b.gz</c>, <c>bgzip</c>) is reported too, and the message says to decompress it first.
/// </remarks>
internal sealed class GzipInput : ForwardOnlyStream
{
    private const int TrailerBytes = 8;

    private readonly TailStream compressed;
    private readonly GZipStream gzip;
    private long length;
    private bool checkedEnd;

    public GzipInput(Stream compressedInput)
    {
        compressed = new TailStream(compressedInput);
        gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(Span<byte> buffer)
    {
        var n = gzip.Read(buffer);
        length += n;
        if (n == 0 && buffer.Length > 0 && !checkedEnd)
        {
            checkedEnd = true;
            CheckEnd();
        }

        return n;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
            compressed.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckEnd()
    {
        compressed.Drain();
        var tail = compressed.Tail;
        // A member is at least a 10-byte header, a 2-byte empty block and the 8-byte trailer.
        if (compressed.BytesRead < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail[(TrailerBytes - 4)..]) != (uint)length)
        {
            throw new InvalidDataException($"its end does not match the {length} bytes decompressed, so the file is cut short (or it concatenates several gzip members: decompress it first)");
        }
    }

    /// <summary>Passes reads through and remembers the last <see cref="TrailerBytes"/> bytes read.</summary>
    private sealed class TailStream(Stream inner) : ForwardOnlyStream
    {
        private readonly byte[] tail = new byte[TrailerBytes];
        private int filled;

        public long BytesRead { get; private set; }

        public ReadOnlySpan<byte> Tail => tail.AsSpan(0, filled);

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            Remember(buffer[..n]);
            return n;
        }

        /// <summary>Reads to the end, so that the tail is the input's last bytes whatever the decompressor left unread.</summary>
        public void Drain()
        {
            Span<byte> buffer = stackalloc byte[4096];
            while (Read(buffer) > 0)
            {
            }
        }


        private void Remember(ReadOnlySpan<byte> read)
        {
            BytesRead += read.Length;
            if (read.Length >= TrailerBytes)
            {
                read[^TrailerBytes..].CopyTo(tail);
                filled = TrailerBytes;
                return;
            }

            var keep = Math.Min(filled, TrailerBytes - read.Length);
            tail.AsSpan(filled - keep, keep).CopyTo(tail);
            read.CopyTo(tail.AsSpan(keep));
            filled = keep + read.Length;
        }
    }
}
