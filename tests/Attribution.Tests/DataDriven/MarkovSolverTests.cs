using System.Globalization;
using Attribution.DataDriven;

namespace Attribution.Tests.DataDriven;

/// <summary>The chain always solves: long walks, bots, huge counts, many channels; checked against a dense reference solve.</summary>
public sealed class MarkovSolverTests
{
    [Fact]
    public void Fit_BotAlternatingTwoChannels_MatchesHandSolution()
    {
        // Bot: a > b > a > … > b (100,000 touches, ends null); one path a converts.
        // start → a: 2; a → b: 50,000; b → a: 49,999; b → null: 1; a → conversion: 1.
        // x(b) = 49,999/50,000 · x(a); x(a) = (1 + 50,000 x(b)) / 50,001 → 50,001 x(a) = 1 + 49,999 x(a) → x(a) = 1/2 = P.
        // Without b: x(a) = 1/50,001 → RE(b) = 1 − 2/50,001 = 49,999/50,001. Without a: P = 0 → RE(a) = 1.
        var builder = new PathSetBuilder();
        builder.Add(Alternating(100_000, "a", "b"), conversions: 0, value: 0, nulls: 1);
        builder.Add(["a"], conversions: 1, value: 10, nulls: 0);

        var model = MarkovChain.Fit(builder.Build());

        model.ConversionProbability.Should().BeApproximately(0.5, 1e-12);
        model.GetResult("a").RemovalEffect.Should().BeApproximately(1, 1e-12);
        model.GetResult("b").RemovalEffect.Should().BeApproximately(49_999.0 / 50_001, 1e-12);
    }

    [Fact]
    public void Fit_BotAmongThousandNormalJourneys_AgreesWithDenseReference()
    {
        var rows = NormalRows(1_000, ["a", "b", "c", "d", "e"], seed: 7);
        rows.Add((Alternating(100_000, "a", "b"), 1, 50, 0));

        AssertAgreesWithReference(rows, tolerance: 1e-9);
    }

    [Fact]
    public void Fit_OneMillionTouchJourney_AgreesWithDenseReference()
    {
        var random = new Random(11);
        var names = new[] { "a", "b", "c", "d", "e", "f", "g", "h" };
        var path = new string[1_000_000];
        for (var i = 0; i < path.Length; i++)
        {
            path[i] = names[random.Next(names.Length)];
        }

        List<(string[] Path, double Conversions, double Value, double Nulls)> rows =
            [(path, 1, 100, 0), (["a"], 0, 0, 3), (["c", "d"], 2, 30, 1)];

        AssertAgreesWithReference(rows, tolerance: 1e-9);
    }

    [Fact]
    public void Fit_ThreeHundredChannelRandomChain_AgreesWithDenseReference()
    {
        // Dense enough for the solver's dense core; the reference checks a spread of channels, popular to rare.
        var names = Enumerable.Range(0, 300).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rows = NormalRows(20_000, names, seed: 3);

        AssertAgreesWithReference(rows, tolerance: 1e-12, channelsToCheck: [.. names.Where((_, i) => i % 23 == 0 || i < 3)]);
    }

    [Fact]
    public void Fit_OrderTwoDenseChain_AgreesWithDenseReferenceOnWindows()
    {
        // An order-2 chain is an order-1 chain on the windows "x|y" (a one-touch path is the state "x"); removing a
        // channel removes every window holding it. 12 channels give up to 156 states, dense enough for the dense core.
        var names = Enumerable.Range(0, 12).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rows = NormalRows(4_000, names, seed: 9);
        var builder = new PathSetBuilder();
        var windowRows = new List<(string[] Path, double Conversions, double Value, double Nulls)>();
        foreach (var (path, c, v, n) in rows)
        {
            builder.Add(path, c, v, n);
            string[] windows = path.Length == 1 ? [path[0]] : [.. Enumerable.Range(0, path.Length - 1).Select(i => path[i] + "|" + path[i + 1])];
            windowRows.Add((windows, c, v, n));
        }

        var model = MarkovChain.Fit(builder.Build(), new MarkovOptions { Order = 2 });
        var reference = new DenseReference(windowRows);
        var (p, e) = reference.Solve(removed: null);

        model.StateCount.Should().BeGreaterThan(100);
        model.ConversionProbability.Should().BeApproximately(p, 1e-12);
        foreach (var channel in names)
        {
            var (pc, ec) = reference.Solve(state => state.Split('|').Contains(channel));
            model.GetResult(channel).RemovalEffect.Should().BeApproximately(1 - (pc / p), 1e-12, "channel {0}", channel);
            model.GetResult(channel).ValueRemovalEffect.Should().BeApproximately(1 - (ec / e), 1e-12, "channel {0}", channel);
        }
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1.7e308)]
    public void Fit_HugeCounts_SameEffectsAsSmallCounts(double largest)
    {
        // Distinct paths scaled so the largest count is `largest`: near double.MaxValue a path's conversions +
        // non-conversions, and every row total of the chain, exceed what a double holds.
        var distinct = new Dictionary<string, (string[] Path, double C, double V, double N)>();
        foreach (var (path, c, v, n) in NormalRows(200, ["a", "b", "c", "d"], seed: 5))
        {
            var key = string.Join('>', path);
            var (_, c0, v0, n0) = distinct.GetValueOrDefault(key);
            distinct[key] = (path, c0 + c, v0 + v, n0 + n);
        }

        var factor = largest / distinct.Values.Max(r => Math.Max(r.C, r.N));
        var small = new PathSetBuilder();
        var huge = new PathSetBuilder();
        foreach (var (path, c, v, n) in distinct.Values)
        {
            small.Add(path, c, v, n);
            huge.Add(path, c * factor, v, n * factor);
        }

        var expected = MarkovChain.Fit(small.Build());
        var actual = MarkovChain.Fit(huge.Build());

        actual.ConversionProbability.Should().BeApproximately(expected.ConversionProbability, 1e-12);
        actual.Results.Select(r => r.RemovalEffect).Should().Equal(expected.Results.Select(r => r.RemovalEffect), (x, y) => Math.Abs(x - y) < 1e-12);
        actual.Results.Select(r => r.ValueRemovalEffect).Should().Equal(expected.Results.Select(r => r.ValueRemovalEffect), (x, y) => Math.Abs(x - y) < 1e-12);
        actual.Transitions.Should().OnlyContain(t => double.IsFinite(t.Probability) && t.Probability > 0 && t.Probability <= 1);
    }

    [Fact]
    public void FromJson_CountsNearDoubleMaxValue_SolvesLikeTheHandExample()
    {
        // The three-path example of MarkovChainTests with every count × 4e307: rows add up beyond double.MaxValue.
        // Probabilities are unchanged, so P = 0.6, RE(a) = 7/9, RE(b) = 2/3, VRE(a) = 8/9, VRE(b) = 1/3 as worked there.
        const double K = 4e307;
        var json = string.Create(CultureInfo.InvariantCulture, $$"""
            {"format":"attribution.markov","version":1,"order":1,"channels":["a","b"],"totalConversions":3,"totalValue":450,"totalNulls":2,
             "states":[[0],[1]],"edgeFrom":[0,0,1],"edgeTo":[1,2,2],"edgeCounts":[{{4 * K}},{{1 * K}},{{2 * K}}],
             "conversions":[0,{{1 * K}},{{2 * K}}],"values":[0,300,150],"nulls":[0,{{1 * K}},{{1 * K}}]}
            """);

        var model = MarkovModel.FromJson(json);

        model.ConversionProbability.Should().BeApproximately(0.6, 1e-12);
        model.GetResult("a").RemovalEffect.Should().BeApproximately(7.0 / 9, 1e-12);
        model.GetResult("b").RemovalEffect.Should().BeApproximately(2.0 / 3, 1e-12);
        model.GetResult("a").ValueRemovalEffect.Should().BeApproximately(8.0 / 9, 1e-12);
        model.GetResult("b").ValueRemovalEffect.Should().BeApproximately(1.0 / 3, 1e-12);
        model.Transitions.Single(t => t.From == "(start)" && t.To == "a").Probability.Should().BeApproximately(0.8, 1e-15);
    }

    [Fact]
    public void FromJson_StatesThatNeverEnd_ThrowsNamingTheState()
    {
        // a ↔ b with no conversion or null anywhere: walks never end.
        const string Json = """
            {"format":"attribution.markov","version":1,"order":1,"channels":["a","b"],"totalConversions":0,"totalValue":0,"totalNulls":0,
             "states":[[0],[1]],"edgeFrom":[0,1,2],"edgeTo":[1,2,1],"edgeCounts":[1,1,1],"conversions":[0,0,0],"values":[0,0,0],"nulls":[0,0,0]}
            """;

        var act = () => MarkovModel.FromJson(Json);

        act.Should().Throw<System.Text.Json.JsonException>().WithMessage("State 0 never reaches*");
    }

    [Fact]
    public void Fit_WithProgress_ReportsUpToTheStepCount()
    {
        var reports = new List<MarkovProgress>();
        var names = Enumerable.Range(0, 300).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var builder = new PathSetBuilder();
        foreach (var (path, c, v, n) in NormalRows(2_000, names, seed: 1))
        {
            builder.Add(path, c, v, n);
        }

        var paths = builder.Build();
        MarkovChain.Fit(paths, new MarkovOptions { Progress = new Collect(reports) });

        // Order 1: two steps per state, start included.
        var states = MarkovChain.Fit(paths).StateCount + 1;
        reports.Should().NotBeEmpty();
        reports[^1].Should().Be(new MarkovProgress(2 * states, 2 * states));
        reports.Select(r => r.StepsDone).Should().BeInAscendingOrder();
    }

    private static void AssertAgreesWithReference(List<(string[] Path, double Conversions, double Value, double Nulls)> rows, double tolerance, string[]? channelsToCheck = null)
    {
        var builder = new PathSetBuilder();
        double conversions = 0, walks = 0;
        foreach (var (path, c, v, n) in rows)
        {
            builder.Add(path, c, v, n);
            conversions += c;
            walks += c + n;
        }

        var model = MarkovChain.Fit(builder.Build());
        var reference = new DenseReference(rows);
        var (p, e) = reference.Solve(removed: null);

        model.ConversionProbability.Should().BeApproximately(conversions / walks, 1e-12);
        p.Should().BeApproximately(conversions / walks, 1e-9, "the reference itself must be right");
        foreach (var channel in channelsToCheck ?? [.. model.Channels])
        {
            var (pc, ec) = reference.Solve(channel);
            var result = model.GetResult(channel);
            result.RemovalEffect.Should().BeApproximately(1 - (pc / p), tolerance, "channel {0}", channel);
            result.ValueRemovalEffect.Should().BeApproximately(1 - (ec / e), tolerance, "channel {0}", channel);
        }
    }

    private static string[] Alternating(int length, string first, string second)
        => [.. Enumerable.Range(0, length).Select(i => i % 2 == 0 ? first : second)];

    // Short journeys (1 to 6 touches) over the given channels, popularity 1/rank, a tenth converting.
    private static List<(string[] Path, double Conversions, double Value, double Nulls)> NormalRows(int journeys, string[] names, int seed)
    {
        var random = new Random(seed);
        var rows = new List<(string[], double, double, double)>();
        var cumulative = new double[names.Length];
        var sum = 0.0;
        for (var i = 0; i < names.Length; i++)
        {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }

        for (var j = 0; j < journeys; j++)
        {
            var path = new string[1 + random.Next(6)];
            for (var i = 0; i < path.Length; i++)
            {
                var at = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                path[i] = names[Math.Min(at < 0 ? ~at : at, names.Length - 1)];
            }

            var converts = random.NextDouble() < 0.1 + (path.Length * 0.02);
            rows.Add((path, converts ? 1 : 0, converts ? 1 + random.Next(100) : 0, converts ? 0 : 1));
        }

        return rows;
    }

    private sealed class Collect(List<MarkovProgress> reports) : IProgress<MarkovProgress>
    {
        public void Report(MarkovProgress value) => reports.Add(value);
    }

    /// <summary>An order-1 chain on channel names, solved by Gaussian elimination with partial pivoting on I − Q.</summary>
    private sealed class DenseReference
    {
        private readonly Dictionary<string, int> ids = [];
        private readonly List<Dictionary<int, double>> counts = [];
        private readonly List<(double Conversions, double Value, double Nulls)> ends = [];
        private readonly Dictionary<int, double> start = [];

        public DenseReference(List<(string[] Path, double Conversions, double Value, double Nulls)> rows)
        {
            foreach (var (path, c, v, n) in rows)
            {
                var previous = -1;
                foreach (var name in path)
                {
                    if (!ids.TryGetValue(name, out var id))
                    {
                        ids[name] = id = ids.Count;
                        counts.Add([]);
                        ends.Add((0, 0, 0));
                    }

                    var row = previous < 0 ? start : counts[previous];
                    row[id] = row.GetValueOrDefault(id) + c + n;
                    previous = id;
                }

                var (ec, ev, en) = ends[previous];
                ends[previous] = (ec + c, ev + v, en + n);
            }
        }

        public (double Conversion, double Value) Solve(string? removed) => Solve(removed is null ? null : name => name == removed);

        public (double Conversion, double Value) Solve(Func<string, bool>? isRemoved)
        {
            var gone = new bool[ids.Count];
            foreach (var (name, id) in ids)
            {
                gone[id] = isRemoved is not null && isRemoved(name);
            }

            var n = ids.Count;
            var a = new double[n, n + 2];
            for (var s = 0; s < n; s++)
            {
                var (c, v, nul) = ends[s];
                var total = c + nul + counts[s].Values.Sum();
                a[s, s] = 1;
                if (gone[s])
                {
                    continue;
                }

                foreach (var (t, w) in counts[s])
                {
                    if (!gone[t])
                    {
                        a[s, t] -= w / total;
                    }
                }

                a[s, n] = c / total;
                a[s, n + 1] = v / total;
            }

            for (var k = 0; k < n; k++)
            {
                var pivot = k;
                for (var i = k + 1; i < n; i++)
                {
                    if (Math.Abs(a[i, k]) > Math.Abs(a[pivot, k]))
                    {
                        pivot = i;
                    }
                }

                for (var j = 0; j < n + 2; j++)
                {
                    (a[k, j], a[pivot, j]) = (a[pivot, j], a[k, j]);
                }

                for (var i = k + 1; i < n; i++)
                {
                    var f = a[i, k] / a[k, k];
                    if (f == 0)
                    {
                        continue;
                    }

                    for (var j = k; j < n + 2; j++)
                    {
                        a[i, j] -= f * a[k, j];
                    }
                }
            }

            var x = new double[n, 2];
            for (var k = n - 1; k >= 0; k--)
            {
                for (var col = 0; col < 2; col++)
                {
                    var sum = a[k, n + col];
                    for (var j = k + 1; j < n; j++)
                    {
                        sum -= a[k, j] * x[j, col];
                    }

                    x[k, col] = sum / a[k, k];
                }
            }

            var startTotal = start.Values.Sum();
            double p = 0, e = 0;
            foreach (var (t, w) in start)
            {
                if (!gone[t])
                {
                    p += w / startTotal * x[t, 0];
                    e += w / startTotal * x[t, 1];
                }
            }

            return (p, e);
        }
    }
}
