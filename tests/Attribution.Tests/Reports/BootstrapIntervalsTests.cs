using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Reports;

public sealed class BootstrapIntervalsTests(ITestOutputHelper output)
{
    private static readonly ModelDefinition Linear = new("linear", "linear");
    private static readonly ModelDefinition Markov = new("markov", "markov");

    // Two journeys, one touch each: a converts for 100, b for 300. A resample draws two journeys with replacement:
    //   (a, a) with probability 1/4 → a credited 200, 2 conversions, share 1
    //   (a, b) with probability 1/2 → a credited 100, 1 conversion,  share 100 / 400 = 0.25
    //   (b, b) with probability 1/4 → a credited 0,   0 conversions, share 0
    // With 200 resamples the type 7 quantile at 5 % is between the 10th and 11th sorted values (h = 199 · 0.05 + 1 = 10.95),
    // both in the lowest atom unless fewer than 11 of 200 draws hit a probability-1/4 atom (≈ 1e-10); likewise at 95 %.
    // At level 0.2 (40 % and 60 %: h = 80.6 and 120.4) both ends fall in the middle atom (cumulative 1/4 to 3/4).
    private static JourneySet TwoJourneys() => JourneySet.Create(
    [
        JourneyOf("j1", [Touch(0, "a")], Conv(1, 100)),
        JourneyOf("j2", [Touch(0, "b")], Conv(1, 300)),
    ]);

    private static PathSet TwoPaths()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 100, 0);
        builder.Add(["b"], 1, 300, 0);
        return builder.Build();
    }

    [Fact]
    public void Run_TwoJourneys_Level90_SpansTheExtremeResamples()
    {
        var a = BootstrapIntervals.Run(TwoJourneys(), [Linear])["linear"].ForKind("conversion").ForChannel("a");

        a.Should().Be(new CreditInterval("a", 1, 0, 2, 100, 0, 200, 0.25, 0, 1));
    }

    [Fact]
    public void Run_TwoJourneys_Level20_IsTheMiddleResample()
    {
        var b = BootstrapIntervals.Run(TwoJourneys(), [Linear], intervals: new IntervalOptions { Level = 0.2 })["linear"].Kinds[0].ForChannel("b");

        // b in (a, b): 1 conversion, 300, share 300 / 400 = 0.75.
        b.Should().Be(new CreditInterval("b", 1, 1, 1, 300, 300, 300, 0.75, 0.75, 0.75));
    }

    [Fact]
    public void Run_TwoPathRows_ResamplesWalksLikeJourneys()
    {
        var report = BootstrapIntervals.Run(TwoPaths(), [Linear]);
        report["linear"].Kinds[0].ForChannel("a").Should().Be(new CreditInterval("a", 1, 0, 2, 100, 0, 200, 0.25, 0, 1));

        var middle = BootstrapIntervals.Run(TwoPaths(), [Linear], new IntervalOptions { Level = 0.2 });
        middle["linear"].Kinds[0].ForChannel("b").Should().Be(new CreditInterval("b", 1, 1, 1, 300, 300, 300, 0.75, 0.75, 0.75));
    }

    [Fact]
    public void Run_Campaigns_SplitLikeChannels()
    {
        // Linear over a (campaign x) and b (no campaign), one conversion of 100: 50 each.
        var set = JourneySet.Create([JourneyOf("j", [Touch(0, "a", "x"), Touch(1, "b")], Conv(2, 100))]);

        var kind = BootstrapIntervals.Run(set, [Linear], intervals: new IntervalOptions { IncludeCampaigns = true })["linear"].Kinds[0];

        // One journey: every resample is the data itself.
        kind.ByCampaign.Should().Equal(
            new CreditInterval("x", 0.5, 0.5, 0.5, 50, 50, 50, 0.5, 0.5, 0.5),
            new CreditInterval(AttributionResult.NoCampaignKey, 0.5, 0.5, 0.5, 50, 50, 50, 0.5, 0.5, 0.5));
    }

    [Fact]
    public void Quantile_Type7_InterpolatesBetweenOrderStatistics()
    {
        double[] sorted = [10, 20, 30, 40, 50];

        // h = 4 · 0.05 + 1 = 1.2 → 10 + 0.2 · 10 = 12; h = 4 · 0.95 + 1 = 4.8 → 40 + 0.8 · 10 = 48; median h = 3 → 30.
        BootstrapIntervals.Quantile(sorted, 0.05).Should().BeApproximately(12, 1e-12);
        BootstrapIntervals.Quantile(sorted, 0.95).Should().BeApproximately(48, 1e-12);
        BootstrapIntervals.Quantile(sorted, 0.5).Should().Be(30);
    }

    private static JourneySet Mixed()
    {
        // Several kinds, a rare channel (dropped by most resamples), repeat touches and non-converting journeys.
        var random = new Random(7);
        string[] channels = ["search", "email", "social", "display"];
        var journeys = new List<Journey>();
        for (var j = 0; j < 400; j++)
        {
            var touches = new List<Touchpoint>();
            var length = 1 + random.Next(4);
            for (var t = 0; t < length; t++)
            {
                touches.Add(Touch(t, channels[random.Next(channels.Length)], $"c{random.Next(5)}"));
            }

            if (j == 3)
            {
                touches.Add(Touch(length, "rare"));
            }

            var conversions = new List<Conversion>();
            if (random.NextDouble() < 0.4)
            {
                conversions.Add(new Conversion(Day(length + 1), 10 + random.Next(90), random.NextDouble() < 0.5 ? "lead" : "order"));
            }

            journeys.Add(new Journey($"j{j}", [.. touches], [.. conversions]));
        }

        return JourneySet.Create(journeys);
    }

    [Fact]
    public void Run_SameSeed_SameIntervalsOnOneAndTwoThreads()
    {
        var set = Mixed();
        ModelDefinition[] models = [Linear, new("time-decay", "time-decay"), Markov, new("shapley", "shapley")];

        var one = BootstrapIntervals.Run(set, models, intervals: new IntervalOptions { Resamples = 40, MaxDegreeOfParallelism = 1, IncludeCampaigns = true });
        var two = BootstrapIntervals.Run(set, models, intervals: new IntervalOptions { Resamples = 40, MaxDegreeOfParallelism = 2, IncludeCampaigns = true });
        var other = BootstrapIntervals.Run(set, models, intervals: new IntervalOptions { Resamples = 40, Seed = 2, MaxDegreeOfParallelism = 2 });

        foreach (var model in one.Models)
        {
            for (var k = 0; k < model.Kinds.Count; k++)
            {
                two[model.Model].Kinds[k].ByChannel.Should().Equal(model.Kinds[k].ByChannel, "model {0}", model.Model);
                two[model.Model].Kinds[k].ByCampaign.Should().Equal(model.Kinds[k].ByCampaign, "model {0}", model.Model);
                // Another seed draws other resamples: the test could fail if the seed were ignored.
                other[model.Model].Kinds[k].ByChannel.Should().NotEqual(model.Kinds[k].ByChannel, "model {0}", model.Model);
            }
        }
    }

    [Fact]
    public void Run_Estimates_AreTheEnginesCredits()
    {
        var set = Mixed();
        var intervals = BootstrapIntervals.Run(set, [Linear, Markov], intervals: new IntervalOptions { Resamples = 10 });
        var markov = MarkovChain.Fit(PathSet.FromJourneys(set, kind: "order"));
        var engine = new AttributionEngine().Run(set, [AttributionModels.Linear, markov]);

        foreach (var (name, result) in new[] { ("linear", engine["linear"]), ("markov", engine["markov"]) })
        {
            var order = result.ForKind("order");
            foreach (var channel in order.ByChannel)
            {
                var row = intervals[name].ForKind("order").ForChannel(channel.Key);
                row.Value.Should().BeApproximately(channel.Value, 1e-9, "{0} {1}", name, channel.Key);
                row.Conversions.Should().BeApproximately(channel.Conversions, 1e-9, "{0} {1}", name, channel.Key);
                row.Share.Should().BeApproximately(channel.Value / order.TotalValue, 1e-12);
                row.ValueLow.Should().BeLessThanOrEqualTo(row.ValueHigh);
            }
        }
    }

    [Fact]
    public void Run_BadArguments_AreRejectedByName()
    {
        var set = TwoJourneys();
        FluentActions.Invoking(() => BootstrapIntervals.Run(set, [Linear], intervals: new IntervalOptions { Level = 1 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Level");
        FluentActions.Invoking(() => BootstrapIntervals.Run(set, [Linear], intervals: new IntervalOptions { Resamples = 1 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Resamples");
        FluentActions.Invoking(() => BootstrapIntervals.Run(set, [Linear, Linear]))
            .Should().Throw<ArgumentException>().WithMessage("*'linear'*");
        FluentActions.Invoking(() => BootstrapIntervals.Run(TwoPaths(), [new ModelDefinition("time-decay", "time-decay")]))
            .Should().Throw<ArgumentException>().WithMessage("*timestamps*");
    }

    // The generating first-order chain over channels a, b, c: start → channel, channel → channel, (conversion) or (null).
    private static readonly double[] Start = [0.5, 0.3, 0.2];
    private static readonly double[,] Next = { { 0, 0.3, 0.2 }, { 0.2, 0, 0.3 }, { 0.25, 0.25, 0 } };
    private static readonly double[] Converts = [0.1, 0.15, 0.2];

    /// <summary>P(conversion) of the generating chain with channel <paramref name="removed"/> sending its walks to (null)
    /// (−1: none), by iterating x_s = convert_s + Σ_t next_st x_t to its fixed point.</summary>
    private static double ConversionProbability(int removed)
    {
        var x = new double[3];
        for (var iteration = 0; iteration < 2_000; iteration++)
        {
            var y = new double[3];
            for (var s = 0; s < 3; s++)
            {
                if (s == removed)
                {
                    continue;
                }

                y[s] = Converts[s];
                for (var t = 0; t < 3; t++)
                {
                    y[s] += Next[s, t] * x[t];
                }
            }

            x = y;
        }

        return (Start[0] * x[0]) + (Start[1] * x[1]) + (Start[2] * x[2]);
    }

    private static PathSet Simulate(Random random, int journeys)
    {
        var builder = new PathSetBuilder();
        var path = new List<string>();
        string[] names = ["a", "b", "c"];
        for (var j = 0; j < journeys; j++)
        {
            path.Clear();
            var state = Pick(random, Start[0], Start[1]);
            while (true)
            {
                path.Add(names[state]);
                var u = random.NextDouble();
                if (u < Converts[state])
                {
                    // Every conversion is worth 10, so the value removal effect is the removal effect.
                    builder.Add(path, 1, 10, 0);
                    break;
                }

                u -= Converts[state];
                var moved = false;
                for (var t = 0; t < 3 && !moved; t++)
                {
                    if (u < Next[state, t])
                    {
                        state = t;
                        moved = true;
                    }
                    else
                    {
                        u -= Next[state, t];
                    }
                }

                if (!moved)
                {
                    builder.Add(path, 0, 0, 1);
                    break;
                }
            }
        }

        return builder.Build();
    }

    private static int Pick(Random random, double first, double second)
    {
        var u = random.NextDouble();
        return u < first ? 0 : u < first + second ? 1 : 2;
    }

    [Fact]
    public void Run_MarkovOnSimulatedChains_90PercentIntervalsCoverTheTrueShare()
    {
        // True value shares: RE(c) = 1 − P(conv | c removed) / P(conv) of the generating chain, share = RE(c) / Σ RE.
        var p = ConversionProbability(-1);
        var effects = new double[3];
        for (var c = 0; c < 3; c++)
        {
            effects[c] = 1 - (ConversionProbability(c) / p);
        }

        var truth = effects.Select(e => e / effects.Sum()).ToArray();
        string[] names = ["a", "b", "c"];
        var covered = new int[3];
        const int DataSets = 100;
        var random = new Random(2026);
        for (var d = 0; d < DataSets; d++)
        {
            var paths = Simulate(random, 2_000);
            var intervals = BootstrapIntervals.Run(paths, [Markov], new IntervalOptions { Level = 0.9, Resamples = 200, Seed = d + 1 })["markov"].Kinds[0];
            for (var c = 0; c < 3; c++)
            {
                var row = intervals.ForChannel(names[c]);
                if (row.ShareLow <= truth[c] && truth[c] <= row.ShareHigh)
                {
                    covered[c]++;
                }
            }
        }

        for (var c = 0; c < 3; c++)
        {
            output.WriteLine($"{names[c]}: true share {truth[c]:F4}, covered by {covered[c]} of {DataSets} 90 % intervals");
        }

        covered.Should().AllSatisfy(count => count.Should().BeGreaterThanOrEqualTo(85));
    }
}
