using System.Text;

namespace Attribution.IO.Tests;

public sealed partial class EventLogCsvReaderTests
{
    [Fact]
    public void Read_NullPath_ThrowsWithParamName()
    {
        var act = () => EventLogCsvReader.Read((string)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("path");
    }

    [Fact]
    public void Read_NullStream_ThrowsWithParamName()
    {
        var act = () => EventLogCsvReader.Read((Stream)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("stream");
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('é')]
    public void Read_UnusableDelimiter_ThrowsWithParamName(char delimiter)
    {
        var act = () => ReadText("journey_id,timestamp,channel\n", new EventLogCsvOptions { Delimiter = delimiter });

        act.Should().Throw<ArgumentException>().WithParameterName("options");
    }

    [Fact]
    public void Read_StreamWithoutSourceName_NamesItStream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("journey_id,timestamp\n"));
        var act = () => EventLogCsvReader.Read(stream);

        act.Should().Throw<AttributionDataException>().Which.Message.Should().StartWith("<stream>:1: column 'channel': ");
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrLf_AreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("journey_id,timestamp,channel\r\na,2026-03-01T09:00:00Z,email\r\nb,2026-03-01T09:00:00Z\r\n")).ToArray();
        using var stream = new MemoryStream(bytes);
        var act = () => EventLogCsvReader.Read(stream, sourceName: "events.csv");

        // The header's first name is read without the mark, and CR LF counts as one line: the short row is on line 3.
        var error = act.Should().Throw<AttributionDataException>().Which;
        error.Line.Should().Be(3);
        error.Column.Should().Be("channel");
    }

    [Fact]
    public void Read_StreamIsLeftOpen()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n"));

        EventLogCsvReader.Read(stream);

        stream.CanRead.Should().BeTrue();
    }
}
