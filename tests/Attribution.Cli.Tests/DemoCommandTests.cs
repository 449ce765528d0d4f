using Attribution.Cli.Demo;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Demo_TwoRuns_AreIdentical()
    {
        var first = CliRun.Of("demo", "--format", "csv").ShouldSucceed();
        var second = CliRun.Of("demo", "--format", "csv").ShouldSucceed();

        second.Stdout.Should().Be(first.Stdout);
    }

    [Fact]
    public void Demo_Csv_HasARowPerModelAndChannelPlusUnattributed()
    {
        var run = CliRun.Of("demo", "--format", "csv").ShouldSucceed();

        // 6 models × 2 kinds (leads, then orders: the order of first appearance) × (10 honest channels + the planted
        // coupon-affiliate + the unattributed row: some orders have no touch, some leads resurface after more than 90
        // days), after the header.
        var models = new[] { "first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights" };
        run.StdoutLines[0].Should().Be("model,conversion,channel,conversions,value");
        run.StdoutLines.Should().HaveCount(1 + (models.Length * 2 * 12));
        run.StdoutLines.Skip(1).Select(static l => l.Split(',')[0]).Distinct().Should().Equal(models);
        run.StdoutLines.Skip(1).Select(static l => l.Split(',')[1]).Distinct().Should().Equal("lead", "order");
        run.StdoutLines.Where(static l => l.Contains(",(unattributed),", StringComparison.Ordinal)).Should().HaveCount(models.Length * 2);
    }

    [Fact]
    public void Demo_Table_ComparesEveryModel()
    {
        var run = CliRun.Of(stdoutIsTerminal: true, "demo").ShouldSucceed();

        // One block per model and kind, then a side-by-side comparison of the models' shares for each kind.
        run.StdoutLines[1].Should().StartWith("first-touch · lead: ");
        run.StdoutLines.Where(static l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^channel\s+first-touch\s+last-touch\s+linear\s+time-decay\s+u-shaped\s+channel-weights\s+spread$")).Should().HaveCount(2);
        run.StdoutLines.Should().Contain(static l => l.StartsWith("Share of credited lead value per channel", StringComparison.Ordinal));
        run.StdoutLines.Should().Contain(static l => l.StartsWith("Share of credited order value per channel", StringComparison.Ordinal));
        run.Stdout.Should().Contain("(unattributed)").And.Contain("webinar=2");
        run.StdoutLines.Should().ContainSingle(static l => l.StartsWith("Suspicious channels: coupon-affiliate (no progress, injection, last-touch hijack", StringComparison.Ordinal));
    }

    [Fact]
    public void DemoData_PlantedAffiliate_OnlyLeadsThatNeverOrder_SecondsAfterItsTouch()
    {
        var journeys = DemoData.Generate();
        var planted = journeys.Where(static j => j.Touchpoints.Any(static t => t.Channel == DemoData.PlantedChannel)).ToList();

        // The last 3 % of 5,000 journeys: 150, each one lead 2 to 6 s after the affiliate's touch, its last, and no order.
        planted.Should().HaveCount(150);
        planted.Should().AllSatisfy(static j =>
        {
            j.Conversions.Should().ContainSingle().Which.Kind.Should().Be("lead");
            j.Touchpoints[^1].Channel.Should().Be(DemoData.PlantedChannel);
            (j.Conversions[0].Instant - j.Touchpoints[^1].Instant).TotalSeconds.Should().BeInRange(2, 6);
        });
        journeys.Skip(4850).Should().Equal(planted, "the planted journeys come last");
    }

    [Fact]
    public void Demo_WriteEvents_RoundTripsThroughAttribute()
    {
        var events = temp.File("events.csv");
        var demo = CliRun.Of("demo", "--format", "csv", "--write-events", events).ShouldSucceed();

        var attribute = CliRun.Of(
            "attribute", "--input", events,
            "--model", "first-touch", "--model", "last-touch", "--model", "linear",
            "--model", "time-decay", "--model", "u-shaped", "--model", "custom",
            "--channel-weights", "webinar=2,events=2,partner=1.5,display=0.5,direct=0.25").ShouldSucceed();

        // Same journeys read back from the file give the same doubles, bit for bit.
        attribute.Stdout.Should().Be(demo.Stdout);
        File.ReadLines(events).First().Should().Be("journey_id,timestamp,channel,campaign,conversion,value,conversion_id");
        File.ReadLines(events).Skip(1).First().Should().MatchRegex(@"^j00001,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,");
    }

    [Fact]
    public void Demo_WriteEvents_IsDeterministic()
    {
        var a = temp.File("a.csv");
        var b = temp.File("b.csv");

        CliRun.Of("demo", "--format", "json", "--write-events", a).ShouldSucceed();
        CliRun.Of("demo", "--format", "json", "--write-events", b).ShouldSucceed();

        File.ReadAllText(b).Should().Be(File.ReadAllText(a));
    }

    [Fact]
    public void DemoData_IsLargeVariedAndRealistic()
    {
        var journeys = JourneySet.Create(DemoData.Generate());

        journeys.Count.Should().BeGreaterThanOrEqualTo(3000);
        journeys.Channels.Count.Should().BeInRange(8, 12);
        journeys.Kinds.Should().Contain(["lead", "order"]);
        journeys.Campaigns.Count.Should().BeGreaterThan(journeys.Channels.Count, "most channels run several campaigns");

        var multiConversion = Enumerable.Range(0, journeys.Count).Count(j => journeys.GetConversionRange(j).GetOffsetAndLength(journeys.ConversionCount).Length >= 2);
        multiConversion.Should().BeGreaterThan(100, "leads go on to order and customers order again");

        var noTouch = Enumerable.Range(0, journeys.Count).Count(j => journeys.GetTouchpointRange(j).GetOffsetAndLength(journeys.TouchpointCount).Length == 0);
        noTouch.Should().BePositive("some orders have no tracked touch");

        var result = new AttributionEngine().Run(journeys, AttributionModels.Linear);
        result.UnattributedConversions.Should().BeGreaterThan(noTouch, "some leads also resurface after more than 90 days");
        result.CreditedConversions.Should().BeGreaterThan(10 * result.UnattributedConversions);
    }

    [Fact]
    public void DemoData_SameSeed_SameJourneys_OtherSeed_OtherJourneys()
    {
        static string Csv(ulong seed)
        {
            var writer = new StringWriter();
            EventLogCsvWriter.Write(writer, DemoData.Generate(200, seed));
            return writer.ToString();
        }

        Csv(7).Should().Be(Csv(7));
        Csv(7).Should().NotBe(Csv(8));
    }
}
