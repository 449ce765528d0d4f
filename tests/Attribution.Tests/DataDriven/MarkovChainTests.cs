using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Tests.DataDriven;

public sealed class MarkovChainTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    // a > b: 1 conversion (value 100), 1 null; a: 1 conversion (value 300), 1 null; b: 1 conversion (value 50).
    private static PathSet ThreePaths()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a", "b"], conversions: 1, value: 100, nulls: 1);
        builder.Add(["a"], conversions: 1, value: 300, nulls: 1);
        builder.Add(["b"], conversions: 1, value: 50, nulls: 0);
        return builder.Build();
    }

    [Fact]
    public void Fit_ThreePaths_TransitionsAreCountsOverSourceTotals()
    {
        // start → a: 2 + 2 = 4, start → b: 1 (out 5); a → b: 2, a → conv: 1, a → null: 1 (out 4);
        // b → conv: 1 + 1 = 2, b → null: 1 (out 3).
        var model = MarkovChain.Fit(ThreePaths());

        model.Transitions.Select(t => (t.From, t.To, t.Count)).Should().Equal(
            ("(start)", "a", 4.0),
            ("(start)", "b", 1.0),
            ("a", "b", 2.0),
            ("a", "(conversion)", 1.0),
            ("a", "(null)", 1.0),
            ("b", "(conversion)", 2.0),
            ("b", "(null)", 1.0));
        model.Transitions.Select(t => t.Probability).Should().Equal(
            [0.8, 0.2, 0.5, 0.25, 0.25, 2.0 / 3, 1.0 / 3],
            (actual, expected) => Math.Abs(actual - expected) < 1e-15);
        model.StateCount.Should().Be(2);
        model.Name.Should().Be("markov");
    }

    [Fact]
    public void GetUnseenChannels_ListsChannelsTheChainNeverSaw_OnceInFirstSeenOrder()
    {
        // The three paths have channels a and b only.
        var model = MarkovChain.Fit(ThreePaths());

        model.GetUnseenChannels(["a", "x", "b", "y", "x"]).Should().Equal("x", "y");
        MarkovModel.FromJson(model.ToJson()).GetUnseenChannels(["email", "a"]).Should().Equal("email");
        model.GetUnseenChannels(["b", "a"]).Should().BeEmpty();
    }

    [Fact]
    public void Fit_ThreePaths_RemovalEffectsAndAttributionAsWorkedByHand()
    {
        // x(b) = 2/3; x(a) = 1/4 + 1/2 · 2/3 = 7/12; P = 4/5 · 7/12 + 1/5 · 2/3 = 36/60 = 0.6 (= 3 conversions / 5 walks).
        // Without a: P = 1/5 · 2/3 = 8/60 → RE(a) = 1 − 8/36 = 7/9.
        // Without b: x(a) = 1/4, P = 4/5 · 1/4 = 12/60 → RE(b) = 1 − 12/36 = 2/3.
        // Σ RE = 13/9: a gets 3 · 7/13 = 21/13, b gets 3 · 6/13 = 18/13.
        // Value per conversion: after a 300/1 = 300, after b (100 + 50)/2 = 75.
        // v(b) = 2/3 · 75 = 50; v(a) = 1/4 · 300 + 1/2 · 50 = 100; E = 4/5 · 100 + 1/5 · 50 = 90 (= 450 / 5).
        // Without a: E = 1/5 · 50 = 10 → VRE(a) = 8/9. Without b: v(a) = 75, E = 60 → VRE(b) = 1/3.
        // Σ VRE = 11/9: a gets 450 · 8/11, b gets 450 · 3/11.
        var model = MarkovChain.Fit(ThreePaths());

        model.ConversionProbability.Should().BeApproximately(0.6, 1e-12);
        model.ExpectedValue.Should().BeApproximately(90, 1e-10);
        var a = model.GetResult("a");
        var b = model.GetResult("b");
        a.RemovalEffect.Should().BeApproximately(7.0 / 9, 1e-12);
        b.RemovalEffect.Should().BeApproximately(2.0 / 3, 1e-12);
        a.AttributedConversions.Should().BeApproximately(21.0 / 13, 1e-12);
        b.AttributedConversions.Should().BeApproximately(18.0 / 13, 1e-12);
        a.ValueRemovalEffect.Should().BeApproximately(8.0 / 9, 1e-12);
        b.ValueRemovalEffect.Should().BeApproximately(1.0 / 3, 1e-12);
        a.AttributedValue.Should().BeApproximately(450.0 * 8 / 11, 1e-9);
        b.AttributedValue.Should().BeApproximately(450.0 * 3 / 11, 1e-9);
    }

    [Fact]
    public void Fit_OrderTwo_StatesAreWindowsAndShortPathsAreOneState()
    {
        // States: "a > b" (from a > b > c and a > b), "b > c", and "c" (the whole of the one-channel path c).
        // start → a > b: 2, start → b > c: 1, start → c: 1; a > b → b > c: 1, a > b → null: 1;
        // b > c → conversion: 1, b > c → null: 1; c → conversion: 1.
        // x(b > c) = 1/2, x(a > b) = 1/4, x(c) = 1; P = 2/4 · 1/4 + 1/4 · 1/2 + 1/4 · 1 = 1/8 + 1/8 + 1/4 = 1/2 (= 2 / 4).
        // Without a: a > b → null: P = 1/8 + 1/4 = 3/8 → RE(a) = 1/4. Without b: P = 1/4 → RE(b) = 1/2.
        // Without c: both converting states (b > c, c) are gone, P = 0 → RE(c) = 1. Σ RE = 7/4 → conversions 2 · (1/7, 2/7, 4/7).
        var builder = new PathSetBuilder();
        builder.Add(["a", "b", "c"], conversions: 1, value: 1, nulls: 0);
        builder.Add(["b", "c"], conversions: 0, value: 0, nulls: 1);
        builder.Add(["a", "b"], conversions: 0, value: 0, nulls: 1);
        builder.Add(["c"], conversions: 1, value: 1, nulls: 0);

        var model = MarkovChain.Fit(builder.Build(), new MarkovOptions { Order = 2 });

        model.Name.Should().Be("markov-2");
        model.StateCount.Should().Be(3);
        model.Transitions.Select(t => (t.From, t.To, t.Count)).Should().Equal(
            ("(start)", "a > b", 2.0),
            ("(start)", "b > c", 1.0),
            ("(start)", "c", 1.0),
            ("a > b", "b > c", 1.0),
            ("a > b", "(null)", 1.0),
            ("b > c", "(conversion)", 1.0),
            ("b > c", "(null)", 1.0),
            ("c", "(conversion)", 1.0));
        model.ConversionProbability.Should().BeApproximately(0.5, 1e-12);
        model.Results.Select(r => r.RemovalEffect).Should().Equal([0.25, 0.5, 1.0], (x, y) => Math.Abs(x - y) < 1e-12);
        model.Results.Select(r => r.AttributedConversions).Should().Equal([2.0 / 7, 4.0 / 7, 8.0 / 7], (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Fit_RepeatedChannel_SelfLoopSolvedExactly()
    {
        // a > a > a converts once, a ends null once: start → a: 2, a → a: 2, a → conversion: 1, a → null: 1.
        // x(a) = (1 + 2 x(a)) / 4 → x(a) = 1/2 = P (1 conversion / 2 walks). Removing a: P = 0, RE = 1.
        var builder = new PathSetBuilder();
        builder.Add(["a", "a", "a"], conversions: 1, value: 10, nulls: 0);
        builder.Add(["a"], conversions: 0, value: 0, nulls: 1);

        var model = MarkovChain.Fit(builder.Build());

        model.ConversionProbability.Should().BeApproximately(0.5, 1e-12);
        model.GetResult("a").RemovalEffect.Should().Be(1);
        model.GetResult("a").AttributedValue.Should().BeApproximately(10, 1e-12);
    }

    [Fact]
    public void Fit_NoConversions_EffectsAndAttributionAreZero()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a", "b"], conversions: 0, value: 0, nulls: 3);

        var model = MarkovChain.Fit(builder.Build());

        model.ConversionProbability.Should().Be(0);
        model.Results.Should().OnlyContain(r => r.RemovalEffect == 0 && r.AttributedConversions == 0 && r.AttributedValue == 0);
    }

    [Fact]
    public void Fit_EmptyPathSet_Throws()
    {
        var act = () => MarkovChain.Fit(new PathSetBuilder().Build());

        act.Should().Throw<ArgumentException>().WithParameterName("paths");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Fit_OrderOutOfRange_Throws(int order)
    {
        var act = () => MarkovChain.Fit(ThreePaths(), new MarkovOptions { Order = order });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Order");
    }

    [Fact]
    public void GetResult_UnknownChannel_ThrowsNamingIt()
    {
        var act = () => MarkovChain.Fit(ThreePaths()).GetResult("zz");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*'zz'*");
    }

    [Fact]
    public void Attribute_Journey_SplitsInProportionToRemovalEffects()
    {
        // RE(a) = 7/9, RE(b) = 6/9: shares 7/13 and 6/13 of 130 = 70 and 60; the unknown channel z gets 0.
        var model = MarkovChain.Fit(ThreePaths());
        var journey = new Journey(
            "j",
            [new Touchpoint(At.AddDays(-3), "a"), new Touchpoint(At.AddDays(-2), "z"), new Touchpoint(At.AddDays(-1), "b")],
            [new Conversion(At, 130)]);

        var credits = model.Attribute(journey).Credits;

        credits.Select(c => c.Touchpoint.Channel).Should().Equal("a", "z", "b");
        credits.Select(c => c.Value).Should().Equal([70.0, 0.0, 60.0], (x, y) => Math.Abs(x - y) < 1e-9);
    }

    [Fact]
    public void Attribute_OnlyUnknownChannels_ConversionIsUnattributed()
    {
        var model = MarkovChain.Fit(ThreePaths());
        var journey = new Journey("j", [new Touchpoint(At.AddDays(-1), "z")], [new Conversion(At, 10)]);

        var result = model.Attribute(journey);

        result.Credits.Sum(c => c.Value).Should().Be(0);
        result.Unattributed.Should().ContainSingle();
    }

    [Fact]
    public void Run_JourneySet_ChannelTotalsFollowRemovalEffects()
    {
        // Two converting journeys a > b (value 13 each): each splits 7/13, 6/13 → a 14, b 12.
        var journeys = JourneySet.Create(
        [
            new Journey("1", [new Touchpoint(At.AddDays(-2), "a"), new Touchpoint(At.AddDays(-1), "b")], [new Conversion(At, 13)]),
            new Journey("2", [new Touchpoint(At.AddDays(-2), "a"), new Touchpoint(At.AddDays(-1), "b")], [new Conversion(At, 13)]),
        ]);
        var model = MarkovChain.Fit(ThreePaths());

        var result = new AttributionEngine(new AttributionOptions()).Run(journeys, model);

        result.ByChannel.Single(t => t.Key == "a").Value.Should().BeApproximately(14, 1e-9);
        result.ByChannel.Single(t => t.Key == "b").Value.Should().BeApproximately(12, 1e-9);
    }
}
