using Attribution.Journeys;

namespace Attribution.IO.Tests;

public sealed partial class EventLogCsvReaderTests
{
    private static readonly Dictionary<string, string> ExportHeaders = new()
    {
        ["journey_id"] = "user_id",
        ["timestamp"] = "ts",
        ["channel"] = "source",
        ["campaign"] = "utm_campaign",
        ["conversion"] = "event",
        ["value"] = "revenue",
        ["conversion_id"] = "order_id",
        ["touch_type"] = "medium",
        ["status"] = "member_status",
    };

    [Fact]
    public void Read_ColumnNames_ReadEveryColumnFromItsMappedHeader()
    {
        // The same rows under other headers, in another order, with an unmapped extra column that is ignored.
        const string csv = """
            revenue,ts,extra,user_id,source,utm_campaign,event,order_id,medium,member_status
            ,2026-03-01T09:00:00Z,x,u1,email,spring,,,offline,attended
            ,2026-03-02T09:00:00Z,x,u1,search,,,,,sent
            40,2026-03-03T09:00:00Z,x,u1,,,order,o-1,,
            """;

        var set = ReadText(csv, new EventLogCsvOptions { ColumnNames = ExportHeaders, CountedStatuses = ["attended"] });

        set.Count.Should().Be(1);
        var journey = set.GetJourney(0);
        journey.Id.Should().Be("u1");

        // The "sent" row is not counted: one touch of the two, and the status count names it.
        journey.Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "email", "spring", "offline"));
        journey.Conversions.Should().Equal(new Conversion(Utc(3, 9), 40, "order", "o-1"));
        set.NotCountedByStatus.Should().Equal([new KeyValuePair<string, int>("sent", 1)]);
    }

    [Fact]
    public void Read_ColumnNames_MappedFileGivesTheSameJourneysAsTheStandardFile()
    {
        const string standard = """
            journey_id,timestamp,channel,conversion,value
            a,2026-03-01T09:00:00Z,email,,
            b,2026-03-01T10:00:00Z,search,,
            a,2026-03-02T09:00:00Z,,order,25
            b,2026-03-02T10:00:00Z,,order,
            """;
        const string mapped = """
            user_id,ts,source,event,revenue
            a,2026-03-01T09:00:00Z,email,,
            b,2026-03-01T10:00:00Z,search,,
            a,2026-03-02T09:00:00Z,,order,25
            b,2026-03-02T10:00:00Z,,order,
            """;

        var expected = ReadText(standard);
        var actual = ReadText(mapped, new EventLogCsvOptions { ColumnNames = ExportHeaders });

        // Each journey written out by hand, so a mapping that reads nothing cannot pass by matching an empty set.
        actual.Count.Should().Be(2);
        actual.GetJourney(0).Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "email"));
        actual.GetJourney(0).Conversions.Should().Equal(new Conversion(Utc(2, 9), 25, "order"));
        actual.GetJourney(1).Touchpoints.Should().Equal(new Touchpoint(Utc(1, 10), "search"));
        actual.GetJourney(1).Conversions.Should().Equal(new Conversion(Utc(2, 10), 1, "order"));
        for (var j = 0; j < 2; j++)
        {
            actual.GetJourney(j).Id.Should().Be(expected.GetJourney(j).Id);
            actual.GetJourney(j).Touchpoints.Should().Equal(expected.GetJourney(j).Touchpoints);
            actual.GetJourney(j).Conversions.Should().Equal(expected.GetJourney(j).Conversions);
        }
    }

    [Fact]
    public void Read_ColumnNames_KeysAndHeadersMatchIgnoringCaseAndWhiteSpace()
    {
        var names = new Dictionary<string, string> { [" Journey_ID "] = " User_Id " };

        var set = ReadText("USER_ID,timestamp,channel\na,2026-03-01T09:00:00Z,email\n", new EventLogCsvOptions { ColumnNames = names });

        set.GetJourney(0).Id.Should().Be("a");
    }

    [Fact]
    public void Read_ColumnNames_StandardHeaderOfAMappedColumnIsIgnored()
    {
        // journey_id is read from user_id; the file's own journey_id column is then just another column.
        var names = new Dictionary<string, string> { ["journey_id"] = "user_id" };

        var set = ReadText("journey_id,user_id,timestamp,channel\nignored,a,2026-03-01T09:00:00Z,email\n", new EventLogCsvOptions { ColumnNames = names });

        set.GetJourney(0).Id.Should().Be("a");
    }

    [Fact]
    public void Read_ColumnNames_MissingMappedHeader_NamesTheHeaderAndTheColumn()
    {
        var names = new Dictionary<string, string> { ["journey_id"] = "user_id" };
        var act = () => ReadText("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n", new EventLogCsvOptions { ColumnNames = names });

        var error = act.Should().Throw<AttributionDataException>().Which;
        error.Column.Should().Be("user_id");
        error.Message.Should().Be("events.csv:1: column 'user_id': the header has no 'user_id' column (mapped to journey_id); required columns are user_id, timestamp and channel");
    }

    [Fact]
    public void Read_ColumnNames_RowErrorsNameTheMappedHeader()
    {
        var names = new Dictionary<string, string> { ["timestamp"] = "ts" };
        var act = () => ReadText("journey_id,ts,channel\na,yesterday,email\n", new EventLogCsvOptions { ColumnNames = names });

        var error = act.Should().Throw<AttributionDataException>().Which;
        error.Line.Should().Be(2);
        error.Column.Should().Be("ts");
    }

    [Fact]
    public void Read_ColumnNames_UnknownStandardName_SuggestsTheClosest()
    {
        var names = new Dictionary<string, string> { ["touchtype"] = "medium" };
        var act = () => ReadText("user_id,timestamp,channel\n", new EventLogCsvOptions { ColumnNames = names });

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().StartWith("ColumnNames: 'touchtype' is not a column of the event log (did you mean 'touch_type'?); the columns are journey_id, timestamp, channel, campaign, conversion, value, conversion_id, touch_type, status.");
    }

    [Fact]
    public void Read_ColumnNames_TwoColumnsFromOneHeader_Throws()
    {
        var names = new Dictionary<string, string> { ["journey_id"] = "id", ["conversion_id"] = "ID" };
        var act = () => ReadText("id,timestamp,channel\n", new EventLogCsvOptions { ColumnNames = names });

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().StartWith("ColumnNames: columns journey_id and conversion_id are both read from header 'id'; map conversion_id to another header.");
    }

    [Fact]
    public void Read_ColumnNames_MappedToAnotherColumnsStandardHeader_Throws()
    {
        // channel still reads "channel", so journey_id cannot take it unless channel is mapped away too.
        var names = new Dictionary<string, string> { ["journey_id"] = "channel" };
        var act = () => ReadText("channel,timestamp\n", new EventLogCsvOptions { ColumnNames = names });

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().StartWith("ColumnNames: columns journey_id and channel are both read from header 'channel'; map channel to another header.");
    }

    [Fact]
    public void Read_ColumnNames_SwappedHeaders_AreAllowed()
    {
        // A file whose channel and campaign headers are swapped: both are mapped, so no header is read twice.
        var names = new Dictionary<string, string> { ["channel"] = "campaign", ["campaign"] = "channel" };

        var set = ReadText("journey_id,timestamp,campaign,channel\na,2026-03-01T09:00:00Z,email,spring\n", new EventLogCsvOptions { ColumnNames = names });

        set.GetJourney(0).Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "email", "spring"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Read_ColumnNames_EmptyHeader_Throws(string header)
    {
        var names = new Dictionary<string, string> { ["channel"] = header };
        var act = () => ReadText("journey_id,timestamp,channel\n", new EventLogCsvOptions { ColumnNames = names });

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().StartWith("ColumnNames: column channel is mapped to an empty header.");
    }

    [Fact]
    public void Read_ColumnNames_OneColumnTwiceInDifferentCase_Throws()
    {
        var names = new Dictionary<string, string> { ["channel"] = "source", ["CHANNEL"] = "medium" };
        var act = () => ReadText("journey_id,timestamp,source,medium\n", new EventLogCsvOptions { ColumnNames = names });

        act.Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().StartWith("ColumnNames: column channel is mapped twice.");
    }
}
