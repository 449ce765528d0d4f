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

    // social and launch occur only in the spend file: each is a warning on stderr, with the run going on.
    private static void ShouldSucceedWithSpendWarnings(CliRun run)
    {
        run.ExitCode.Should().Be(0);
        run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "attribution: warning: --spend: channel 'social' never occurs in the input; its spend is reported on a row of its own, with no credit.",
            "attribution: warning: --spend: campaign 'launch' never occurs in the input; its spend is reported on a row of its own, with no credit.");
    }

    [Fact]
    public void Attribute_WithSpend_Csv_RatiosWorkedByHandPerKind()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", spend, "--format", "csv");
        ShouldSucceedWithSpendWarnings(run);

        // Orders (a's 90 split 0.5/45 to email and display; c's 30 unattributed):
        //   email 45 / 20 = 2.25, (45 − 20) / 20 = 1.25, cost per order 20 / 0.5 = 40;
        //   display 45 / 50 = 0.9, (45 − 50) / 50 = −0.1, 50 / 0.5 = 100;
        //   social: spend without credit: ROAS 0, ROI −1, cost per order undefined (empty);
        //   (total): all spend 20 + 50 + 5 = 75 against 1 credited order worth 90: 1.2, 0.2, 75.
        // Leads (b's 10 to display): email 0 / 20 = 0, −1, n/a; display 10 / 50 = 0.2, −0.8, 50 / 1 = 50;
        //   (total): 10 / 75 = 0.1333…, −65 / 75 = −0.8666…, 75 / 1 = 75.
        run.Stdout.Should().Be(
            "model,conversion,channel,spend,conversions,value,roas,roi,cpa\n" +
            "linear,order,email,20,0.5,45,2.25,1.25,40\n" +
            "linear,order,display,50,0.5,45,0.9,-0.1,100\n" +
            "linear,order,social,5,0,0,0,-1,\n" +
            "linear,order,(total),75,1,90,1.2,0.2,75\n" +
            "linear,lead,email,20,0,0,0,-1,\n" +
            "linear,lead,display,50,1,10,0.2,-0.8,50\n" +
            "linear,lead,social,5,0,0,0,-1,\n" +
            "linear,lead,(total),75,1,10,0.13333333333333333,-0.8666666666666667,75\n");
    }

    [Fact]
    public void Attribute_WithSpend_ByCampaignJson_NullForUndefinedRatiosAndForKeysWithoutSpend()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "last-touch", "--spend", spend, "--currency", "EUR", "--by", "campaign", "--format", "json");
        ShouldSucceedWithSpendWarnings(run);

        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("currency").GetString().Should().Be("EUR");
        var all = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        var orders = all.Where(r => r.GetProperty("conversion").GetString() == "order").ToDictionary(r => r.GetProperty("campaign").GetString()!);
        var leads = all.Where(r => r.GetProperty("conversion").GetString() == "lead").ToDictionary(r => r.GetProperty("campaign").GetString()!);

        // Last touch: a's order → display (no campaign) 90, b's lead → retarget 10. spring has 20 spend and no credit.
        orders.Keys.Should().Equal("spring", "retarget", "(none)", "launch", "(total)");
        orders["spring"].GetProperty("roi").GetDouble().Should().Be(-1);
        orders["spring"].GetProperty("cpa").ValueKind.Should().Be(JsonValueKind.Null);
        orders["(none)"].GetProperty("value").GetDouble().Should().Be(90);
        orders["(none)"].GetProperty("spend").ValueKind.Should().Be(JsonValueKind.Null);
        // retarget earned a lead but no spend line names it: its spend and cost per lead are unknown (null), not 0.
        leads["retarget"].GetProperty("value").GetDouble().Should().Be(10);
        leads["retarget"].GetProperty("spend").ValueKind.Should().Be(JsonValueKind.Null);
        leads["retarget"].GetProperty("roas").ValueKind.Should().Be(JsonValueKind.Null);
        leads["retarget"].GetProperty("cpa").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Attribute_WithSpend_Table_ShowsNaAndCostPerConversionOfEachKind()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", spend, "--format", "table");
        ShouldSucceedWithSpendWarnings(run);

        // The numbers of the CSV test, rounded to two decimals (ROI as a percentage).
        run.StdoutLines.Select(static l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Should().Equal(
            "model conversion channel spend conversions value ROAS ROI cost per conversion",
            "------ ---------- ------- ----- ----------- ----- ---- ------- -------------------",
            "linear order email 20 0.5 45 2.25 125.0% 40",
            "linear order display 50 0.5 45 0.9 -10.0% 100",
            "linear order social 5 0 0 0 -100.0% n/a",
            "linear order (total) 75 1 90 1.2 20.0% 75",
            "linear lead email 20 0 0 0 -100.0% n/a",
            "linear lead display 50 1 10 0.2 -80.0% 50",
            "linear lead social 5 0 0 0 -100.0% n/a",
            "linear lead (total) 75 1 10 0.13 -86.7% 75");
    }

    [Fact]
    public void Attribute_WithSpend_ChannelWithCreditButNoSpendLine_ShowsNa()
    {
        var emailOnly = temp.Write("email-spend.csv", "channel,campaign,date,cost\nemail,spring,2025-01-01,20\n");

        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", emailOnly, "--conversion", "order", "--format", "csv").ShouldSucceed();

        // display earned 0.5 order worth 45 but no line names it: spend, ROAS, ROI and cost per order are all empty, not 0.
        run.StdoutLines.Should().Contain("linear,order,display,,0.5,45,,,");
        run.StdoutLines.Should().NotContain(l => l.Contains(",lead,", StringComparison.Ordinal));
    }

    [Fact]
    public void Attribute_WithSpend_NameDifferingInCase_IsWarnedWithTheClosestName()
    {
        var typo = temp.Write("typo-spend.csv", "channel,campaign,date,cost\nEmail,,2025-01-01,20\n");

        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", typo, "--format", "csv");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Be("attribution: warning: --spend: channel 'Email' never occurs in the input (the closest name in the data is 'email'); its spend is reported on a row of its own, with no credit.\n");
    }

    [Fact]
    public void Attribute_WithSpendAndPeriod_CountsOnlySpendLinesDatedInsideIt()
    {
        var dated = temp.Write("dated-spend.csv",
            "channel,campaign,date,cost\n" +
            "email,spring,2024-12-31,7\n" +
            "email,spring,2025-01-01,20\n" +
            "email,spring,2025-02-01,100\n");

        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", dated, "--from", "2025-01-01", "--to", "2025-02-01", "--conversion", "order", "--format", "csv");

        // Only the line of 2025-01-01 lies in [2025-01-01, 2025-02-01): email's spend is 20, so 45 / 20 = 2.25 and 20 / 0.5 = 40.
        run.ExitCode.Should().Be(0);
        run.StdoutLines.Should().Contain("linear,order,email,20,0.5,45,2.25,1.25,40");
        run.Stderr.Should().Contain("attribution: note: the rows count only conversions from 2025-01-01T00:00:00Z to 2025-02-01T00:00:00Z (exclusive), and only spend lines dated inside it.");
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
    public void Contributions_WithoutOutput_StreamToStandardOutput()
    {
        // The same three records as the file above, as CSV on stdout (nothing else there).
        var run = CliRun.Of("contributions", "--input", input, "--model", "linear").ShouldSucceed();

        run.Stdout.Should().Be(
            "model,campaign,channel,journey_id,conversion_id,conversion_kind,conversion_instant,conversion_value,share,value\n" +
            "linear,spring,email,a,o1,order,2025-01-03T00:00:00Z,90,0.5,45\n" +
            "linear,(none),display,a,o1,order,2025-01-03T00:00:00Z,90,0.5,45\n" +
            "linear,retarget,display,b,b#lead#1,lead,2025-01-05T00:00:00Z,10,1,10\n");
    }

    [Fact]
    public void Contributions_JsonOnStandardOutput_IsWhatTheFileHolds()
    {
        var output = temp.File("contributions.json");
        CliRun.Of("contributions", "--input", input, "--model", "linear", "--output", output).ShouldSucceed();

        var run = CliRun.Of("contributions", "--input", input, "--model", "linear", "--format", "json").ShouldSucceed();

        run.Stdout.Should().Be(File.ReadAllText(output));
        JsonDocument.Parse(run.Stdout).RootElement.GetArrayLength().Should().Be(3);
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

        var run = CliRun.Of("report", "--input", input, "--model", "linear", "--model", "last-touch", "--spend", spend, "--title", "Q1", "--output", output, "--stages", "lead,order");
        ShouldSucceedWithSpendWarnings(run);

        run.Stdout.Should().Be($"Wrote {output}\n");
        var html = File.ReadAllText(output);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<title>Q1</title>");

        // Two kinds: each gets its own credit, ROAS and campaign charts; then the funnel section.
        foreach (var chart in new[] { "credit-by-channel-order", "roas-by-channel-order", "top-campaigns-order", "credit-by-channel-lead", "roas-by-channel-lead", "top-campaigns-lead", "time-to-conversion", "path-length" })
        {
            html.Should().Contain($"data-chart=\"{chart}\"");
        }

        // Funnel under linear: display has 1 lead (b) and 0.5 order (a) → 0.5 / 1 = 50.0%; email 0 leads, 0.5 order → n/a.
        html.Should().Contain("<table data-table=\"funnel\">");
        html.Should().Contain("<tr><td>display</td><td>linear</td><td>1</td><td>0.5</td><td>50.0%</td></tr>");
        html.Should().Contain("<tr><td>email</td><td>linear</td><td>0</td><td>0.5</td><td><span class=\"na\">n/a</span></td></tr>");
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
            .ShouldFail(2, "--format: 'xml' is not a format of this command; use csv, json.");
    }
}
