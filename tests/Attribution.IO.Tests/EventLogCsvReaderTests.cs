using System.Text;
using Attribution.Journeys;

namespace Attribution.IO.Tests;

public sealed partial class EventLogCsvReaderTests
{
    private static JourneySet ReadText(string csv, EventLogCsvOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return EventLogCsvReader.Read(stream, options, "events.csv");
    }

    private static AttributionDataException ReadError(string csv)
    {
        var act = () => ReadText(csv);
        return act.Should().Throw<AttributionDataException>().Which;
    }

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Read_InterleavedJourneys_GroupsRowsByJourneyInOrderOfFirstAppearance()
    {
        const string csv = """
            journey_id,timestamp,channel,campaign,conversion,value
            anna,2026-03-01T09:00:00Z,email,spring,,
            ben,2026-03-01T10:00:00Z,search,,,
            anna,2026-03-02T09:00:00Z,social,,,
            ben,2026-03-03T10:00:00Z,,,order,40.5
            anna,2026-03-04T12:00:00Z,,,order,120
            """;

        var set = ReadText(csv);

        set.Count.Should().Be(2);
        set.JourneyIds.Should().Equal("anna", "ben");
        var anna = set.GetJourney(0);
        anna.Touchpoints.Should().Equal(
            new Touchpoint(Utc(1, 9), "email", "spring"),
            new Touchpoint(Utc(2, 9), "social"));
        anna.Conversions.Should().Equal(new Conversion(Utc(4, 12), 120, "order"));
        var ben = set.GetJourney(1);
        ben.Touchpoints.Should().Equal(new Touchpoint(Utc(1, 10), "search"));
        ben.Conversions.Should().Equal(new Conversion(Utc(3, 10), 40.5, "order"));
        set.Channels.Should().Equal("email", "search", "social");
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAnyCaseWithUnknownColumns_MatchesByName()
    {
        const string csv = """
            Country,VALUE,Channel,Timestamp,ignored,JOURNEY_ID,Conversion
            de,,email,2026-03-01T09:00:00Z,x,anna,
            de,7,,2026-03-02T09:00:00Z,y,anna,lead
            """;

        var journey = ReadText(csv).GetJourney(0);

        journey.Id.Should().Be("anna");
        journey.Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "email"));
        journey.Conversions.Should().Equal(new Conversion(Utc(2, 9), 7, "lead"));
    }

    [Fact]
    public void Read_QuotedFields_AreUnquotedAndMayHoldDelimitersQuotesAndLineBreaks()
    {
        // The line break is in a column the reader ignores: names may not hold one (a control character).
        const string csv = "journey_id,timestamp,channel,campaign,note\n"
            + "\"a,1\",\"2026-03-01T09:00:00Z\",\"paid \"\"search\"\"\",\"spring, sale\",\"two\nlines\"\n";

        var journey = ReadText(csv).GetJourney(0);

        journey.Id.Should().Be("a,1");
        journey.Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "paid \"search\"", "spring, sale"));
    }

    [Fact]
    public void Read_OffsetTimestamp_IsTheSameInstantAsItsUtcForm()
    {
        // 11:30+02:00 is 09:30Z; 04:30-05:00 is 09:30Z.
        const string csv = """
            journey_id,timestamp,channel
            a,2026-03-01T11:30:00+02:00,email
            a,2026-03-01T04:30:00-05:00,search
            a,2026-03-01T09:30:00.1234567Z,social
            """;

        var touches = ReadText(csv).GetJourney(0).Touchpoints;

        touches[0].Instant.UtcTicks.Should().Be(Utc(1, 9, 30).UtcTicks);
        touches[1].Instant.UtcTicks.Should().Be(Utc(1, 9, 30).UtcTicks);
        touches[2].Instant.UtcTicks.Should().Be(Utc(1, 9, 30).UtcTicks + 1_234_567);
    }

    [Fact]
    public void Read_ConversionWithEmptyValue_IsWorthOne()
    {
        const string csv = """
            journey_id,timestamp,channel,conversion,value
            a,2026-03-01T09:00:00Z,email,,
            a,2026-03-02T09:00:00Z,,signup,
            """;

        ReadText(csv).GetJourney(0).Conversions.Should().Equal(new Conversion(Utc(2, 9), 1, "signup"));
    }

    [Fact]
    public void Read_ConversionId_IsCarriedIntoTheConversion()
    {
        const string csv = """
            journey_id,timestamp,channel,conversion,value,conversion_id
            a,2026-03-01T09:00:00Z,email,,,
            a,2026-03-02T09:00:00Z,,order,10,SO-1001
            a,2026-03-03T09:00:00Z,,order,20,
            """;

        ReadText(csv).GetJourney(0).Conversions.Select(c => c.Id).Should().Equal("SO-1001", null);
    }

    [Fact]
    public void Read_HeaderOnly_ReturnsAnEmptySet()
    {
        var set = ReadText("journey_id,timestamp,channel\n");

        set.Count.Should().Be(0);
        set.TouchpointCount.Should().Be(0);
    }

    [Fact]
    public void Read_Path_NamesTheFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "journey_id,timestamp,channel\na,2026-03-01T09:00:00,email\n");
        try
        {
            var act = () => EventLogCsvReader.Read(path);

            act.Should().Throw<AttributionDataException>()
                .Which.Message.Should().StartWith($"{path}:2: column 'timestamp': ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_ManyRows_ReportsProgressEveryHundredThousandRowsAndAtTheEnd()
    {
        var csv = new StringBuilder("journey_id,timestamp,channel\n");
        for (var i = 0; i < 250_000; i++)
        {
            csv.Append('j').Append(i % 1000).Append(",2026-03-01T09:00:00Z,email\n");
        }

        var reports = new List<long>();
        var set = ReadText(csv.ToString(), new EventLogCsvOptions { Progress = new SynchronousProgress(reports) });

        reports.Should().Equal(100_000, 200_000, 250_000);
        set.TouchpointCount.Should().Be(250_000);
    }

    [Fact]
    public void Read_SemicolonDelimiter_SplitsOnIt()
    {
        var set = ReadText("journey_id;timestamp;channel\na;2026-03-01T09:00:00Z;email\n", new EventLogCsvOptions { Delimiter = ';' });

        set.GetJourney(0).Touchpoints.Should().Equal(new Touchpoint(Utc(1, 9), "email"));
    }

    private sealed class SynchronousProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}

public sealed class EventLogCsvReaderJourneyRunTests
{
    [Fact]
    public void Read_RunsOfRowsPerJourneyAndPrefixIds_KeepJourneysApart()
    {
        // "a" then "ab" then "a": the reader's memory of the last journey must compare whole ids, not prefixes.
        const string csv = """
            journey_id,timestamp,channel
            a,2026-03-01T09:00:00Z,email
            a,2026-03-01T10:00:00Z,search
            ab,2026-03-01T11:00:00Z,social
            a,2026-03-01T12:00:00Z,display
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));

        var set = EventLogCsvReader.Read(stream);

        set.JourneyIds.Should().Equal("a", "ab");
        set.GetJourney(0).Touchpoints.Select(t => t.Channel).Should().Equal("email", "search", "display");
        set.GetJourney(1).Touchpoints.Select(t => t.Channel).Should().Equal("social");
    }
}
