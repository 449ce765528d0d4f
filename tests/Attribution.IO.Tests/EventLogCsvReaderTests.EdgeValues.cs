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

    [Fact]
    public void Read_GzipFile_IsNamedAsSuch()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n"));
        }

        var error = ReadBytesError(compressed.ToArray());

        error.Line.Should().Be(1);
        error.Message.Should().Be("events.csv:1: the input is gzip-compressed (it starts with the bytes 1f 8b); decompress it first, for example with gunzip");
    }

    [Fact]
    public void Read_NamesWithWhiteSpaceAround_AreTrimmedToOneName()
    {
        var set = ReadText(EventHeader
            + "\" a \",2026-03-01T09:00:00Z,email ,\" spring\",,\n"
            + "a,2026-03-02T09:00:00Z,\temail,spring\u00A0,,\n"
            + "a ,2026-03-03T09:00:00Z,,,\" order \",5\n");

        // One journey, one channel, one campaign, one kind.
        set.JourneyIds.Should().Equal("a");
        set.Channels.Should().Equal("email");
        set.Campaigns.Should().Equal("spring");
        set.Kinds.Should().Equal("order");
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
