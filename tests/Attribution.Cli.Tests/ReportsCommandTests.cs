using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: <c>attribute --spend</c>, <c>report</c> and <c>contributions</c>.</summary>
public sealed class ReportsCommandTests : IDisposable
{
    // The data of AttributeCommandTests: linear gives email 0.5 / 45 and display 0.5 / 45 + 1 / 10 = 1.5 / 55; c's 30 is unattributed.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,email,spring,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,90,o1\n" +
        "b,2025-01-01T00:00:00Z,display,retarget,,,\n" +
        "b,2025-01-05T00:00:00Z,,,lead,10,\n" +
        "c,2025-01-10T00:00:00Z,,,order,30,o2\n";

    private const string Spend =
        "channel,campaign,date,cost\n" +
        "email,spring,2025-01-01,20\n" +
        "display,,,50\n" +
        "social,launch,,5\n";

    private readonly TempDirectory temp = new();
    private readonly string input;
    private readonly string spend;

    public ReportsCommandTests()
    {
        input = temp.Write("events.csv", Events);
        spend = temp.Write("spend.csv", Spend);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Attribute_WithSpend_Csv_RatiosWorkedByHand()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", spend, "--format", "csv").ShouldSucceed();

        // email: 45 / 20 = 2.25, (45 − 20) / 20 = 1.25, 20 / 0.5 = 40.
        // display: 55 / 50 = 1.1, 5 / 50 = 0.1, 50 / 1.5 = 33.33…
        // social: spend without credit: ROAS 0, ROI −1, CPA undefined (empty).
        run.Stdout.Should().Be(
            "model,channel,spend,conversions,value,roas,roi,cpa\n" +
            "linear,email,20,0.5,45,2.25,1.25,40\n" +
            "linear,display,50,1.5,55,1.1,0.1,33.333333333333336\n" +
            "linear,social,5,0,0,0,-1,\n");
    }

    [Fact]
    public void Attribute_WithSpend_ByCampaignJson_NullForUndefinedRatios()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "last-touch", "--spend", spend, "--currency", "EUR", "--by", "campaign", "--format", "json").ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("currency").GetString().Should().Be("EUR");
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("campaign").GetString()!);

        // Last touch: a → display (no campaign) 90, b → retarget 10. spring has 20 spend and no credit.
        rows.Keys.Should().Equal("spring", "retarget", "(none)", "launch");
        rows["spring"].GetProperty("roi").GetDouble().Should().Be(-1);
        rows["spring"].GetProperty("cpa").ValueKind.Should().Be(JsonValueKind.Null);
        rows["retarget"].GetProperty("roas").ValueKind.Should().Be(JsonValueKind.Null);
        rows["retarget"].GetProperty("cpa").GetDouble().Should().Be(0);
    }

    [Fact]
    public void Attribute_WithSpend_Table_ShowsNa()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", spend, "--format", "table").ShouldSucceed();

        run.StdoutLines.Should().Equal(
            "model   channel  spend  conversions  value  ROAS      ROI    CPA",
            "------  -------  -----  -----------  -----  ----  -------  -----",
            "linear  email       20          0.5     45  2.25   125.0%     40",
            "linear  display     50          1.5     55   1.1    10.0%  33.33",
            "linear  social       5            0      0     0  -100.0%    n/a");
    }

    [Fact]
    public void Contributions_Csv_OneRecordPerCampaignAndConversion()
    {
        var output = temp.File("contributions.csv");

        var run = CliRun.Of("contributions", "--input", input, "--model", "linear", "--output", output).ShouldSucceed();

        run.Stdout.Should().Be($"Wrote 3 contribution records to {output}\n");

        // a/o1 (90): spring via email and no campaign via display, 45 each; b's lead (no id: b#lead#1): retarget, all 10.
        File.ReadAllText(output).Should().Be(
            "model,campaign,channel,journey_id,conversion_id,conversion_kind,conversion_instant,conversion_value,share,value\n" +
            "linear,spring,email,a,o1,order,2025-01-03T00:00:00Z,90,0.5,45\n" +
            "linear,(none),display,a,o1,order,2025-01-03T00:00:00Z,90,0.5,45\n" +
            "linear,retarget,display,b,b#lead#1,lead,2025-01-05T00:00:00Z,10,1,10\n");
    }

    [Fact]
    public void Contributions_JsonByExtension_TwoModels()
    {
        var output = temp.File("contributions.json");

        CliRun.Of("contributions", "--input", input, "--model", "linear", "--model", "first-touch", "--output", output).ShouldSucceed();

        // linear 3 records; first-touch: a → spring 90, b → retarget 10.
        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        var rows = json.RootElement.EnumerateArray().ToArray();
        rows.Should().HaveCount(5);
        rows.Where(r => r.GetProperty("model").GetString() == "first-touch").Select(r => r.GetProperty("campaign").GetString()).Should().Equal("spring", "retarget");
    }

    [Fact]
    public void Report_WritesSelfContainedHtmlWithRoas()
    {
        var output = temp.File("report.html");

        var run = CliRun.Of("report", "--input", input, "--model", "linear", "--model", "last-touch", "--spend", spend, "--title", "Q1", "--output", output).ShouldSucceed();

        run.Stdout.Should().Be($"Wrote {output}\n");
        var html = File.ReadAllText(output);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<title>Q1</title>");
        foreach (var chart in new[] { "credit-by-channel", "roas-by-channel", "top-campaigns", "time-to-conversion", "path-length" })
        {
            html.Should().Contain($"data-chart=\"{chart}\"");
        }
    }

    [Fact]
    public void Spend_MissingFile_IsADataError()
    {
        CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", temp.File("nope.csv"))
            .ShouldFail(1, "--spend: file '", "nope.csv' does not exist.");
    }

    [Fact]
    public void Spend_BadRow_NamesFileLineAndColumn()
    {
        var bad = temp.Write("bad.csv", "channel,cost\nemail,-3\n");

        CliRun.Of("report", "--input", input, "--model", "linear", "--spend", bad, "--output", temp.File("r.html"))
            .ShouldFail(1, "bad.csv:2: column 'cost': '-3' is negative");
    }

    [Fact]
    public void Currency_WithoutSpend_IsAUsageError()
    {
        CliRun.Of("attribute", "--input", input, "--model", "linear", "--currency", "EUR")
            .ShouldFail(2, "--currency applies to --spend");
    }

    [Fact]
    public void Contributions_BadFormat_IsAUsageError()
    {
        CliRun.Of("contributions", "--input", input, "--model", "linear", "--output", temp.File("x.csv"), "--format", "xml")
            .ShouldFail(2, "--format: 'xml' is not a format; use csv or json.");
    }
}
