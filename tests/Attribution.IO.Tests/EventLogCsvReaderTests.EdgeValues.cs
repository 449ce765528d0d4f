using System.IO.Compression;
using System.Text;
using Attribution.Journeys;

namespace Attribution.IO.Tests;

/// <summary>Edge values, names and hostile inputs (issue 15): each ends in a result or an error naming line and column.</summary>
public sealed partial class EventLogCsvReaderTests
{
    private const string EventHeader = "journey_id,timestamp,channel,campaign,conversion,value\n";

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.00")]
    [InlineData("-0e5")]
    public void Read_NegativeZeroValue_IsZero(string value)
    {
        var set = ReadText(EventHeader + $"a,2026-03-01T09:00:00Z,,,order,{value}\n");

        var converted = set.GetConversion(0).Value;
        converted.Should().Be(0);
        double.IsNegative(converted).Should().BeFalse("-0 is read as +0");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(" \t ")]
    [InlineData("\u00A0")]
    public void Read_ConversionCellOfWhiteSpace_IsATouchpointLikeAnEmptyCell(string cell)
    {
        var set = ReadText(EventHeader + $"a,2026-03-01T09:00:00Z,email,,\"{cell}\",\n");

        set.TouchpointCount.Should().Be(1);
        set.ConversionCount.Should().Be(0);
    }

    [Fact]
    public void Read_ValueCellOfSpaces_IsOneLikeAnEmptyCell()
    {
        var set = ReadText(EventHeader + "a,2026-03-01T09:00:00Z,,,order,   \n");

        set.GetConversion(0).Value.Should().Be(1);
    }

    [Theory]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:00:00-02:00")]
    public void Read_TimestampOutOfRangeAfterItsOffset_SaysSo(string timestamp)
    {
        var error = ReadError(EventHeader + $"a,2026-03-01T09:00:00Z,email,,,\na,{timestamp},email,,,\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("timestamp");
        error.Message.Should().Contain("is out of range: with its offset applied it falls before 0001-01-01T00:00:00Z or after 9999-12-31T23:59:59Z");
    }

    [Fact]
    public void Read_TimestampAtTheEdgeOfTheRange_IsRead()
    {
        // 0001-01-01T01:00+01:00 is 0001-01-01T00:00Z, the first instant DateTimeOffset holds.
        var set = ReadText(EventHeader + "a,0001-01-01T01:00:00+01:00,email,,,\n");

        set.GetTouchpoint(0).Instant.UtcTicks.Should().Be(0);
    }

    [Theory]
    [InlineData(';', "';'")]
    [InlineData('\t', "tab")]
    public void Read_OtherDelimiter_HintsAtIt(char delimiter, string shown)
    {
        var error = ReadError($"journey_id{delimiter}timestamp{delimiter}channel\na{delimiter}2026-03-01T09:00:00Z{delimiter}email\n");

        error.Line.Should().Be(1);
        error.Message.Should().Contain($"the header is one column holding {shown}, so the file seems to be {shown}-delimited: set the delimiter option");
    }

    [Fact]
    public void Read_Utf16WithoutByteOrderMark_HintsAtTheEncoding()
    {
        var bytes = Encoding.Unicode.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n");

        var error = ReadBytesError(bytes);

        error.Line.Should().Be(1);
        error.Message.Should().Contain("looks like UTF-16 (little-endian) without a byte order mark; save it as UTF-8");
    }

    [Fact]
    public void Read_Utf16WithoutByteOrderMarkFromAnUnseekableStream_HintsAtTheEncoding()
    {
        var bytes = Encoding.Unicode.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n");

        var read = () => EventLogCsvReader.Read(new ForwardOnlyStream(bytes), null, "events.csv");

        read.Should().Throw<AttributionDataException>().Which.Message.Should().Contain("looks like UTF-16");
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n")).ToArray();

        using var stream = new MemoryStream(bytes);
        EventLogCsvReader.Read(stream).GetTouchpoint(0).Channel.Should().Be("email");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_GzipInput_IsDecompressedOnTheFly_SeekableOrNot(bool seekable)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("journey_id,timestamp,channel,conversion,value\na,2026-03-01T09:00:00Z,email,,\na,2026-03-02T09:00:00Z,,order,40\n"));
        }

        using Stream input = seekable ? new MemoryStream(compressed.ToArray()) : new ForwardOnlyStream(compressed.ToArray());
        var set = EventLogCsvReader.Read(input, null, "events.csv.gz");

        set.GetTouchpoint(0).Channel.Should().Be("email");
        set.ConversionCount.Should().Be(1);
        set.GetConversion(0).Value.Should().Be(40);
    }

    [Fact]
    public void Read_PlainInputThatCannotSeek_ReadsFromItsFirstByte()
    {
        using var input = new ForwardOnlyStream(Encoding.UTF8.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n"));

        EventLogCsvReader.Read(input).GetTouchpoint(0).Channel.Should().Be("email");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0.5)]
    [InlineData(-4)]
    public void Read_GzipCutShort_IsADataErrorSayingSo(double cut)
    {
        // The framework's GZipStream reads a cut file as a shorter one; the trailer check must notice. 2,000 rows make a
        // file of several kB: cut after its header (5 bytes), in the middle, and inside its 8-byte trailer.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("journey_id,timestamp,channel\n"));
            for (var i = 0; i < 2000; i++)
            {
                gzip.Write(Encoding.UTF8.GetBytes($"j{i},2026-03-01T09:00:00Z,email\n"));
            }
        }

        var bytes = compressed.ToArray();
        var length = cut switch { >= 1 => (int)cut, > 0 => (int)(bytes.Length * cut), _ => bytes.Length + (int)cut };
        var read = () => EventLogCsvReader.Read(new MemoryStream(bytes[..length]), null, "events.csv.gz");

        read.Should().Throw<AttributionDataException>().Which.Message.Should().StartWith("events.csv.gz: the gzip data is corrupt: its end does not match the ");
        EventLogCsvReader.Read(new MemoryStream(bytes)).Count.Should().Be(2000, "the whole file reads");
    }

    [Theory]
    [InlineData("journey_id", "a\u0000b,2026-03-01T09:00:00Z,email,,,", "U+0000")]
    [InlineData("channel", "a,2026-03-01T09:00:00Z,e\u0001mail,,,", "U+0001")]
    [InlineData("campaign", "a,2026-03-01T09:00:00Z,email,\"spring\nsale\",,", "U+000A")]
    [InlineData("conversion", "a,2026-03-01T09:00:00Z,,,or\u007Fder,", "U+007F")]
    [InlineData("channel", "a,2026-03-01T09:00:00Z,e\u0085mail,,,", "U+0085")]
    public void Read_ControlCharacterInAName_IsRejectedWithLineAndColumn(string column, string row, string code)
    {
        var error = ReadError(EventHeader + "z,2026-03-01T09:00:00Z,email,,,\n" + row + "\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be(column);
        error.Message.Should().EndWith($"holds the control character {code}; names may not hold control characters");
    }

    [Theory]
    [InlineData("channel", "a,2026-03-01T09:00:00Z,(unattributed),,,", "(unattributed)")]
    [InlineData("channel", "a,2026-03-01T09:00:00Z, (none) ,,,", "(none)")]
    [InlineData("campaign", "a,2026-03-01T09:00:00Z,email,(none),,", "(none)")]
    [InlineData("campaign", "a,2026-03-01T09:00:00Z,email,(total),,", "(total)")]
    public void Read_ChannelOrCampaignNamedLikeABuiltInRow_IsRejectedWithLineAndColumn(string column, string row, string name)
    {
        var error = ReadError(EventHeader + row + "\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be(column);
        error.Message.Should().Be($"events.csv:2: column '{column}': '{name}' is the key of a built-in row ((unattributed), (none), (total)); rename it in the data");
    }

    [Fact]
    public void Read_BuiltInKeysAsJourneyOrKind_AreAllowed()
    {
        // Only channels and campaigns share keys with the built-in rows.
        var set = ReadText(EventHeader + "(none),2026-03-01T09:00:00Z,,,(unattributed),2\n");

        set.JourneyIds.Should().Equal("(none)");
        set.Kinds.Should().Equal("(unattributed)");
    }

    [Fact]
    public void Read_LineOverTheRecordCap_IsADataError()
    {
        // A header that never ends: 65 MiB without a line break, read through a stream so the reader has to buffer it.
        var bytes = new byte[(65 << 20) + 10];
        bytes.AsSpan().Fill((byte)'x');

        var error = ReadBytesError(bytes);

        error.Line.Should().Be(1);
        error.Message.Should().Be("events.csv:1: a record (the header or a row) is longer than 64 MiB, the most a reader accepts; is a line break or a closing quote missing?");
    }

    [Fact]
    public void Read_ValuesWhoseTotalOverflows_StopAtTheRowThatOverflows()
    {
        // 1e308 + 1e308 is above double.MaxValue (about 1.8e308): the second value's row is at fault.
        var error = ReadError(EventHeader + "a,2026-03-01T09:00:00Z,,,order,1e308\nb,2026-03-01T09:00:00Z,,,order,1e308\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("value");
        error.Message.Should().Contain("'1e308' brings the column's total above the largest number");
    }

    private static AttributionDataException ReadBytesError(byte[] bytes)
    {
        var read = () =>
        {
            using var stream = new MemoryStream(bytes);
            return EventLogCsvReader.Read(stream, null, "events.csv");
        };
        return read.Should().Throw<AttributionDataException>().Which;
    }

    /// <summary>A stream that cannot seek, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
