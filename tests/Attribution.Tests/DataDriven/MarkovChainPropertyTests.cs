using Attribution.DataDriven;
using CsCheck;

namespace Attribution.Tests.DataDriven;

/// <summary>Invariants on random small path sets, and agreement with an independent brute-force walk sum.</summary>
public sealed class MarkovChainPropertyTests
{
    // Up to 8 distinct-or-not paths over 4 channels, lengths 1 to 6 (repeats and cycles included), with counts and a value per conversion.
    private static readonly Gen<(int[] Path, int Conversions, int Nulls, int UnitValue)[]> PathsGen =
        Gen.Select(Gen.Int[0, 3].Array[1, 6], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[1, 100]).Array[1, 8];

    private static readonly Gen<int> OrderGen = Gen.Int[1, 3];

    [Fact]
    public void Fit_RandomPaths_ConversionProbabilityAndExpectedValueEqualObserved()
    {
        Gen.Select(PathsGen, OrderGen).Sample(sample =>
        {
            var (rows, order) = sample;
            var (paths, conversions, nulls, value) = Build(rows);
            if (conversions + nulls == 0)
            {
                return;
            }

            var model = MarkovChain.Fit(paths, new MarkovOptions { Order = order });

            model.ConversionProbability.Should().BeApproximately(conversions / (conversions + nulls), 1e-11);
            model.ExpectedValue.Should().BeApproximately(value / (conversions + nulls), 1e-11 * Math.Max(1, value));
        }, iter: 300);
    }

    [Fact]
    public void Fit_RandomPaths_EffectsInUnitIntervalAndAttributionConserved()
    {
        Gen.Select(PathsGen, OrderGen).Sample(sample =>
        {
            var (rows, order) = sample;
            var (paths, conversions, nulls, value) = Build(rows);
            if (conversions + nulls == 0)
            {
                return;
            }

            var model = MarkovChain.Fit(paths, new MarkovOptions { Order = order });

            model.Results.Should().OnlyContain(r => r.RemovalEffect >= 0 && r.RemovalEffect <= 1 && r.ValueRemovalEffect >= 0 && r.ValueRemovalEffect <= 1);
            model.Results.Sum(r => r.AttributedConversions).Should().BeApproximately(conversions, 1e-9);
            model.Results.Sum(r => r.AttributedValue).Should().BeApproximately(value, 1e-9 * Math.Max(1, value));
        }, iter: 300);
    }

    [Fact]
    public void Fit_RandomPaths_AgreesWithBruteForceWalkSum()
    {
        Gen.Select(PathsGen, OrderGen).Sample(sample =>
        {
            var (rows, order) = sample;
            var (paths, conversions, nulls, _) = Build(rows);
            if (conversions + nulls == 0)
            {
                return;
            }

            var model = MarkovChain.Fit(paths, new MarkovOptions { Order = order });
            var reference = new ReferenceChain(rows, order);
            var (p, v) = reference.WalkSum(removed: null);

            model.ConversionProbability.Should().BeApproximately(p, 1e-10);
            model.ExpectedValue.Should().BeApproximately(v, 1e-10 * Math.Max(1, v));
            foreach (var result in model.Results)
            {
                var (pc, vc) = reference.WalkSum(result.Channel);
                var expected = p > 0 ? 1 - (pc / p) : 0;
                var expectedValue = v > 0 ? 1 - (vc / v) : 0;
                result.RemovalEffect.Should().BeApproximately(expected, 1e-9, "channel {0}", result.Channel);
                result.ValueRemovalEffect.Should().BeApproximately(expectedValue, 1e-9, "channel {0}", result.Channel);
            }

            reference.StateCount.Should().Be(model.StateCount);
        }, iter: 200);
    }

    private static (PathSet Paths, double Conversions, double Nulls, double Value) Build((int[] Path, int Conversions, int Nulls, int UnitValue)[] rows)
    {
        var builder = new PathSetBuilder();
        double conversions = 0, nulls = 0, value = 0;
        foreach (var (path, c, n, unit) in rows)
        {
            builder.Add(path.Select(Name), c, c * unit, n);
            conversions += c;
            nulls += n;
            value += c * unit;
        }

        return (builder.Build(), conversions, nulls, value);
    }

    private static string Name(int channel) => "c" + channel.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An independent k-order chain on string states, solved by summing the probability of every walk, length by length.</summary>
    private sealed class ReferenceChain
    {
        private readonly Dictionary<string, Dictionary<string, double>> edges = [];
        private readonly Dictionary<string, (double Conversions, double Value, double Nulls)> ends = [];

        public ReferenceChain((int[] Path, int Conversions, int Nulls, int UnitValue)[] rows, int order)
        {
            foreach (var (path, c, n, unit) in rows)
            {
                if (c + n == 0)
                {
                    continue;
                }

                var names = path.Select(Name).ToArray();
                var states = names.Length <= order
                    ? [string.Join(">", names)]
                    : Enumerable.Range(0, names.Length - order + 1).Select(i => string.Join(">", names[i..(i + order)])).ToList();
                var previous = "(start)";
                foreach (var state in states)
                {
                    Add(previous, state, c + n);
                    previous = state;
                }

                var (ec, ev, en) = ends.GetValueOrDefault(previous);
                ends[previous] = (ec + c, ev + (c * unit), en + n);
            }
        }

        public int StateCount => edges.Keys.Concat(edges.Values.SelectMany(t => t.Keys)).Distinct().Count(s => s != "(start)");

        public (double Conversion, double Value) WalkSum(string? removed)
        {
            var mass = new Dictionary<string, double> { ["(start)"] = 1 };
            double conversion = 0, value = 0;
            for (var step = 0; step < 1_000_000 && mass.Values.Sum() > 1e-17; step++)
            {
                var next = new Dictionary<string, double>();
                foreach (var (state, m) in mass)
                {
                    if (removed is not null && state.Split('>').Contains(removed))
                    {
                        continue;
                    }

                    var outgoing = edges.GetValueOrDefault(state) ?? [];
                    var (c, v, n) = ends.GetValueOrDefault(state);
                    var total = outgoing.Values.Sum() + c + n;
                    conversion += m * c / total;
                    value += m * v / total;
                    foreach (var (target, count) in outgoing)
                    {
                        next[target] = next.GetValueOrDefault(target) + (m * count / total);
                    }
                }

                mass = next;
            }

            return (conversion, value);
        }

        private void Add(string from, string to, double count)
        {
            if (!edges.TryGetValue(from, out var row))
            {
                edges[from] = row = [];
            }

            row[to] = row.GetValueOrDefault(to) + count;
        }
    }
}
