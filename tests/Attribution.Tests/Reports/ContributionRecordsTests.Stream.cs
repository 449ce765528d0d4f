using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Reports;

public sealed partial class ContributionRecordsTests
{
    // 40,000 journeys are three blocks of 16,384: records cross block boundaries and, with 2 or 3 threads, batches.
    private static readonly Lazy<JourneySet> ManyJourneys = new(() => JourneySet.Create(DeterministicJourneys.Generate(40_000, seed: 15)));

    private static IAttributionModel[] EveryRuleBasedModel() =>
    [
        AttributionModels.FirstTouch,
        AttributionModels.LastTouch,
        AttributionModels.Linear,
        AttributionModels.TimeDecay(),
        AttributionModels.UShaped(),
        AttributionModels.JShaped(),
        AttributionModels.InverseJ(),
        AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["email"] = 2, ["display"] = 0.5 } }),
        AttributionModels.Custom("later-heavier", a => a.Position + 1),
    ];

    [Fact]
    public void Stream_ReportWithoutTouchpointCredits_GivesTheRecordsWorkedByHand()
    {
        // The same records as From_Linear_…: j1 (order-1, 300) split 1/2, 1/2 = 150 each; j2 (100) all to search/brand.
        var report = ReportFixtures.Report(touchpoints: false);

        var records = ContributionRecords.Stream(report).Where(r => r.Model == "linear");

        records.Select(r => (r.Campaign, r.Channel, r.JourneyId, r.ConversionId, r.Share, r.Value)).Should().Equal(
            ("brand", "search", "j1", "order-1", 0.5, 150.0),
            (AttributionResult.NoCampaignKey, "email", "j1", "order-1", 0.5, 150.0),
            ("brand", "search", "j2", "j2#order#1", 1.0, 100.0));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void Stream_EveryModelOnRandomJourneys_EqualsTheInMemoryRecordsBitForBit(int threads, bool exclude)
    {
        var journeys = ManyJourneys.Value;
        var options = new AttributionOptions
        {
            Lookback = TimeSpan.FromDays(30),
            ExcludedChannels = exclude ? ["direct", "search"] : [],
        };

        // The reference: every credit kept in memory on one thread, records built from the whole list.
        var expected = ContributionRecords.From(
            new AttributionEngine(options with { IncludeTouchpointCredits = true, MaxDegreeOfParallelism = 1 }).Run(journeys, EveryRuleBasedModel()));

        var streamed = ContributionRecords.Stream(journeys, EveryRuleBasedModel(), options with { MaxDegreeOfParallelism = threads }).ToList();

        expected.Count.Should().BeGreaterThan(100_000, "the data must span several blocks");
        streamed.Should().Equal(expected);
    }

    [Fact]
    public void Stream_RunsAsEnumerated_TheFirstRecordNeedsOnlyTheFirstBlocks()
    {
        var journeys = ManyJourneys.Value;
        var calls = 0;
        var counting = AttributionModels.Custom("counting", _ =>
        {
            Interlocked.Increment(ref calls);
            return 1;
        });

        var options = new AttributionOptions { MaxDegreeOfParallelism = 1 };
        ContributionRecords.Stream(journeys, [counting], options).Should().HaveCountGreaterThan(10_000);
        var whole = calls;
        calls = 0;

        using var records = ContributionRecords.Stream(journeys, [counting], options).GetEnumerator();
        records.MoveNext().Should().BeTrue();

        // One thread runs one block of 16,384 of the 40,000 journeys (41 %) before the first record.
        calls.Should().BeGreaterThan(0).And.BeLessThan(whole / 2);
    }

    [Fact]
    public void Stream_BadArguments_ThrowWhenCalledNotWhenEnumerated()
    {
        var journeys = ReportFixtures.Report().Journeys;

        FluentActions.Invoking(() => ContributionRecords.Stream(null!, [AttributionModels.Linear])).Should().Throw<ArgumentNullException>().WithParameterName("journeys");
        FluentActions.Invoking(() => ContributionRecords.Stream(journeys, null!)).Should().Throw<ArgumentNullException>().WithParameterName("models");
        FluentActions.Invoking(() => ContributionRecords.Stream(journeys, [])).Should().Throw<ArgumentException>().WithParameterName("models");
        FluentActions.Invoking(() => ContributionRecords.Stream(journeys, [AttributionModels.Linear, AttributionModels.Linear]))
            .Should().Throw<ArgumentException>().WithMessage("*'linear'*");
        FluentActions.Invoking(() => ContributionRecords.Stream((AttributionReport)null!)).Should().Throw<ArgumentNullException>().WithParameterName("report");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Stream_ModelWithANegativeWeight_ThrowsItsOwnExceptionWhileEnumerating(int threads)
    {
        var bad = AttributionModels.Custom("bad", a => a.Position == 1 ? -1 : 1);

        var records = ContributionRecords.Stream(ManyJourneys.Value, [bad], new AttributionOptions { MaxDegreeOfParallelism = threads });

        records.Invoking(r => r.ToList()).Should().Throw<InvalidOperationException>().WithMessage("*'bad'*weight -1*");
    }
}
