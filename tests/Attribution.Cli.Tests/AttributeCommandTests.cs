using System.Text.Json;

namespace Attribution.Cli.Tests;

public sealed class AttributeCommandTests : IDisposable
{
    // Journey a: email (campaign spring), display (no campaign), then an order worth 90.
    // Journey b: display (campaign retarget), four days later a lead worth 10.
    // Journey c: an order worth 30 and no touch at all: unattributed under every model.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,email,spring,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,90,o1\n" +
        "b,2025-01-01T00:00:00Z,display,retarget,,,\n" +
        "b,2025-01-05T00:00:00Z,,,lead,10,l1\n" +
        "c,2025-01-10T00:00:00Z,,,order,30,o2\n";

    private readonly TempDirectory temp = new();
    private readonly string input;

    public AttributeCommandTests()
    {
        input = temp.Write("events.csv", Events);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Csv_LinearAndFirstTouch_MatchHandComputedCredits()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--model", "first-touch", "--format", "csv").ShouldSucceed();

        // linear: a splits 90 over two touches → email 0.5/45, display 0.5/45; b gives display 1/10 → display 1.5/55.
        // first-touch: a → email 1/90; b → display 1/10. Journey c's order (30) is unattributed under both.
        run.Stdout.Should().Be(
            "model,channel,conversions,value\n" +
            "linear,email,0.5,45\n" +
            "linear,display,1.5,55\n" +
            "linear,(unattributed),1,30\n" +
            "first-touch,email,1,90\n" +
            "first-touch,display,1,10\n" +
            "first-touch,(unattributed),1,30\n");
    }

    [Fact]
    public void Csv_NoFormatAndRedirectedStdout_DefaultsToCsv()
    {
        var run = CliRun.Of(stdoutIsTerminal: false, "attribute", "--input", input, "--model", "last-touch").ShouldSucceed();

        // last-touch: a → display 1/90; b → display 1/10; email earns nothing but still has a row.
        run.StdoutLines.Should().Equal(
            "model,channel,conversions,value",
            "last-touch,email,0,0",
            "last-touch,display,2,100",
            "last-touch,(unattributed),1,30");
    }

    [Fact]
    public void Csv_ByCampaign_PutsTouchesWithoutCampaignUnderNone()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--by", "campaign").ShouldSucceed();

        // a: spring (email) 0.5/45 and (none) (display) 0.5/45; b: retarget 1/10.
        run.StdoutLines.Should().Equal(
            "model,campaign,conversions,value",
            "linear,spring,0.5,45",
            "linear,retarget,1,10",
            "linear,(none),0.5,45",
            "linear,(unattributed),1,30");
    }

    [Fact]
    public void Csv_NothingUnattributed_HasNoUnattributedRow()
    {
        var path = temp.Write("attributed.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "a,2025-01-01T00:00:00Z,email,,,,\n" +
            "a,2025-01-02T00:00:00Z,,,order,5,\n");

        var run = CliRun.Of("attribute", "--input", path, "--model", "linear").ShouldSucceed();

        run.StdoutLines.Should().Equal("model,channel,conversions,value", "linear,email,1,5");
    }

    [Fact]
    public void Exclude_ChannelWithAlternatives_LosesCreditButKeepsItWhenAlone()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--exclude", "display").ShouldSucceed();

        // a: display is excluded and email is eligible → email 1/90. b: display is the only touch → it keeps 1/10.
        run.StdoutLines.Should().Equal(
            "model,channel,conversions,value",
            "linear,email,1,90",
            "linear,display,1,10",
            "linear,(unattributed),1,30");
    }

    [Fact]
    public void ChannelWeights_CustomModel_SplitsInProportionToWeights()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", "email=3").ShouldSucceed();

        // a: email 3, display 1 (unlisted) → 3/4 and 1/4 of 90 = 67.5 and 22.5; b: display alone → 1/10.
        // display: 0.25 + 1 = 1.25 conversions, 22.5 + 10 = 32.5.
        run.StdoutLines.Should().Equal(
            "model,channel,conversions,value",
            "custom,email,0.75,67.5",
            "custom,display,1.25,32.5",
            "custom,(unattributed),1,30");
    }

    [Fact]
    public void Positions_UShaped_UsesGivenRatios()
    {
        var path = temp.Write("three.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "x,2025-01-01T00:00:00Z,search,,,,\n" +
            "x,2025-01-02T00:00:00Z,email,,,,\n" +
            "x,2025-01-03T00:00:00Z,display,,,,\n" +
            "x,2025-01-04T00:00:00Z,,,order,100,\n");

        var run = CliRun.Of("attribute", "--input", path, "--model", "position-based", "--positions", "0.25,0.5,0.25").ShouldSucceed();

        // First 0.25 × 100, the only middle touch 0.5 × 100, last 0.25 × 100.
        run.StdoutLines.Should().Equal(
            "model,channel,conversions,value",
            "u-shaped,search,0.25,25",
            "u-shaped,email,0.5,50",
            "u-shaped,display,0.25,25");
    }

    [Theory]
    [InlineData("1.5d")]
    [InlineData("36h")]
    [InlineData("2160m")]
    public void Lookback_ShortWindow_DropsOlderTouches(string lookback)
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--lookback", lookback).ShouldSucceed();

        // 36 hours: a's order (Jan 3) reaches display (Jan 2, 1 day) but not email (Jan 1, 2 days) → display 1/90.
        // b's lead (Jan 5) is 4 days after its only touch → unattributed, with c: 2 conversions worth 10 + 30.
        run.StdoutLines.Should().Equal(
            "model,channel,conversions,value",
            "linear,email,0,0",
            "linear,display,1,90",
            "linear,(unattributed),2,40");
    }

    [Fact]
    public void HalfLife_TimeDecay_WeighsTouchesByAge()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "time-decay", "--half-life", "1d").ShouldSucceed();

        // a: email is 2 half-lives old (weight 1/4), display 1 (weight 1/2) → shares 1/3 and 2/3 of 90 = 30 and 60.
        // b: display alone → 10. Compared with a tolerance: 1/3 is not exact in binary.
        var rows = run.StdoutLines.Skip(1).Select(static l => l.Split(',')).ToDictionary(static f => f[1], static f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
        rows["email"].Should().BeApproximately(30, 1e-9);
        rows["display"].Should().BeApproximately(70, 1e-9);
        rows["(unattributed)"].Should().Be(30);
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--model", "first-touch", "--format", "json").ShouldSucceed();

        using var doc = JsonDocument.Parse(run.Stdout);
        var models = doc.RootElement.GetProperty("models");
        models.GetArrayLength().Should().Be(2);
        var linear = models[0];
        linear.GetProperty("model").GetString().Should().Be("linear");
        linear.GetProperty("totalConversions").GetInt32().Should().Be(3);
        linear.GetProperty("totalValue").GetDouble().Should().Be(130); // 90 + 10 + 30
        linear.GetProperty("unattributed").GetProperty("conversions").GetInt32().Should().Be(1);
        linear.GetProperty("unattributed").GetProperty("value").GetDouble().Should().Be(30);
        var rows = linear.GetProperty("rows");
        rows.GetArrayLength().Should().Be(2);
        rows[0].GetProperty("key").GetString().Should().Be("email");
        rows[0].GetProperty("conversions").GetDouble().Should().Be(0.5);
        rows[0].GetProperty("value").GetDouble().Should().Be(45);
        rows[1].GetProperty("key").GetString().Should().Be("display");
        rows[1].GetProperty("value").GetDouble().Should().Be(55);
        models[1].GetProperty("model").GetString().Should().Be("first-touch");
        models[1].GetProperty("rows")[0].GetProperty("value").GetDouble().Should().Be(90);
    }

    [Fact]
    public void Table_OnTerminal_IsTheDefaultAndAlignsOneColumnPerModel()
    {
        var run = CliRun.Of(stdoutIsTerminal: true, "attribute", "--input", input, "--model", "linear", "--model", "first-touch").ShouldSucceed();

        var lines = run.StdoutLines;
        lines[0].Should().Contain("3 journeys").And.Contain("3 touchpoints").And.Contain("3 conversions");
        var table = lines.Skip(1).ToArray();
        table[0].Should().MatchRegex(@"^channel\s+linear\s+first-touch$");

        // linear email 45 of 130 = 34.6%; first-touch email 90 of 130 = 69.2%; unattributed 30 of 130 = 23.1%.
        table.Should().Contain(l => l.StartsWith("email ", StringComparison.Ordinal) && l.Contains("45.00  34.6%") && l.Contains("90.00  69.2%"));
        table.Should().Contain(l => l.StartsWith("(unattributed)", StringComparison.Ordinal) && l.Contains("30.00  23.1%"));
        table.Should().Contain(l => l.StartsWith("total", StringComparison.Ordinal) && l.Contains("130.00 100.0%"));
        table.Select(static l => l.Length).Distinct().Should().ContainSingle("every line of the table is as wide as the header");
    }

    [Fact]
    public void Output_WritesTheReportToTheFileAndNothingToStdout()
    {
        var output = temp.File("out.csv");

        var run = CliRun.Of(stdoutIsTerminal: true, "attribute", "--input", input, "--model", "first-touch", "--output", output).ShouldSucceed();

        run.Stdout.Should().BeEmpty();
        // A file is read by programs: csv by default even when stdout is a terminal.
        File.ReadAllText(output).Should().Be(
            "model,channel,conversions,value\n" +
            "first-touch,email,1,90\n" +
            "first-touch,display,1,10\n" +
            "first-touch,(unattributed),1,30\n");
    }

    [Fact]
    public void Csv_KeysWithCommasOrQuotes_AreEscaped()
    {
        var path = temp.Write("quoted.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "a,2025-01-01T00:00:00Z,\"search, paid\",\"say \"\"hi\"\"\",,,\n" +
            "a,2025-01-02T00:00:00Z,,,order,2,\n");

        var channels = CliRun.Of("attribute", "--input", path, "--model", "linear").ShouldSucceed();
        var campaigns = CliRun.Of("attribute", "--input", path, "--model", "linear", "--by", "campaign").ShouldSucceed();

        channels.StdoutLines[1].Should().Be("linear,\"search, paid\",1,2");
        campaigns.StdoutLines[1].Should().Be("linear,\"say \"\"hi\"\"\",1,2");
    }
}
