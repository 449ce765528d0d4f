using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Engine;

/// <summary>Excluded channels (for example direct) earn only when nothing else is eligible.</summary>
public sealed class ExclusionTests
{
    private static readonly AttributionOptions NoDirect = new() { ExcludedChannels = ["direct"] };

    [Fact]
    public void Run_ExcludedChannel_LosesItsShareToTheOthers()
    {
        // direct, search, direct, email; direct excluded → linear over search, email: ½ each of 60.
        var journey = JourneyOf("j", [Touch(-4, "direct"), Touch(-3, "search"), Touch(-2, "direct"), Touch(-1, "email")], Conv(0, 60));

        var result = Run(AttributionModels.Linear, NoDirect, journey);

        result.Channel("direct").Should().Be(new CreditTotal("direct", 0, 0));
        result.Channel("search").Should().Be(new CreditTotal("search", 0.5, 30));
        result.Channel("email").Should().Be(new CreditTotal("email", 0.5, 30));
    }

    [Fact]
    public void Run_LastTouchExcluded_LastNonDirectWins()
    {
        var journey = JourneyOf("j", [Touch(-2, "search"), Touch(-1, "direct")], Conv(0));

        Run(AttributionModels.LastTouch, NoDirect, journey).Channel("search").Conversions.Should().Be(1);
        Run(AttributionModels.LastTouch, null, journey).Channel("direct").Conversions.Should().Be(1);
    }

    [Fact]
    public void Run_EveryEligibleTouchExcluded_TheyKeepTheCredit()
    {
        // Only direct touches are eligible → they keep it: ½ each of 10, so direct gets 1 conversion and 10.
        var journey = JourneyOf("j", [Touch(-2, "direct"), Touch(-1, "direct")], Conv(0, 10));

        var result = Run(AttributionModels.Linear, NoDirect, journey);

        result.Channel("direct").Should().Be(new CreditTotal("direct", 1, 10));
        result.UnattributedConversions.Should().Be(0);
    }

    [Fact]
    public void Run_FallbackLooksOnlyAtEligibleTouches()
    {
        // Lookback 30 d: search at −40 is out of the window, so the only eligible touch is direct, which keeps the credit.
        var journey = JourneyOf("j", [Touch(-40, "search"), Touch(-5, "direct")], Conv(0));

        var result = Run(AttributionModels.Linear, NoDirect with { Lookback = TimeSpan.FromDays(30) }, journey);

        result.Channel("direct").Conversions.Should().Be(1);
        result.Channel("search").Conversions.Should().Be(0);
    }

    [Fact]
    public void Run_TimeDecayAfterExclusion_WeighsOnlyTheKeptTouches()
    {
        // Kept: search (−7) and email (−0); direct (0) dropped. Weights 2^-1 and 1 → 1/3, 2/3.
        var journey = JourneyOf("j", [Touch(-7, "search"), Touch(0, "email"), Touch(0, "direct")], Conv(0));

        var result = Run(AttributionModels.TimeDecay(), NoDirect, journey);

        result.Channel("search").Conversions.Should().BeApproximately(1.0 / 3, 1e-15);
        result.Channel("email").Conversions.Should().BeApproximately(2.0 / 3, 1e-15);
    }

    [Fact]
    public void Run_UShapedAfterExclusion_PositionsCountAmongKeptTouches()
    {
        // a, direct, b, c, direct: kept a, b, c → 0.4, 0.2, 0.4.
        var journey = JourneyOf("j", [Touch(-5, "a"), Touch(-4, "direct"), Touch(-3, "b"), Touch(-2, "c"), Touch(-1, "direct")], Conv(0));

        var result = Run(AttributionModels.UShaped(), NoDirect, journey);

        result.ByChannel.Select(c => (c.Key, Math.Round(c.Conversions, 12)))
            .Should().Equal(("a", 0.4), ("direct", 0), ("b", 0.2), ("c", 0.4));
    }

    [Fact]
    public void Run_ExcludedChannelAbsentFromTheBatch_IsNoErrorAndChangesNothing()
    {
        // A service runs one configuration over daily batches; a day without any 'direct' touch must not fail.
        var set = JourneySet.Create([JourneyOf("j", [Touch(-2, "search"), Touch(-1, "email")], Conv(0, 10))]);
        var engine = new AttributionEngine(new AttributionOptions { ExcludedChannels = ["direct"] });

        var result = engine.Run(set, AttributionModels.Linear);

        // Linear over two touches: 10 / 2 each.
        result.ByChannel.Select(c => (c.Key, c.Value)).Should().Equal(("search", 5.0), ("email", 5.0));
        engine.Run(set, [AttributionModels.Linear]).Results.Should().ContainSingle();
    }

    [Fact]
    public void Attribute_OneJourney_ExcludedChannelItNeverMet_IsNoError()
    {
        var result = AttributionModels.Linear.Attribute(JourneyOf("j", [Touch(-1, "search")], Conv(0)), NoDirect);

        result.Credits.Should().ContainSingle().Which.Share.Should().Be(1);
    }

    [Fact]
    public void Run_TouchpointCreditsAfterExclusion_PointAtTheKeptTouches()
    {
        // Touches (global): 0 direct, 1 search, 2 direct, 3 email → credits on 1 and 3.
        var journey = JourneyOf("j", [Touch(-4, "direct"), Touch(-3, "search"), Touch(-2, "direct"), Touch(-1, "email")], Conv(0, 8));

        var result = Run(AttributionModels.Linear, NoDirect with { IncludeTouchpointCredits = true }, journey);

        result.Touchpoints.Should().Equal(new TouchpointCredit(0, 1, 0, 0.5, 4), new TouchpointCredit(0, 3, 0, 0.5, 4));
    }
}
