using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Tests.DataDriven;

public sealed class ShapleyModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>v(a) = 1/4, v(b) = 1/2, v(ab) = 3/4.</summary>
    private static PathSet TwoChannelGame()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], conversions: 1, value: 10, nulls: 3);
        builder.Add(["b"], conversions: 1, value: 20, nulls: 1);
        builder.Add(["a", "b"], conversions: 3, value: 60, nulls: 1);
        return builder.Build();
    }

    /// <summary>v(a) = .1, v(b) = .2, v(c) = 0, v(ab) = .4, v(ac) = .2, v(bc) = .3, v(abc) = .6.</summary>
    private static PathSet ThreeChannelGame()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 1, 9);
        builder.Add(["b"], 1, 1, 4);
        builder.Add(["c"], 0, 0, 5);
        builder.Add(["a", "b"], 2, 2, 3);
        builder.Add(["c", "a"], 1, 1, 4);
        builder.Add(["b", "c", "b"], 3, 3, 7);
        builder.Add(["a", "b", "c"], 3, 300, 2);
        return builder.Build();
    }

    [Fact]
    public void Fit_TwoChannels_SplitsByShapleyValuesWorkedByHand()
    {
        // φ_a = ½ (v(a) − 0) + ½ (v(ab) − v(b)) = ½·0.25 + ½·0.25 = 0.25
        // φ_b = ½ (v(b) − 0) + ½ (v(ab) − v(a)) = ½·0.5 + ½·0.5 = 0.5; shares 1/3, 2/3.
        // Training: [a] 1 conv/10 → a; [b] 1 conv/20 → b; [a,b] 3 conv/60 → a 1/20, b 2/40.
        var model = ShapleyAttribution.Fit(TwoChannelGame());

        var shares = model.GetShares(["b", "a"]);
        shares["a"].Should().BeApproximately(1.0 / 3, 1e-12);
        shares["b"].Should().BeApproximately(2.0 / 3, 1e-12);
        model.ByChannel.Select(c => c.Key).Should().Equal("a", "b");
        model.ByChannel.Select(c => c.Conversions).Should().Equal([2.0, 3.0], (x, y) => Math.Abs(x - y) < 1e-12);
        model.ByChannel.Select(c => c.Value).Should().Equal([30.0, 60.0], (x, y) => Math.Abs(x - y) < 1e-12);
        model.ChannelShares["a"].Should().BeApproximately(0.4, 1e-12);
        model.GetConversionRate(["b", "a", "a"]).Should().Be(0.75);
        model.GetConversionRate(["a", "z"]).Should().Be(0);
        model.Name.Should().Be("shapley");
    }

    [Fact]
    public void Fit_ThreeChannels_SplitsByShapleyValuesWorkedByHand()
    {
        // Order weights for 3 players: |S| = 0 → 1/3, 1 → 1/6, 2 → 1/3.
        // φ_a = ⅓·0.1 + ⅙(0.4 − 0.2) + ⅙(0.2 − 0) + ⅓(0.6 − 0.3) = 0.0333 + 0.0333 + 0.0333 + 0.1 = 0.2
        // φ_b = ⅓·0.2 + ⅙(0.4 − 0.1) + ⅙(0.3 − 0) + ⅓(0.6 − 0.2) = 0.0667 + 0.05 + 0.05 + 0.1333 = 0.3
        // φ_c = ⅓·0 + ⅙(0.2 − 0.1) + ⅙(0.3 − 0.2) + ⅓(0.6 − 0.4) = 0.0167 + 0.0167 + 0.0667 = 0.1
        // Sum 0.6 = v(abc); shares 1/3, 1/2, 1/6. The [a,b,c] path's value 300 → 100, 150, 50.
        var model = ShapleyAttribution.Fit(ThreeChannelGame());

        var shares = model.GetShares(["a", "b", "c"]);
        shares["a"].Should().BeApproximately(1.0 / 3, 1e-12);
        shares["b"].Should().BeApproximately(1.0 / 2, 1e-12);
        shares["c"].Should().BeApproximately(1.0 / 6, 1e-12);

        // Values (each path's value split by its own set's shares; [a] → a, [b] → b):
        // [a,b] shares: φ_a = ½·0.1 + ½(0.4 − 0.2) = 0.15, φ_b = ½·0.2 + ½(0.4 − 0.1) = 0.25 → 3/8, 5/8 of value 2.
        // [a,c]: φ_a = ½·0.1 + ½(0.2 − 0) = 0.15, φ_c = ½·0 + ½(0.2 − 0.1) = 0.05 → 3/4, 1/4 of value 1.
        // [b,c]: φ_b = ½·0.2 + ½(0.3 − 0) = 0.25, φ_c = ½·0 + ½(0.3 − 0.2) = 0.05 → 5/6, 1/6 of value 3.
        // a: 1 + 0.75 + 0.75 + 100 = 102.5; b: 1 + 1.25 + 2.5 + 150 = 154.75; c: 0.25 + 0.5 + 50 = 50.75.
        model.ByChannel.Select(c => c.Value).Should().Equal([102.5, 154.75, 50.75], (x, y) => Math.Abs(x - y) < 1e-9);
    }

    [Fact]
    public void Fit_SimplifiedClosedForm_SharesEachSetsRateEquallyByItsChannels()
    {
        // Two-channel game: φ_a = R(a) + R(ab)/2 = 0.25 + 0.375 = 0.625, φ_b = 0.5 + 0.375 = 0.875; shares 5/12, 7/12.
        var model = ShapleyAttribution.Fit(TwoChannelGame(), new ShapleyOptions { Method = ShapleyMethod.SimplifiedClosedForm });

        var shares = model.GetShares(["a", "b"]);
        shares["a"].Should().BeApproximately(5.0 / 12, 1e-12);
        shares["b"].Should().BeApproximately(7.0 / 12, 1e-12);
    }

    [Fact]
    public void Fit_NegativeShapleyValue_IsClippedToZero()
    {
        // v(a) = 0.5, v(b) = 0 (seen, never converted), v(ab) = 0.2:
        // φ_a = ½·0.5 + ½(0.2 − 0) = 0.35, φ_b = ½·0 + ½(0.2 − 0.5) = −0.15 → clipped; a earns all of [a,b].
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 1, 1);
        builder.Add(["b"], 0, 0, 4);
        builder.Add(["a", "b"], 1, 7, 4);

        var model = ShapleyAttribution.Fit(builder.Build());

        model.GetShares(["a", "b"]).Should().Equal(new Dictionary<string, double> { ["a"] = 1, ["b"] = 0 });
        model.ByChannel.Select(c => c.Value).Should().Equal(8, 0);
    }

    [Fact]
    public void ComputeWeights_EachChannelsTouchesShareItsShare()
    {
        // Two-channel game shares a 1/3, b 2/3; touches a, a, b → 1/6, 1/6, 2/3.
        var model = ShapleyAttribution.Fit(TwoChannelGame());
        var journey = Journey("j", ["a", "a", "b"]);

        var credits = model.Attribute(journey).Credits;

        credits.Select(c => c.Share).Should().Equal([1.0 / 6, 1.0 / 6, 2.0 / 3], (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void ComputeWeights_ChannelUnseenInTraining_EarnsNothingButCountsAsPlayer()
    {
        // Players a and z (z unseen: every coalition holding z is worth 0):
        // φ_a = ½ v(a) + ½ (v(az) − v(z)) = 0.125; φ_z = ½·0 + ½ (0 − v(a)) = −0.125 → clipped. a earns all.
        var model = ShapleyAttribution.Fit(TwoChannelGame());

        var credits = model.Attribute(Journey("j", ["z", "a", "z"])).Credits;

        credits.Select(c => c.Share).Should().Equal(0, 1, 0);
        model.GetShares(["a", "z"]).Should().Equal(new Dictionary<string, double> { ["a"] = 1, ["z"] = 0 });
    }

    [Fact]
    public void ComputeWeights_AllValuesZero_FallsBackToLinear()
    {
        // Only c ever converted, so every coalition of {a, b} is worth 0: touches a, a, b get 1/3 each.
        var builder = new PathSetBuilder();
        builder.Add(["a"], 0, 0, 5);
        builder.Add(["b"], 0, 0, 5);
        builder.Add(["c"], 1, 1, 0);
        var model = ShapleyAttribution.Fit(builder.Build());

        model.Attribute(Journey("j", ["a", "a", "b"])).Credits.Select(c => c.Share)
            .Should().Equal([1.0 / 3, 1.0 / 3, 1.0 / 3], (x, y) => Math.Abs(x - y) < 1e-12);
        model.GetShares(["a", "b"]).Should().Equal(new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5 });

        // An unseen channel z beside them still earns nothing: a, a, b get 1/3 each, z 0.
        model.Attribute(Journey("m", ["a", "z", "a", "b"])).Credits.Select(c => c.Share)
            .Should().Equal([1.0 / 3, 0, 1.0 / 3, 1.0 / 3], (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Attribute_OnlyUnseenChannels_ConversionIsUnattributedLikeMarkov()
    {
        var model = ShapleyAttribution.Fit(TwoChannelGame());

        var result = model.Attribute(Journey("k", ["x", "y"]));

        result.Credits.Sum(c => c.Value).Should().Be(0);
        result.Unattributed.Should().ContainSingle();
        model.GetShares(["x", "y"]).Should().Equal(new Dictionary<string, double> { ["x"] = 0, ["y"] = 0 });
        model.GetUnseenChannels(["a", "x", "b", "y", "x"]).Should().Equal("x", "y");
    }

    [Fact]
    public void Run_ModelFittedOnNoPaths_EveryConversionUnattributed()
    {
        var model = ShapleyAttribution.Fit(new PathSetBuilder().Build());
        var journeys = JourneySet.Create([Journey("1", ["a", "b"]), Journey("2", ["c"])]);

        var result = new AttributionEngine().Run(journeys, model);

        result.UnattributedConversions.Should().Be(2);
        result.CreditedConversions.Should().Be(0);
        model.GetUnseenChannels(["a", "b", "c"]).Should().Equal("a", "b", "c");
    }

    [Fact]
    public void Fit_ValueOnASetWorthNothing_IsSplitLinearlyOverThePathsTouches()
    {
        // [a, a, b] carries value 30 but no conversion or non-conversion, so v({a, b}) = 0; v({b}) = 0 and {a} is unseen,
        // so both values are 0 and the path falls back to linear over its touches: a 2/3 · 30 = 20, b 10. [c] → c 5.
        var builder = new PathSetBuilder();
        builder.Add(["a", "a", "b"], 0, 30, 0);
        builder.Add(["b"], 0, 0, 4);
        builder.Add(["c"], 1, 5, 1);

        var model = ShapleyAttribution.Fit(builder.Build());

        model.ByChannel.Select(c => c.Value).Should().Equal([20.0, 10.0, 5.0], (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Run_FittedOnJourneys_ConservesCreditAndReproducesTrainingAttribution()
    {
        var journeys = RandomJourneys(seed: 7, count: 400);
        var paths = PathSet.FromJourneys(journeys);
        var model = ShapleyAttribution.Fit(paths);

        var result = new AttributionEngine().Run(journeys, model);

        result.CreditedConversions.Should().BeApproximately(result.ConversionCount - result.UnattributedConversions, 1e-9);
        result.CreditedValue.Should().BeApproximately(result.TotalValue - result.UnattributedValue, 1e-6);
        model.ByChannel.Sum(c => c.Conversions).Should().BeApproximately(paths.TotalConversions, 1e-9);
        model.ByChannel.Sum(c => c.Value).Should().BeApproximately(paths.TotalValue, 1e-6);

        // Each conversion's eligible touches are exactly one training path, so the engine repeats the training split.
        foreach (var credit in model.ByChannel)
        {
            var fromEngine = result.ByChannel.Single(c => c.Key == credit.Key);
            fromEngine.Conversions.Should().BeApproximately(credit.Conversions, 1e-9);
            fromEngine.Value.Should().BeApproximately(credit.Value, 1e-6);
        }
    }

    [Fact]
    public void ComputeWeights_ManyThreads_GiveTheSameWeightsAsOneThread()
    {
        var journeys = RandomJourneys(seed: 11, count: 300);
        var model = ShapleyAttribution.Fit(PathSet.FromJourneys(journeys));
        var fresh = ShapleyModel.FromJson(model.ToJson());

        var serial = new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = 1 }).Run(journeys, model);
        var parallel = new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = 4 }).Run(journeys, fresh);

        parallel.ByChannel.Should().Equal(serial.ByChannel);
    }

    [Fact]
    public void ToJson_RoundTrip_GivesAnEquivalentModel()
    {
        var model = ShapleyAttribution.Fit(ThreeChannelGame(), new ShapleyOptions { ExactChannelCap = 2, Samples = 500, Seed = 5 });

        var json = model.ToJson();
        var loaded = ShapleyModel.FromJson(json);

        loaded.ToJson().Should().Be(json);
        loaded.Options.Should().Be(model.Options);
        loaded.Channels.Should().Equal(model.Channels);
        loaded.ByChannel.Should().Equal(model.ByChannel);
        loaded.GetShares(["a", "b", "c"]).Should().Equal(model.GetShares(["a", "b", "c"]));
        loaded.GetConversionRate(["b", "c"]).Should().BeApproximately(0.3, 1e-15);
        json.Should().Contain("\"model\": \"shapley\"").And.Contain("\"method\": \"ChannelSetGame\"");
    }

    [Theory]
    [InlineData("\"model\": \"shapley\"", "\"model\": \"markov\"", "*'model' must be \"shapley\"*")]
    [InlineData("\"version\": 1", "\"version\": 2", "*'version' 2 is not supported*")]
    [InlineData("\"samples\": 2000", "\"samples\": 0", "*Samples must be at least 1*")]
    [InlineData("\"nulls\": 3", "\"nulls\": -3", "*'coalitions[0].nulls' must be finite and not negative*")]
    public void FromJson_InvalidField_ThrowsNamingIt(string field, string replacement, string message)
    {
        var json = ShapleyAttribution.Fit(TwoChannelGame()).ToJson();
        json.Should().Contain(field);

        var act = () => ShapleyModel.FromJson(json.Replace(field, replacement, StringComparison.Ordinal));

        act.Should().Throw<System.Text.Json.JsonException>().WithMessage(message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"model":"shapley"}""")]
    [InlineData("null")]
    public void FromJson_NotAShapleyModel_Throws(string json)
    {
        var act = () => ShapleyModel.FromJson(json);

        act.Should().Throw<System.Text.Json.JsonException>();
    }

    [Fact]
    public void FromJson_CoalitionNamesUnknownChannel_ThrowsNamingIt()
    {
        var json = ShapleyAttribution.Fit(TwoChannelGame()).ToJson().Replace("\"b\"\n      ]", "\"q\"\n      ]", StringComparison.Ordinal);

        var act = () => ShapleyModel.FromJson(json);

        act.Should().Throw<System.Text.Json.JsonException>().WithMessage("*'q'*not in 'channels'*");
    }

    [Fact]
    public void Fit_MoreThan64Channels_Throws()
    {
        var builder = new PathSetBuilder();
        for (var c = 0; c < 65; c++)
        {
            builder.Add([$"c{c}"], 1, 1, 1);
        }

        var act = () => ShapleyAttribution.Fit(builder.Build());

        act.Should().Throw<ArgumentException>().WithMessage("*at most 64 channels*65*").Which.ParamName.Should().Be("paths");
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(65, 10)]
    [InlineData(16, 0)]
    public void Fit_OptionOutOfRange_Throws(int cap, int samples)
    {
        var act = () => ShapleyAttribution.Fit(TwoChannelGame(), new ShapleyOptions { ExactChannelCap = cap, Samples = samples });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().StartWith("options.");
    }

    [Fact]
    public void Fit_Null_Throws()
    {
        var act = () => ShapleyAttribution.Fit(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("paths");
    }

    [Fact]
    public void Fit_SampledBeyondCap_IsSeededAndCloseToExact()
    {
        var exact = ShapleyAttribution.Fit(ThreeChannelGame()).GetShares(["a", "b", "c"]);
        var sampled = ShapleyAttribution.Fit(ThreeChannelGame(), new ShapleyOptions { ExactChannelCap = 0, Samples = 20000, Seed = 3 });
        var again = ShapleyAttribution.Fit(ThreeChannelGame(), new ShapleyOptions { ExactChannelCap = 0, Samples = 20000, Seed = 3 });
        var other = ShapleyAttribution.Fit(ThreeChannelGame(), new ShapleyOptions { ExactChannelCap = 0, Samples = 20000, Seed = 4 });

        var shares = sampled.GetShares(["a", "b", "c"]);
        again.GetShares(["a", "b", "c"]).Should().Equal(shares);
        other.GetShares(["a", "b", "c"]).Should().NotEqual(shares);

        // Every marginal contribution of this game lies in [0, 0.4], so σ ≤ 0.2 and 4 standard errors over 20000 orders
        // ≤ 4·0.2/√20000 ≈ 0.006 in rate units, 0.01 in shares of v(abc) = 0.6; 0.03 leaves room for the normalisation.
        foreach (var channel in new[] { "a", "b", "c" })
        {
            shares[channel].Should().BeApproximately(exact[channel], 0.03);
        }
    }

    private static Journey Journey(string id, string[] channels)
    {
        var touches = channels.Select((c, i) => new Touchpoint(Start.AddHours(i), c)).ToArray();
        return new Journey(id, touches, [new Conversion(Start.AddHours(channels.Length), 100)]);
    }

    private static JourneySet RandomJourneys(int seed, int count)
    {
        var random = new Random(seed);
        string[] channels = ["search", "email", "display", "social", "direct"];
        var journeys = new List<Journey>();
        for (var j = 0; j < count; j++)
        {
            var touches = new List<Touchpoint>();
            var conversions = new List<Conversion>();
            var length = random.Next(1, 6);
            for (var t = 0; t < length; t++)
            {
                touches.Add(new Touchpoint(Start.AddHours((j % 50) + (t * 3)), channels[random.Next(channels.Length)]));
            }

            if (random.NextDouble() < 0.3 + (0.1 * touches.Select(t => t.Channel).Distinct().Count()))
            {
                conversions.Add(new Conversion(Start.AddHours((j % 50) + (length * 3)), random.Next(1, 100)));
            }

            journeys.Add(new Journey($"j{j}", touches, conversions));
        }

        return JourneySet.Create(journeys);
    }

    [Theory]
    [InlineData("(unattributed)", "is the key of a built-in row")]
    [InlineData("(total)", "is the key of a built-in row")]
    [InlineData(" a", "has white space around it")]
    public void FromJson_ChannelBreakingTheRuleOfNames_IsAJsonException(string name, string message)
    {
        var json = ShapleyAttribution.Fit(TwoChannelGame()).ToJson();
        json.Should().Contain("\"a\"");

        var act = () => ShapleyModel.FromJson(json.Replace("\"a\"", "\"" + name + "\"", StringComparison.Ordinal));

        act.Should().Throw<System.Text.Json.JsonException>().WithMessage($"*'channels[*]*{message}*");
    }
}
