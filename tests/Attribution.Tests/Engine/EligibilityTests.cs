using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Engine;

/// <summary>Which touchpoints each conversion may credit: ordering, resets between conversions, the lookback window.</summary>
public sealed class EligibilityTests
{
    private static readonly IAttributionModel Linear = AttributionModels.Linear;

    [Fact]
    public void Attribute_TouchAtTheConversionInstant_IsEligible()
    {
        var result = Linear.Attribute(JourneyOf("j", [Touch(0, "a")], Conv(0)));

        result.Credits.Should().ContainSingle().Which.Share.Should().Be(1);
        result.Unattributed.Should().BeEmpty();
    }

    [Fact]
    public void Attribute_TouchAfterTheConversion_IsNotEligible()
    {
        var journey = JourneyOf("j", [Touch(0.001, "late")], Conv(0, 12));

        var result = Linear.Attribute(journey);

        result.Credits.Should().BeEmpty();
        result.Unattributed.Should().Equal(Conv(0, 12));
    }

    [Fact]
    public void Attribute_TouchAndConversionAtOneInstant_TouchComesFirstEvenWhenGivenAfter()
    {
        // Two conversions at days 0 and 1; a touch at day 1 exactly. It belongs to the second conversion (touches
        // before conversions at equal instants), not to whatever comes after it.
        var journey = JourneyOf("j", [Touch(-1, "a"), Touch(1, "b")], Conv(0, 10), Conv(1, 20));

        var credits = Linear.Attribute(journey).Credits;

        credits.Select(c => (c.Touchpoint.Channel, c.Conversion.Value)).Should().Equal(("a", 10), ("b", 20));
    }

    [Fact]
    public void Attribute_SeveralConversions_EachCreditedFromTouchesSinceThePreviousOne()
    {
        // a(−4) b(−3) | conv 10 at −2 | c(−1) | conv 20 at 0 | conv 30 at 1.
        // conv 10 ← a, b (½ each); conv 20 ← c alone; conv 30 ← nothing (c was used up): unattributed.
        var journey = JourneyOf(
            "j",
            [Touch(-4, "a"), Touch(-3, "b"), Touch(-1, "c")],
            Conv(-2, 10),
            Conv(0, 20),
            Conv(1, 30));

        var result = Linear.Attribute(journey);

        result.Credits.Select(c => (c.Touchpoint.Channel, c.Conversion.Value, c.Share, c.Value))
            .Should().Equal(("a", 10, 0.5, 5), ("b", 10, 0.5, 5), ("c", 20, 1, 20));
        result.Unattributed.Should().Equal(Conv(1, 30));

        var totals = Run(Linear, null, journey);
        totals.Channel("a").Value.Should().Be(5);
        totals.Channel("c").Value.Should().Be(20);
        totals.Unattributed.Should().Be(new CreditTotal("(unattributed)", 1, 30));
    }

    [Fact]
    public void Attribute_TwoConversionsAtOneInstant_SecondGetsNothing()
    {
        var result = Linear.Attribute(JourneyOf("j", [Touch(-1, "a")], Conv(0, 1), Conv(0, 2)));

        result.Credits.Should().ContainSingle().Which.Conversion.Value.Should().Be(1);
        result.Unattributed.Should().Equal(Conv(0, 2));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Attribute_DefaultLookbackOfNinetyDays_BoundaryIncludedOneTickOlderExcluded(long extraTicks, bool eligible)
    {
        var touch = new Touchpoint(T0 - TimeSpan.FromDays(90) - TimeSpan.FromTicks(extraTicks), "old");
        var journey = new Journey("j", [touch, Touch(-1, "recent")], [Conv(0)]);

        var credits = Linear.Attribute(journey).Credits;

        // Eligible: old and recent share ½ each. Not: recent alone gets 1.
        credits.Select(c => c.Touchpoint.Channel).Should().Equal(eligible ? ["old", "recent"] : ["recent"]);
        credits[^1].Share.Should().Be(eligible ? 0.5 : 1);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Attribute_CustomLookback_BoundaryIncludedOneTickOlderExcluded(long extraTicks, bool eligible)
    {
        var lookback = TimeSpan.FromHours(36);
        var touch = new Touchpoint(T0 - lookback - TimeSpan.FromTicks(extraTicks), "old");
        var journey = new Journey("j", [touch], [new Conversion(T0, 5)]);

        var result = Linear.Attribute(journey, new AttributionOptions { Lookback = lookback });

        result.Credits.Should().HaveCount(eligible ? 1 : 0);
        result.Unattributed.Should().HaveCount(eligible ? 0 : 1);
    }

    [Fact]
    public void Attribute_TouchTooOldForOneConversion_IsUsedUpAnyway()
    {
        // Lookback 30 d. a at −100 is too old for the conversion at −60 (40 d) and, being before it, is not carried
        // over to the conversion at 0 either: pending touches clear at every conversion.
        var journey = JourneyOf("j", [Touch(-100, "a"), Touch(-10, "b")], Conv(-60, 1), Conv(0, 2));

        var result = Linear.Attribute(journey, new AttributionOptions { Lookback = TimeSpan.FromDays(30) });

        result.Credits.Select(c => (c.Touchpoint.Channel, c.Conversion.Value)).Should().Equal(("b", 2));
        result.Unattributed.Should().Equal(Conv(-60, 1));
    }

    [Fact]
    public void Attribute_LookbackDropsOnlyTheOldTouchesOfAWindow()
    {
        // Lookback 7 d: of a(−10), b(−7), c(−2) only b (exactly 7 d) and c qualify → ½ each.
        var journey = JourneyOf("j", [Touch(-10, "a"), Touch(-7, "b"), Touch(-2, "c")], Conv(0));

        var credits = Linear.Attribute(journey, new AttributionOptions { Lookback = TimeSpan.FromDays(7) }).Credits;

        credits.Select(c => (c.Touchpoint.Channel, c.Share)).Should().Equal(("b", 0.5), ("c", 0.5));
    }

    [Fact]
    public void Attribute_UnlimitedLookback_KeepsAncientTouches()
    {
        var journey = new Journey("j", [new Touchpoint(DateTimeOffset.MinValue, "ancient")], [new Conversion(DateTimeOffset.MaxValue)]);

        var credits = Linear.Attribute(journey, new AttributionOptions { Lookback = TimeSpan.MaxValue }).Credits;

        credits.Should().ContainSingle().Which.Share.Should().Be(1);
    }

    [Fact]
    public void Attribute_ConversionWithoutTouches_IsUnattributedWithItsValue()
    {
        var result = Run(Linear, null, new Journey("j", [], [Conv(0, 42), Conv(1, 8)]));

        result.UnattributedConversions.Should().Be(2);
        result.UnattributedValue.Should().Be(50);
        result.Unattributed.Should().Be(new CreditTotal(AttributionResult.UnattributedKey, 2, 50));
        result.CreditedValue.Should().Be(0);
    }

    [Fact]
    public void Attribute_StableOrderAtEqualInstants_DecidesFirstAndLastTouch()
    {
        // x and y at the same instant: given x, y → first-touch x, last-touch y; given y, x → the reverse.
        var xy = JourneyOf("j", [Touch(-1, "x"), Touch(-1, "y")], Conv(0));
        var yx = JourneyOf("j", [Touch(-1, "y"), Touch(-1, "x")], Conv(0));

        Winner(AttributionModels.FirstTouch, xy).Should().Be("x");
        Winner(AttributionModels.LastTouch, xy).Should().Be("y");
        Winner(AttributionModels.FirstTouch, yx).Should().Be("y");
        Winner(AttributionModels.LastTouch, yx).Should().Be("x");

        static string Winner(IAttributionModel model, Journey journey)
            => Run(model, null, journey).ByChannel.Single(c => c.Conversions == 1).Key;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_LookbackNotPositive_ThrowsNamingIt(long ticks)
    {
        var act = () => new AttributionEngine(new AttributionOptions { Lookback = TimeSpan.FromTicks(ticks) });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Lookback");
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new AttributionOptions();

        options.Lookback.Should().Be(TimeSpan.FromDays(90));
        options.ExcludedChannels.Should().BeEmpty();
        options.IncludeTouchpointCredits.Should().BeFalse();
        options.MaxDegreeOfParallelism.Should().Be(-1);
    }
}
