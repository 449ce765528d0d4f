using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class TimeDecayModelTests
{
    private static readonly DateTimeOffset Conversion = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Attribute_TouchesZeroZeroSixNineDaysBefore_SplitAsWorkedByHand()
    {
        // Half-life 7 d: 2^(-0/7) = 1, 1, 2^(-6/7) = 0.55204, 2^(-9/7) = 0.41016; sum 2.96220.
        // Shares: 33.76 %, 33.76 %, 18.64 %, 13.85 %.
        var journey = new Journey(
            "j",
            [
                new Touchpoint(Conversion.AddDays(-9), "a"),
                new Touchpoint(Conversion.AddDays(-6), "b"),
                new Touchpoint(Conversion, "c"),
                new Touchpoint(Conversion, "d"),
            ],
            [new Conversion(Conversion, 100)]);

        var credits = AttributionModels.TimeDecay().Attribute(journey).Credits;

        credits.Select(c => c.Touchpoint.Channel).Should().Equal("a", "b", "c", "d");
        credits.Select(c => c.Share).Should().Equal(
            [0.1385, 0.1864, 0.3376, 0.3376],
            (actual, expected) => Math.Abs(actual - expected) < 0.0005);
        credits.Sum(c => c.Value).Should().BeApproximately(100, 1e-9);
    }

    [Fact]
    public void Attribute_TouchesZeroZeroSixNineDaysBefore_RoundToTheIssuePercentages()
    {
        // The promise in one-decimal percentages: 33.8 %, 33.8 %, 18.6 %, 13.8 % (same sums as above).
        var shares = Shares(AttributionModels.TimeDecay(), Touch(-9, "a"), Touch(-6, "b"), Touch(0, "c"), Touch(0, "d"));

        shares.Select(s => Math.Round(s * 100, 1)).Should().Equal(13.8, 18.6, 33.8, 33.8);
    }

    [Fact]
    public void Attribute_TouchHalfAHalfLifeEarlier_WeighsTwoToTheMinusHalf()
    {
        // Δt = 3.5 d with h = 7 d: weights 2^-0.5 = 1/√2 and 1. Shares (1/√2)/(1 + 1/√2) = √2 − 1 and 1/(1 + 1/√2) = 2 − √2.
        var shares = Shares(AttributionModels.TimeDecay(), Touch(-3.5, "old"), Touch(0, "new"));

        shares.Should().Equal([Math.Sqrt(2) - 1, 2 - Math.Sqrt(2)], Close);
    }

    [Fact]
    public void Attribute_UsesExactTimeNotWholeDays()
    {
        // h = 1 d. Touches 12 h and 0 h before: weights 2^-0.5 and 1, as above; whole days would make both 1 (50/50).
        var model = AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromDays(1) });

        var shares = Shares(model, new(T0.AddHours(-12), "old"), new(T0, "new"));

        shares.Should().Equal([Math.Sqrt(2) - 1, 2 - Math.Sqrt(2)], Close);
    }

    [Fact]
    public void Attribute_HalfLifeOfOneHour_HalvesPerHour()
    {
        // Touches 2 h, 1 h, 0 h before: weights 1/4, 1/2, 1; sum 7/4 → 1/7, 2/7, 4/7.
        var model = AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromHours(1) });

        var shares = Shares(model, new(T0.AddHours(-2), "a"), new(T0.AddHours(-1), "b"), new(T0, "c"));

        shares.Should().Equal([1.0 / 7, 2.0 / 7, 4.0 / 7], Close);
    }

    [Fact]
    public void Attribute_ConversionLongAfterTheLastTouch_OnlyRelativeAgesCount()
    {
        // Δt = 17 d and 10 d, h = 7 d: weights 2^(-17/7) and 2^(-10/7), ratio 2^(-1) → shares 1/3, 2/3.
        var journey = JourneyOf("j", [Touch(-17, "a"), Touch(-10, "b")], Conv(0));

        var shares = AttributionModels.TimeDecay().Attribute(journey).Credits.Select(c => c.Share);

        shares.Should().Equal([1.0 / 3, 2.0 / 3], Close);
    }

    [Fact]
    public void Attribute_TouchesManyHalfLivesOld_DoNotUnderflowToUnattributed()
    {
        // h = 1 h, touches 24 001 h and 24 000 h old: 2^-24000 underflows a double, yet the ratio is still 1 : 2.
        var model = AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromHours(1) });
        var journey = new Journey("j", [new(T0.AddHours(-24_001), "a"), new(T0.AddHours(-24_000), "b")], [new Conversion(T0)]);

        var result = model.Attribute(journey, new AttributionOptions { Lookback = TimeSpan.MaxValue });

        result.Unattributed.Should().BeEmpty();
        result.Credits.Select(c => c.Share).Should().Equal([1.0 / 3, 2.0 / 3], Close);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TimeDecay_HalfLifeNotPositive_ThrowsNamingIt(long ticks)
    {
        var act = () => AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromTicks(ticks) });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("options.HalfLife");
    }

    [Fact]
    public void Options_DefaultHalfLife_IsSevenDays()
    {
        new TimeDecayModelOptions().HalfLife.Should().Be(TimeSpan.FromDays(7));
        AttributionModels.TimeDecay().Name.Should().Be("time-decay");
    }
}
