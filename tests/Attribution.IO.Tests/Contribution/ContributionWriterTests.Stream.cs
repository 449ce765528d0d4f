using System.Text;
using System.Text.Json;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.IO.Tests.Contribution;

public sealed partial class ContributionWriterTests
{
    // Names that the JSON encoder escapes (quote, <, non-ASCII, an emoji) and that CSV quotes or guards (comma, =).
    private static readonly string[] OddCampaigns = [null!, "brand, EU", "say \"hi\"", "<b>", "été", "🚀 launch", "=SUM(A1)"];

    private static JourneySet RandomJourneys(int count)
    {
        var random = new Random(15);
        var journeys = new Journey[count];
        for (var j = 0; j < count; j++)
        {
            var touches = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => new Touchpoint(Day.AddMinutes(-random.Next(60 * 24 * 40)), random.Next(2) == 0 ? "search" : "e-mail", OddCampaigns[random.Next(OddCampaigns.Length)]))
                .ToArray();
            var conversions = Enumerable.Range(0, random.Next(0, 3))
                .Select(c => new Conversion(Day.AddMinutes(-random.Next(60 * 24 * 10)), Math.Round(random.NextDouble() * 500, 2), "order", c == 0 && j % 3 == 0 ? $"o-{j}" : null))
                .ToArray();
            journeys[j] = new Journey($"j{j}", touches, conversions);
        }

        return JourneySet.Create(journeys);
    }

    private static readonly IAttributionModel[] Models = [AttributionModels.Linear, AttributionModels.TimeDecay(), AttributionModels.UShaped()];

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(20_000)]
    public void WriteJson_StreamedRecords_SameBytesAsTheSerializerOnTheWholeArray(int journeyCount)
    {
        var journeys = RandomJourneys(journeyCount);
        var inMemory = ContributionRecords.From(new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(journeys, Models));
        var before = new MemoryStream();
        JsonSerializer.Serialize(before, inMemory.ToArray(), ContributionJsonContext.Default.ContributionRecordArray);

        var after = new MemoryStream();
        ContributionWriter.WriteJson(after, ContributionRecords.Stream(journeys, Models));

        // 20,000 journeys make megabytes, so the writer flushes many times along the way.
        Encoding.UTF8.GetString(after.ToArray()).Should().Be(Encoding.UTF8.GetString(before.ToArray()));
        after.ToArray().Should().Equal(before.ToArray());
    }

    [Fact]
    public void WriteCsv_StreamedRecords_SameBytesAsTheInMemoryRecords()
    {
        var journeys = RandomJourneys(20_000);
        var inMemory = ContributionRecords.From(new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(journeys, Models));
        var before = new StringWriter();
        ContributionWriter.WriteCsv(before, inMemory);

        var after = new StringWriter();
        ContributionWriter.WriteCsv(after, ContributionRecords.Stream(journeys, Models));

        after.ToString().Should().Be(before.ToString());
        after.ToString().Should().Contain("\"say \"\"hi\"\"\"").And.Contain("'=SUM(A1)");
    }

    [Fact]
    public void WriteJson_ToText_IsTheUtf8OfTheStream_AcrossFlushes()
    {
        // 3,000 records of about 250 bytes cross the 64 KiB flush many times; a campaign with non-ASCII letters checks
        // that no chunk splits a character.
        var records = Enumerable.Range(0, 3000)
            .Select(i => new ContributionRecord("linear", "Frühjahr-Ünïcødé-€", "email", $"j{i}", $"o{i}", "order", Day, 90, 0.5, 45))
            .ToList();
        using var bytes = new MemoryStream();
        ContributionWriter.WriteJson(bytes, records);
        var text = new StringWriter();

        ContributionWriter.WriteJson(text, records);

        text.ToString().Should().Be(System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Length.Should().BeGreaterThan(3 * 65536);
    }
}
