using System.Text;
using System.Text.Json;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.IO.Tests.Contribution;

public sealed partial class ContributionWriterTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ContributionRecords Records()
    {
        // j1: search/"brand, EU" then email; conversion 300 with id order-1. Linear: 150 each.
        // j2: search/"brand, EU"; conversion 100 without id: derived id j2#order#1.
        var journeys = new[]
        {
            new Journey("j1", [new Touchpoint(Day.AddDays(-2), "search", "brand, EU"), new Touchpoint(Day.AddDays(-1), "email")], [new Conversion(Day, 300, "order", "order-1")]),
            new Journey("j2", [new Touchpoint(Day.AddDays(-1), "search", "brand, EU")], [new Conversion(Day.AddHours(1), 100, "order")]),
        };
        var report = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(journeys, [AttributionModels.Linear]);
        return ContributionRecords.From(report);
    }

    [Fact]
    public void WriteCsv_WritesHeaderAndOneRowPerRecord_QuotingCommas()
    {
        var text = new StringWriter();

        ContributionWriter.WriteCsv(text, Records());

        text.ToString().Should().Be(
            "model,campaign,channel,journey_id,conversion_id,conversion_kind,conversion_instant,conversion_value,share,value\n" +
            "linear,\"brand, EU\",search,j1,order-1,order,2026-03-10T12:00:00Z,300,0.5,150\n" +
            "linear,(none),email,j1,order-1,order,2026-03-10T12:00:00Z,300,0.5,150\n" +
            "linear,\"brand, EU\",search,j2,j2#order#1,order,2026-03-10T13:00:00Z,100,1,100\n");
    }

    [Fact]
    public void WriteJson_WritesAnArrayWithCamelCaseFields()
    {
        var stream = new MemoryStream();

        ContributionWriter.WriteJson(stream, Records());

        using var json = JsonDocument.Parse(stream.ToArray());
        var rows = json.RootElement.EnumerateArray().ToArray();
        rows.Should().HaveCount(3);
        var first = rows[0];
        first.GetProperty("model").GetString().Should().Be("linear");
        first.GetProperty("campaign").GetString().Should().Be("brand, EU");
        first.GetProperty("journeyId").GetString().Should().Be("j1");
        first.GetProperty("conversionId").GetString().Should().Be("order-1");
        first.GetProperty("conversionInstant").GetDateTimeOffset().Should().Be(Day);
        first.GetProperty("conversionInstant").GetString().Should().Be(Day.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), "JSON writes instants as the CSV does");
        first.GetProperty("share").GetDouble().Should().Be(0.5);
        first.GetProperty("value").GetDouble().Should().Be(150);
        rows[2].GetProperty("conversionId").GetString().Should().Be("j2#order#1");
    }

    [Fact]
    public void WriteCsvAndJson_ToFiles_GiveTheSameRecords()
    {
        var dir = Directory.CreateTempSubdirectory("contributions-");
        try
        {
            var csv = Path.Combine(dir.FullName, "c.csv");
            var json = Path.Combine(dir.FullName, "c.json");

            ContributionWriter.WriteCsv(csv, Records());
            ContributionWriter.WriteJson(json, Records());

            File.ReadAllLines(csv, Encoding.UTF8).Should().HaveCount(4);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
            doc.RootElement.GetArrayLength().Should().Be(3);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void WriteCsv_TextCellsStartingLikeAFormula_GetAQuote_NumbersStayNumbers()
    {
        var text = new StringWriter();
        var record = new ContributionRecord("=m", "+c", "-ch", "@j", "=1+2", "-k", Day, -3.5, 0.5, 0);

        ContributionWriter.WriteCsv(text, [record]);

        // Every text field gets a leading single quote; the instant and the numbers are written as they are.
        text.ToString().Split('\n')[1].Should().Be("'=m,'+c,'-ch,'@j,'=1+2,'-k,2026-03-10T12:00:00Z,-3.5,0.5,0");
    }
}
