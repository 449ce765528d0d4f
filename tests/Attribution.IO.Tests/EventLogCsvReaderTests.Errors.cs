namespace Attribution.IO.Tests;

public sealed partial class EventLogCsvReaderTests
{
    private const string Header = "journey_id,timestamp,channel,conversion,value\n";

    [Theory]
    [InlineData("a,yesterday,email,,", "'yesterday' is not an ISO-8601 timestamp")]
    [InlineData("a,2026-02-30T09:00:00Z,email,,", "'2026-02-30T09:00:00Z' is not an ISO-8601 timestamp")]
    [InlineData("a,,email,,", "'' is not an ISO-8601 timestamp")]
    public void Read_BadTimestamp_NamesLineAndColumn(string row, string expected)
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00Z,email,,\n" + row + "\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("timestamp");
        error.SourceName.Should().Be("events.csv");
        error.Message.Should().StartWith($"events.csv:3: column 'timestamp': {expected}");
    }

    [Fact]
    public void Read_TimestampWithoutOffset_SaysToAddOne()
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00,email,,\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("timestamp");
        error.Message.Should().Be("events.csv:2: column 'timestamp': '2026-03-01T09:00:00' has no UTC offset; write it with Z or an offset such as +02:00");
    }

    [Fact]
    public void Read_NegativeValue_NamesLineAndColumn()
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00Z,email,,\n\na,2026-03-02T09:00:00Z,,order,-3\n");

        // Line 3 is empty and skipped, but still counted: the bad row is on physical line 4.
        error.Line.Should().Be(4);
        error.Column.Should().Be("value");
        error.Message.Should().Be("events.csv:4: column 'value': '-3' is negative; a conversion value must be a finite number >= 0");
    }

    [Theory]
    [InlineData("NaN", "'NaN' is not finite")]
    [InlineData("Infinity", "'Infinity' is not finite")]
    [InlineData("-Infinity", "'-Infinity' is not finite")]
    [InlineData("12,5", null)]
    [InlineData("ten", "'ten' is not a number")]
    [InlineData("1e999", "'1e999' is not finite")]
    public void Read_UnusableValue_NamesLineAndColumn(string value, string? expected)
    {
        var quoted = "\"" + value + "\"";
        var error = ReadError(Header + "a,2026-03-02T09:00:00Z,,order," + quoted + "\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("value");
        error.Message.Should().StartWith($"events.csv:2: column 'value': {expected ?? "'12,5' is not a number"}");
    }

    [Fact]
    public void Read_TouchpointWithoutChannel_NamesLineAndColumn()
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00Z,email,,\nb,2026-03-01T10:00:00Z,,,\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("channel");
        error.Message.Should().StartWith("events.csv:3: column 'channel': is empty on a touchpoint row");
    }

    [Fact]
    public void Read_ValueOnTouchpointRow_SaysOnlyConversionsHaveValues()
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00Z,email,,5\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("value");
        error.Message.Should().Be("events.csv:2: column 'value': '5' on a touchpoint row; only conversion rows (a non-empty 'conversion') have a value");
    }

    [Fact]
    public void Read_ConversionIdOnTouchpointRow_IsAnError()
    {
        var error = ReadError("journey_id,timestamp,channel,conversion_id\na,2026-03-01T09:00:00Z,email,SO-1\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("conversion_id");
    }

    [Fact]
    public void Read_TooFewFields_NamesTheFirstMissingColumn()
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00Z,email,,\na,2026-03-01T10:00:00Z,email\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("conversion");
        error.Message.Should().Be("events.csv:3: column 'conversion': the row has 3 fields but the header has 5; the row ends before this column");
    }

    [Fact]
    public void Read_TooManyFields_NamesTheLine()
    {
        var error = ReadError(Header + "a,2026-03-01T09:00:00Z,email,,,extra\n");

        error.Line.Should().Be(2);
        error.Column.Should().BeNull();
        error.Message.Should().Be("events.csv:2: the row has 6 fields but the header has 5");
    }

    [Fact]
    public void Read_FieldCountAfterMultiLineQuotedField_CountsPhysicalLines()
    {
        // The quoted note (a column the reader ignores) spans lines 2 and 3, so the short row starts on line 4.
        var error = ReadError("journey_id,timestamp,channel,note\na,2026-03-01T09:00:00Z,email,\"two\nlines\"\na,2026-03-01T09:00:00Z\n");

        error.Line.Should().Be(4);
        error.Column.Should().Be("channel");
    }

    [Theory]
    [InlineData("timestamp,channel\n", "journey_id")]
    [InlineData("journey_id,channel\n", "timestamp")]
    [InlineData("JOURNEY_ID,Timestamp,conversion\n", "channel")]
    public void Read_MissingRequiredColumn_NamesItAtLineOne(string header, string column)
    {
        var error = ReadError(header);

        error.Line.Should().Be(1);
        error.Column.Should().Be(column);
        error.Message.Should().Be($"events.csv:1: column '{column}': the header has no '{column}' column; required columns are journey_id, timestamp and channel");
    }

    [Fact]
    public void Read_DuplicateColumn_IsAnError()
    {
        var error = ReadError("journey_id,timestamp,channel,Channel\n");

        error.Line.Should().Be(1);
        error.Column.Should().Be("Channel");
        error.Message.Should().Contain("twice (columns 3 and 4)");
    }

    [Fact]
    public void Read_EmptyInput_SaysAHeaderIsExpected()
    {
        var error = ReadError(string.Empty);

        error.Line.Should().Be(1);
        error.Column.Should().BeNull();
        error.Message.Should().Be("events.csv:1: the input is empty; expected a header row naming the columns journey_id, timestamp and channel");
    }

    [Fact]
    public void Read_EmptyJourneyId_NamesLineAndColumn()
    {
        var error = ReadError(Header + " ,2026-03-01T09:00:00Z,email,,\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("journey_id");
    }

    [Fact]
    public void Read_ErrorAfterValidRows_ReturnsNothing()
    {
        // The reader throws instead of returning the journeys read so far; nothing partial reaches the caller.
        var act = () => ReadText(Header + "a,2026-03-01T09:00:00Z,email,,\nb,2026-03-01T09:00:00Z,email,,x\n");

        act.Should().Throw<AttributionDataException>().Which.Line.Should().Be(3);
    }
}

public sealed class EventLogCsvReaderMalformedInputTests
{
    [Fact]
    public void Read_MalformedQuoting_NamesTheLine()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\nb,2026-03-01T09:00:00Z,\"paid\"x\n");
        using var stream = new MemoryStream(bytes);
        var act = () => EventLogCsvReader.Read(stream, sourceName: "events.csv");

        var error = act.Should().Throw<AttributionDataException>().Which;
        error.Line.Should().Be(3);
        error.Column.Should().BeNull();
        error.Message.Should().StartWith("events.csv:3: malformed CSV: ");
    }

    [Fact]
    public void Read_InvalidUtf8InChannel_NamesLineAndColumn()
    {
        byte[] bytes = [.. "journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,"u8, 0xC3, 0x28, (byte)'\n'];
        using var stream = new MemoryStream(bytes);
        var act = () => EventLogCsvReader.Read(stream, sourceName: "events.csv");

        var error = act.Should().Throw<AttributionDataException>().Which;
        error.Line.Should().Be(2);
        error.Column.Should().Be("channel");
        error.Message.Should().Be("events.csv:2: column 'channel': is not valid UTF-8");
    }
}
