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

        // Kinds are never added: orders (a, c; first in the file) and leads (b) are separate blocks, each sorted by value
        // descending, then key. linear: a's order splits 90 over two touches → email 0.5/45, display 0.5/45 (a tie, so
        // display first by name); c's order (30) has no touch. b's lead gives display 1/10.
        // first-touch: a → email 1/90; b → display 1/10. Journey c's order (30) is unattributed under both.
        run.Stdout.Should().Be(
            "model,conversion,channel,conversions,value\n" +
            "linear,order,display,0.5,45\n" +
            "linear,order,email,0.5,45\n" +
            "linear,order,(unattributed),1,30\n" +
            "linear,lead,display,1,10\n" +
            "linear,lead,email,0,0\n" +
            "first-touch,order,email,1,90\n" +
            "first-touch,order,display,0,0\n" +
            "first-touch,order,(unattributed),1,30\n" +
            "first-touch,lead,display,1,10\n" +
            "first-touch,lead,email,0,0\n");
    }

    [Fact]
    public void Csv_NoFormatAndRedirectedStdout_DefaultsToCsv()
    {
        var run = CliRun.Of(stdoutIsTerminal: false, "attribute", "--input", input, "--model", "last-touch").ShouldSucceed();

        // last-touch: a's order → display 1/90; b's lead → display 1/10; email earns nothing but still has a row.
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "last-touch,order,display,1,90",
            "last-touch,order,email,0,0",
            "last-touch,order,(unattributed),1,30",
            "last-touch,lead,display,1,10",
            "last-touch,lead,email,0,0");
    }

    [Fact]
    public void Csv_ByCampaign_PutsTouchesWithoutCampaignUnderNone()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--by", "campaign").ShouldSucceed();

        // Orders: a gives spring (email) 0.5/45 and (none) (display) 0.5/45; retarget earns no order. Leads: b gives retarget 1/10.
        run.StdoutLines.Should().Equal(
            "model,conversion,campaign,conversions,value",
            "linear,order,(none),0.5,45",
            "linear,order,spring,0.5,45",
            "linear,order,retarget,0,0",
            "linear,order,(unattributed),1,30",
            "linear,lead,retarget,1,10",
            "linear,lead,(none),0,0",
            "linear,lead,spring,0,0");
    }

    [Fact]
    public void Csv_NothingUnattributed_HasNoUnattributedRow()
    {
        var path = temp.Write("attributed.csv",
            "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
            "a,2025-01-01T00:00:00Z,email,,,,\n" +
            "a,2025-01-02T00:00:00Z,,,order,5,\n");

        var run = CliRun.Of("attribute", "--input", path, "--model", "linear").ShouldSucceed();

        run.StdoutLines.Should().Equal("model,conversion,channel,conversions,value", "linear,order,email,1,5");
    }

    [Fact]
    public void Exclude_ChannelWithAlternatives_LosesCreditButKeepsItWhenAlone()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--exclude", "display").ShouldSucceed();

        // a: display is excluded and email is eligible → email 1/90. b: display is the only touch → it keeps 1/10.
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "linear,order,email,1,90",
            "linear,order,display,0,0",
            "linear,order,(unattributed),1,30",
            "linear,lead,display,1,10",
            "linear,lead,email,0,0");
    }

    [Fact]
    public void ChannelWeights_CustomModel_SplitsInProportionToWeights()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", "email=3").ShouldSucceed();

        // a: email 3, display 1 (unlisted) → 3/4 and 1/4 of 90 = 67.5 and 22.5; b: display alone → 1/10.
        // Orders: email 0.75/67.5, display 0.25/22.5; leads: display 1/10.
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "channel-weights,order,email,0.75,67.5",
            "channel-weights,order,display,0.25,22.5",
            "channel-weights,order,(unattributed),1,30",
            "channel-weights,lead,display,1,10",
            "channel-weights,lead,email,0,0");
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

        // First 0.25 × 100, the only middle touch 0.5 × 100, last 0.25 × 100; by value, then name.
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "u-shaped,order,email,0.5,50",
            "u-shaped,order,display,0.25,25",
            "u-shaped,order,search,0.25,25");
    }

    [Theory]
    [InlineData("1.5d")]
    [InlineData("36h")]
    [InlineData("2160m")]
    public void Lookback_ShortWindow_DropsOlderTouches(string lookback)
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--lookback", lookback).ShouldSucceed();

        // 36 hours: a's order (Jan 3) reaches display (Jan 2, 1 day) but not email (Jan 1, 2 days) → display 1/90.
        // b's lead (Jan 5) is 4 days after its only touch → the lead is unattributed (1/10); c's order too (1/30).
        run.StdoutLines.Should().Equal(
            "model,conversion,channel,conversions,value",
            "linear,order,display,1,90",
            "linear,order,email,0,0",
            "linear,order,(unattributed),1,30",
            "linear,lead,display,0,0",
            "linear,lead,email,0,0",
            "linear,lead,(unattributed),1,10");
    }

    [Fact]
    public void HalfLife_TimeDecay_WeighsTouchesByAge()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "time-decay", "--half-life", "1d").ShouldSucceed();

        // a: email is 2 half-lives old (weight 1/4), display 1 (weight 1/2) → shares 1/3 and 2/3 of 90 = 30 and 60.
        // b: display alone → its lead, 10. Compared with a tolerance: 1/3 is not exact in binary.
        var rows = run.StdoutLines.Skip(1).Select(static l => l.Split(',')).ToDictionary(static f => f[1] + "/" + f[2], static f => double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
        rows["order/email"].Should().BeApproximately(30, 1e-9);
        rows["order/display"].Should().BeApproximately(60, 1e-9);
        rows["order/(unattributed)"].Should().Be(30);
        rows["lead/display"].Should().Be(10);
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--model", "first-touch", "--format", "json").ShouldSucceed();

        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("period").ValueKind.Should().Be(JsonValueKind.Null);
        var blocks = doc.RootElement.GetProperty("blocks");
        blocks.GetArrayLength().Should().Be(4); // 2 models × 2 kinds
        var linear = blocks[0];
        linear.GetProperty("model").GetString().Should().Be("linear");
        linear.GetProperty("conversion").GetString().Should().Be("order");
        linear.GetProperty("totalConversions").GetInt32().Should().Be(2);
        linear.GetProperty("totalValue").GetDouble().Should().Be(120); // 90 + 30; the lead's 10 is another kind
        linear.GetProperty("unattributed").GetProperty("conversions").GetInt32().Should().Be(1);
        linear.GetProperty("unattributed").GetProperty("value").GetDouble().Should().Be(30);
        var rows = linear.GetProperty("rows");
        rows.GetArrayLength().Should().Be(2);
        rows[0].GetProperty("key").GetString().Should().Be("display");
        rows[0].GetProperty("conversions").GetDouble().Should().Be(0.5);
        rows[0].GetProperty("value").GetDouble().Should().Be(45);
        rows[1].GetProperty("key").GetString().Should().Be("email");
        rows[1].GetProperty("value").GetDouble().Should().Be(45);
        blocks[1].GetProperty("conversion").GetString().Should().Be("lead");
        blocks[1].GetProperty("totalValue").GetDouble().Should().Be(10);
        blocks[1].GetProperty("rows")[0].GetProperty("key").GetString().Should().Be("display");
        blocks[2].GetProperty("model").GetString().Should().Be("first-touch");
        blocks[2].GetProperty("rows")[0].GetProperty("value").GetDouble().Should().Be(90);
    }

    [Fact]
    public void Table_OnTerminal_IsTheDefaultAndShowsOneBlockPerModelAndKindWithItsTotal()
    {
        var run = CliRun.Of(stdoutIsTerminal: true, "attribute", "--input", input, "--model", "linear", "--model", "first-touch").ShouldSucceed();

        var text = run.Stdout;
        run.StdoutLines[0].Should().Contain("3 journeys").And.Contain("3 touchpoints").And.Contain("3 conversions");
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(static b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        blocks.Select(static b => b[0]).Should().Equal(
            "linear · order: 2 conversions worth 120.00",
            "linear · lead: 1 conversions worth 10.00",
            "first-touch · order: 2 conversions worth 120.00",
            "first-touch · lead: 1 conversions worth 10.00");

        // linear orders: display and email 45 of 120 = 37.5% each; unattributed 30 of 120 = 25.0%; total 120.
        var linearOrders = blocks[0];
        linearOrders[1].Should().MatchRegex(@"^channel\s+conversions\s+value\s+share$");
        linearOrders.Should().Contain(l => l.StartsWith("display ", StringComparison.Ordinal) && l.EndsWith("0.50    45.00    37.5%", StringComparison.Ordinal));
        linearOrders.Should().Contain(l => l.StartsWith("(unattributed)", StringComparison.Ordinal) && l.EndsWith("1.00    30.00    25.0%", StringComparison.Ordinal));
        linearOrders[^1].Should().MatchRegex(@"^total\s+2\.00\s+120\.00\s+100\.0%$");
        // first-touch orders: email 90 of 120 = 75.0%.
        blocks[2].Should().Contain(l => l.StartsWith("email ", StringComparison.Ordinal) && l.EndsWith("90.00    75.0%", StringComparison.Ordinal));
        foreach (var block in blocks)
        {
            block.Skip(1).Select(static l => l.Length).Distinct().Should().ContainSingle("every line of a block is as wide as its header");
        }
    }

    [Fact]
    public void Output_WritesTheReportToTheFileAndNothingToStdout()
    {
        var output = temp.File("out.csv");

        var run = CliRun.Of(stdoutIsTerminal: true, "attribute", "--input", input, "--model", "first-touch", "--output", output).ShouldSucceed();

        run.Stdout.Should().BeEmpty();
        // A file is read by programs: csv by default even when stdout is a terminal.
        File.ReadAllText(output).Should().Be(
            "model,conversion,channel,conversions,value\n" +
            "first-touch,order,email,1,90\n" +
            "first-touch,order,display,0,0\n" +
            "first-touch,order,(unattributed),1,30\n" +
            "first-touch,lead,display,1,10\n" +
            "first-touch,lead,email,0,0\n");
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

        channels.StdoutLines[1].Should().Be("linear,order,\"search, paid\",1,2");
        campaigns.StdoutLines[1].Should().Be("linear,order,\"say \"\"hi\"\"\",1,2");
    }
}
