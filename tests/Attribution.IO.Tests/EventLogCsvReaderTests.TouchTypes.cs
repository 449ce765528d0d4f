using System.Text;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.IO.Tests;

/// <summary>The optional <c>touch_type</c> and <c>status</c> columns and <see cref="EventLogCsvOptions.CountedStatuses"/> (issue 10 §2).</summary>
public sealed partial class EventLogCsvReaderTests
{
    // Campaign members of an expo: ann was sent an invitation, then attended; ben registered and never came; cara
    // responded to the e-mail; dan was only sent one, so every row of dan's is left out under attended,responded.
    private const string Members = """
        journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status
        ann,2026-03-01T09:00:00Z,email,expo,,,,,Sent
        ann,2026-03-05T09:00:00Z,events,expo,,,,offline,Attended
        ben,2026-03-01T09:00:00Z,email,expo,,,,,sent
        ben,2026-03-02T09:00:00Z,events,expo,,,,offline,registered
        ben,2026-03-03T09:00:00Z,search,,,,,,
        cara,2026-03-01T09:00:00Z,email,spring,,,,online,responded
        dan,2026-03-01T09:00:00Z,email,expo,,,,,Sent
        ann,2026-03-09T09:00:00Z,,,order,100,o-1,,
        ben,2026-03-09T09:00:00Z,,,order,50,o-2,,
        """;

    [Fact]
    public void Read_TouchTypeColumn_EmptyOrMissingIsOnline()
    {
        var set = ReadText(Members);
        var without = ReadText("journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n");

        set.TouchTypes.Should().Equal("online", "offline");
        set.GetJourney(0).Touchpoints.Select(t => t.TouchType).Should().Equal("online", "offline");
        set.GetJourney(2).Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "email", "spring", "online"));
        without.GetTouchpoint(0).TouchType.Should().Be("online");
        without.TouchTypes.Should().Equal("online");
    }

    [Fact]
    public void Read_NoCountedStatuses_EveryRowCounts()
    {
        var set = ReadText(Members);

        set.TouchpointCount.Should().Be(7);
        set.JourneyIds.Should().Equal("ann", "ben", "cara", "dan");
        set.NotCountedByStatus.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false, 1000)]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    public void Read_CountedStatuses_LeavesOtherRowsOutAndCountsThemPerStatusAsWritten(bool pipelined, int batchRows)
    {
        var options = new EventLogCsvOptions { CountedStatuses = ["attended", "responded"] };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Members));

        var set = EventLogCsvReader.Read(stream, options, "events.csv", pipelined, batchRows);

        // Kept: ann's Attended expo visit, ben's search (no status), cara's response: 3 touchpoints of 7 touch rows.
        // Left out: Sent (ann, dan) 2, sent (ben) 1, registered (ben) 1 = 4, statuses as written, in order of first appearance.
        set.TouchpointCount.Should().Be(3);
        set.NotCountedByStatus.Should().Equal(
            new KeyValuePair<string, int>("Sent", 2),
            new KeyValuePair<string, int>("sent", 1),
            new KeyValuePair<string, int>("registered", 1));
        (set.TouchpointCount + set.NotCountedByStatus.Sum(s => s.Value)).Should().Be(7);

        // dan had no row that counts, so dan is no journey; the others keep their order of first appearance.
        set.JourneyIds.Should().Equal("ann", "ben", "cara");
        set.GetJourney(0).Touchpoints.Should().Equal(new Touchpoint(Utc(5, 9), "events", "expo", "offline"));
        set.GetJourney(1).Touchpoints.Should().Equal(new Touchpoint(Utc(3, 9), "search"));
        set.ConversionCount.Should().Be(2);

        // Attributed: ann's order 100 to her offline expo visit, ben's 50 to his online search.
        var order = new AttributionEngine().Run(set, AttributionModels.Linear).ForKind("order");
        order.ByTouchType.Should().Equal(new Reports.CreditTotal("online", 1, 50), new Reports.CreditTotal("offline", 1, 100));
    }

    [Fact]
    public void Read_StatusOnAConversionRow_IsAnError()
    {
        var error = ReadError("journey_id,timestamp,channel,conversion,status\na,2026-03-01T09:00:00Z,email,,sent\na,2026-03-02T09:00:00Z,,order,Won\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be("status");
        error.Message.Should().Be("events.csv:3: column 'status': 'Won' on a conversion row; only touchpoint rows have a campaign-member status (a conversion always counts)");
    }

    [Fact]
    public void Read_TouchTypeOnAConversionRow_IsNotRead()
    {
        var set = ReadText("journey_id,timestamp,channel,conversion,touch_type\na,2026-03-01T09:00:00Z,email,,offline\na,2026-03-02T09:00:00Z,,order,(none)\n");

        set.GetConversion(0).Kind.Should().Be("order");
        set.TouchTypes.Should().Equal("offline");
    }

    [Theory]
    [InlineData("(none)", "touch_type")]
    [InlineData("(unattributed)", "touch_type")]
    [InlineData("\"off\u0001line\"", "touch_type")]
    public void Read_TouchTypeBreakingTheRuleOfNames_NamesLineAndColumn(string touchType, string column)
    {
        var error = ReadError($"journey_id,timestamp,channel,touch_type,status\na,2026-03-01T09:00:00Z,email,,\na,2026-03-02T09:00:00Z,email,{touchType},\n");

        error.Line.Should().Be(3);
        error.Column.Should().Be(column);
    }

    [Fact]
    public void Read_StatusWithAControlCharacter_NamesLineAndColumn()
    {
        var error = ReadError("journey_id,timestamp,channel,status\na,2026-03-01T09:00:00Z,email,\"se\u0002nt\"\n");

        error.Line.Should().Be(2);
        error.Column.Should().Be("status");
    }

    [Fact]
    public void Read_RowLeftOutByStatus_IsStillChecked()
    {
        // A row that does not count is still read whole: a bad journey id on it is an error, not silently skipped.
        var options = new EventLogCsvOptions { CountedStatuses = ["attended"] };
        var act = () =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes("journey_id,timestamp,channel,status\n\"a\u0001\",2026-03-01T09:00:00Z,email,sent\n"));
            return EventLogCsvReader.Read(stream, options, "events.csv");
        };

        act.Should().Throw<AttributionDataException>().Which.Column.Should().Be("journey_id");
    }

    [Fact]
    public void WriterRows_ReadBack_WithTheirTouchTypesAndStatuses()
    {
        // The Salesforce import writes touch_type and status through EventLogCsvWriter; the reader takes them back.
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var text = new StringWriter();
        EventLogCsvWriter.Write(text,
        [
            EventLogRow.Touch("c1", at, "Trade Show", "Expo", "offline", "Responded"),
            EventLogRow.Touch("c1", at.AddDays(1), "Email", "Spring", "online", "Sent"),
            EventLogRow.Conversion("c1", at.AddDays(2), "order", 10, "o-1"),
        ]);

        var set = ReadText(text.ToString(), new EventLogCsvOptions { CountedStatuses = ["responded"] });

        set.GetJourney(0).Touchpoints.Should().Equal(new Touchpoint(at, "Trade Show", "Expo", "offline"));
        set.NotCountedByStatus.Select(s => (s.Key, s.Value)).Should().Equal(("Sent", 1));
    }
}
