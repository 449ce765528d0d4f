using Attribution.DataDriven;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.DataDriven;

public sealed class PathAttributionTests
{
    private static PathSet Paths(params (string[] Channels, double Conversions, double Value, double Nulls)[] rows)
    {
        var builder = new PathSetBuilder();
        foreach (var (channels, conversions, value, nulls) in rows)
        {
            builder.Add(channels, conversions, value, nulls);
        }

        return builder.Build();
    }

    private static void ShouldBe(PathAttributionResult result, params (string Channel, double Conversions, double Value)[] expected)
    {
        result.ByChannel.Select(static c => c.Key).Should().Equal(expected.Select(static e => e.Channel));
        for (var i = 0; i < expected.Length; i++)
        {
            result.ByChannel[i].Conversions.Should().BeApproximately(expected[i].Conversions, 1e-12, expected[i].Channel);
            result.ByChannel[i].Value.Should().BeApproximately(expected[i].Value, 1e-9, expected[i].Channel);
        }
    }

    [Fact]
    public void Run_Linear_ChannelMetTwiceGetsTwoShares()
    {
        // a > b > a, 3 conversions worth 30: three touches of 1/3 each → a 2/3 · 3 = 2 and 2/3 · 30 = 20, b 1 and 10.
        var result = PathAttribution.Run(Paths((["a", "b", "a"], 3, 30, 1)), AttributionModels.Linear);

        result.Model.Should().Be("linear");
        ShouldBe(result, ("a", 2, 20), ("b", 1, 10));
        result.UnattributedConversions.Should().Be(0);
        result.UnattributedValue.Should().Be(0);
    }

    [Fact]
    public void Run_FirstAndLastTouch_WholeRowToTheEnds()
    {
        // Row 1: a > b > c, 2 conversions, 50. Row 2: c > a, 1 conversion, 10. Row 3: b, no conversion (nulls only).
        var paths = Paths((["a", "b", "c"], 2, 50, 4), (["c", "a"], 1, 10, 0), (["b"], 0, 0, 7));

        // First touch: a ← row 1 (2, 50); c ← row 2 (1, 10); b nothing.
        ShouldBe(PathAttribution.Run(paths, AttributionModels.FirstTouch), ("a", 2, 50), ("b", 0, 0), ("c", 1, 10));

        // Last touch: c ← row 1 (2, 50); a ← row 2 (1, 10).
        ShouldBe(PathAttribution.Run(paths, AttributionModels.LastTouch), ("a", 1, 10), ("b", 0, 0), ("c", 2, 50));
    }

    [Fact]
    public void Run_UShaped_FortyTwentyFortyAndItsTwoTouchRule()
    {
        // a > b > c, 10 conversions, 100: 0.4 / 0.2 / 0.4 → a 4, 40; b 2, 20; c 4, 40.
        // d > e > f > g, 1 conversion, 10: 0.4, 0.2 / 2, 0.2 / 2, 0.4 → d 0.4, 4; e 0.1, 1; f 0.1, 1; g 0.4, 4.
        // a > c, 2 conversions, 20: f/(f+l) = l/(f+l) = 1/2 → a 1, 10; c 1, 10.
        var paths = Paths((["a", "b", "c"], 10, 100, 0), (["d", "e", "f", "g"], 1, 10, 0), (["a", "c"], 2, 20, 0));

        ShouldBe(
            PathAttribution.Run(paths, AttributionModels.UShaped()),
            ("a", 5, 50), ("b", 2, 20), ("c", 5, 50), ("d", 0.4, 4), ("e", 0.1, 1), ("f", 0.1, 1), ("g", 0.4, 4));

        // --positions 0.3,0.4,0.3. a > b > c: a 3, 30; b 4, 40; c 3, 30; a > c still halves: a and c 1, 10 more.
        // d > e > f > g: 0.3, 0.4 / 2, 0.4 / 2, 0.3 → d 0.3, 3; e 0.2, 2; f 0.2, 2; g 0.3, 3.
        ShouldBe(
            PathAttribution.Run(paths, AttributionModels.UShaped(new UShapedModelOptions { First = 0.3, Middle = 0.4, Last = 0.3 })),
            ("a", 4, 40), ("b", 4, 40), ("c", 4, 40), ("d", 0.3, 3), ("e", 0.2, 2), ("f", 0.2, 2), ("g", 0.3, 3));
    }

    [Fact]
    public void Run_ChannelWeights_AllZeroRowIsUnattributedNotDropped()
    {
        // Weights a 3, b 1, direct 0. a > b, 4 conversions, 40: a 3/4 → 3, 30; b 1, 10.
        // direct, 2 conversions, 8: the only touch weighs 0 → unattributed 2, 8.
        var model = AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double> { ["a"] = 3, ["b"] = 1, ["direct"] = 0 },
        });
        var result = PathAttribution.Run(Paths((["a", "b"], 4, 40, 0), (["direct"], 2, 8, 0)), model);

        ShouldBe(result, ("a", 3, 30), ("b", 1, 10), ("direct", 0, 0));
        result.UnattributedConversions.Should().Be(2);
        result.UnattributedValue.Should().Be(8);
    }

    [Fact]
    public void Run_FractionalCounts_Weighted()
    {
        // Weighted data: a > b, 1.5 conversions worth 7.5 → linear a 0.75, 3.75; b the same.
        ShouldBe(PathAttribution.Run(Paths((["a", "b"], 1.5, 7.5, 0)), AttributionModels.Linear), ("a", 0.75, 3.75), ("b", 0.75, 3.75));
    }

    [Fact]
    public void Run_TimeDecay_IsRejectedNamingTheModelAndWhy()
    {
        var paths = Paths((["a"], 1, 1, 0));

        PathAttribution.CanRun(AttributionModels.TimeDecay(), out var reason).Should().BeFalse();
        reason.Should().Be("model 'time-decay' weighs each touch by its age before the conversion, and paths have no timestamps");
        var act = () => PathAttribution.Run(paths, AttributionModels.TimeDecay());
        act.Should().Throw<ArgumentException>().WithParameterName("model").WithMessage("Cannot run on paths: model 'time-decay' weighs*");
    }

    [Fact]
    public void Run_ModelsThatMayReadTime_AreRejected()
    {
        // A weight function sees Instant and Age; with every tick 0 it would silently see one instant.
        var delegateModel = AttributionModels.Custom("weekday", static a => a.Instant.DayOfWeek == DayOfWeek.Monday ? 1 : 2);
        PathAttribution.CanRun(delegateModel, out var reason).Should().BeFalse();
        reason.Should().StartWith("model 'weekday' may weigh touches by their time");

        var fitted = MarkovChain.Fit(Paths((["a"], 1, 1, 1), (["b"], 0, 0, 1)));
        PathAttribution.CanRun(fitted, out reason).Should().BeFalse();
        reason.Should().Contain("fitted data-driven model");
    }

    [Fact]
    public void CanRun_PositionAndChannelModels_True()
    {
        IAttributionModel[] models =
        [
            AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.Linear, AttributionModels.UShaped(),
            AttributionModels.ChannelWeights(new ChannelWeightsModelOptions()),
        ];

        models.Should().AllSatisfy(m => PathAttribution.CanRun(m, out _).Should().BeTrue(m.Name));
    }

    [Fact]
    public void Run_Conserves_CreditPlusUnattributedEqualsTotals()
    {
        var paths = Paths((["a", "b", "a", "c"], 3, 31, 2), (["c"], 5, 7, 0), (["b", "b"], 0.25, 1, 0), (["d"], 0, 0, 9));
        foreach (var model in new[] { AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.Linear, AttributionModels.UShaped() })
        {
            var result = PathAttribution.Run(paths, model);

            // 3 + 5 + 0.25 = 8.25 conversions, 31 + 7 + 1 = 39 value; nulls earn nothing.
            (result.ByChannel.Sum(static c => c.Conversions) + result.UnattributedConversions).Should().BeApproximately(8.25, 1e-12, model.Name);
            (result.ByChannel.Sum(static c => c.Value) + result.UnattributedValue).Should().BeApproximately(39, 1e-12, model.Name);
            result.ByChannel.Single(static c => c.Key == "d").Should().Be(new CreditTotal("d", 0, 0));
        }
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        var paths = Paths((["a"], 1, 1, 0));

        FluentActions.Invoking(() => PathAttribution.Run(null!, AttributionModels.Linear)).Should().Throw<ArgumentNullException>().WithParameterName("paths");
        FluentActions.Invoking(() => PathAttribution.Run(paths, null!)).Should().Throw<ArgumentNullException>().WithParameterName("model");
    }
}
