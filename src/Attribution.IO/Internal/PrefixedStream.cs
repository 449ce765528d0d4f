namespace Attribution.IO.Internal;

/// <summary>A read-only, forward-only stream that gives back bytes already read from a stream that cannot seek (such
/// as standard input), then the rest of that stream, which it leaves open.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ForwardOnlyStream
{
    private ReadOnlyMemory<byte> prefix = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (prefix.IsEmpty)
        {
            return inner.Read(buffer);
        }

        var n = Math.Min(prefix.Length, buffer.Length);
        prefix.Span[..n].CopyTo(buffer);
        prefix = prefix[n..];
        return n;
    }
}

/// <summary>Passes reads (and seeks) through to a stream that disposing it leaves open, so a decompressor or reader can
/// own its input without closing the caller's stream.</summary>
internal sealed class KeepOpenStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
