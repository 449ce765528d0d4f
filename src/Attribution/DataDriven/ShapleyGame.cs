using System.Numerics;

namespace Attribution.DataDriven;

/// <summary>
/// The channel-set game of a training set: v(S) = conversion rate of the paths whose distinct channels are exactly S,
/// 0 for sets never seen. Computes (raw and normalised) values of the game restricted to one journey's channel set.
/// </summary>
/// <remarks>
/// A journey's set is given as the mask of its trained channels plus a count of channels never seen in training. Any
/// coalition holding an unseen channel was never observed, so its worth is 0; unseen channels therefore only change the
/// number of players n, and never earn a positive value themselves.
/// </remarks>
internal sealed class ShapleyGame
{
    private static readonly double[][] Weights = BuildWeights();

    private readonly Dictionary<ulong, double> rates;
    private readonly ulong[] positiveMasks;
    private readonly double[] positiveRates;

    /// <summary>Creates the game from the conversion rate of every observed set; 0 rates may be left out.</summary>
    public ShapleyGame(IEnumerable<KeyValuePair<ulong, double>> observedRates, ShapleyOptions options)
    {
        Options = options;
        rates = [];
        var masks = new List<ulong>();
        var values = new List<double>();
        foreach (var (mask, rate) in observedRates)
        {
            if (rate > 0 && mask != 0)
            {
                rates.Add(mask, rate);
                masks.Add(mask);
                values.Add(rate);
            }
        }

        positiveMasks = [.. masks];
        positiveRates = [.. values];
    }

    public ShapleyOptions Options { get; }

    /// <summary>Gets v(S): the conversion rate of the exact set S (0 when unseen).</summary>
    public double Worth(ulong mask) => rates.GetValueOrDefault(mask);

    /// <summary>
    /// Computes each channel's share of a journey's credit: indexed by trained channel id, clipped at 0 and summing to 1;
    /// an empty array when every value is 0 or less (the caller then splits linearly).
    /// </summary>
    public double[] Shares(ulong known, int unknown, int channelCount)
    {
        var values = Values(known, unknown);
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += Math.Max(value, 0);
        }

        if (!(sum > 0))
        {
            return [];
        }

        var shares = new double[channelCount];
        var k = 0;
        for (var rest = known; rest != 0; rest &= rest - 1, k++)
        {
            shares[BitOperations.TrailingZeroCount(rest)] = Math.Max(values[k], 0) / sum;
        }

        return shares;
    }

    /// <summary>The values <see cref="Shares"/> clips and normalises, by the options' method: exact up to the cap,
    /// sampled beyond it, or the simplified closed form (same layout as <see cref="Exact"/>).</summary>
    public double[] Values(ulong known, int unknown)
        => Options.Method == ShapleyMethod.SimplifiedClosedForm
            ? ClosedForm(known)
            : BitOperations.PopCount(known) + unknown <= Options.ExactChannelCap
                ? Exact(known, unknown)
                : Sampled(known, unknown, Options.Samples, Options.Seed, out _);

    /// <summary>
    /// Exact Shapley values of the game on the trained channels of <paramref name="known"/> (ascending id order) plus
    /// <paramref name="unknown"/> unseen channels, which all share the value of the last element of the result.
    /// </summary>
    /// <remarks>
    /// φ_i = Σ_{S ⊆ U∖{i}} w(|S|) (v(S ∪ {i}) − v(S)) with w(s) = s! (n − s − 1)! / n!. Regrouped by coalition T, v(T)
    /// enters φ_i with +w(|T| − 1) when i ∈ T and −w(|T|) when i ∉ T, so
    /// φ_i = Σ_{T ∋ i} v(T) (w(|T| − 1) + w(|T|)) − Σ_T v(T) w(|T|). Only observed T with v(T) &gt; 0 contribute, found by
    /// walking the subsets of U or the observed sets, whichever is fewer.
    /// </remarks>
    public double[] Exact(ulong known, int unknown)
    {
        var k = BitOperations.PopCount(known);
        var n = k + unknown;
        var weights = n < Weights.Length ? Weights[n] : WeightsFor(n);
        var byId = new double[64];
        var common = 0.0;
        foreach (var (mask, rate) in ObservedSubsets(known))
        {
            var size = BitOperations.PopCount(mask);
            var inside = rate * (weights[size - 1] + weights[size]);
            common += rate * weights[size];
            for (var rest = mask; rest != 0; rest &= rest - 1)
            {
                byId[BitOperations.TrailingZeroCount(rest)] += inside;
            }
        }

        return Collect(known, unknown, byId, common);
    }

    /// <summary>The simplified closed form φ_j = Σ_{T ⊆ U, j ∈ T} R(T) / |T|; unseen channels get 0.</summary>
    public double[] ClosedForm(ulong known)
    {
        var byId = new double[64];
        foreach (var (mask, rate) in ObservedSubsets(known))
        {
            var share = rate / BitOperations.PopCount(mask);
            for (var rest = mask; rest != 0; rest &= rest - 1)
            {
                byId[BitOperations.TrailingZeroCount(rest)] += share;
            }
        }

        return Collect(known, 0, byId, 0);
    }

    /// <summary>Estimates the Shapley values (same layout as <see cref="Exact"/>) from random orders of the players.</summary>
    /// <param name="known">The trained channels.</param>
    /// <param name="unknown">The number of unseen channels.</param>
    /// <param name="samples">The number of orders.</param>
    /// <param name="seed">The base seed; the stream also depends on the set.</param>
    /// <param name="standardErrors">Each estimate's standard error, s_i / √samples from the sample standard deviation (∞ for one sample).</param>
    public double[] Sampled(ulong known, int unknown, int samples, int seed, out double[] standardErrors)
    {
        var k = BitOperations.PopCount(known);
        var n = k + unknown;
        var bits = new ulong[n];
        var i = 0;
        for (var rest = known; rest != 0; rest &= rest - 1)
        {
            bits[i++] = rest & (~rest + 1);
        }

        var order = new int[n];
        for (i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var sums = new double[n];
        var squares = new double[n];
        var random = new SplitMix64(SplitMix64.Mix(SplitMix64.Mix((ulong)(uint)seed) ^ known) ^ (ulong)(uint)unknown);
        for (var s = 0; s < samples; s++)
        {
            // Fisher–Yates: a uniform order whatever the previous one was.
            for (i = n - 1; i > 0; i--)
            {
                var j = random.NextBelow(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var coalition = 0UL;
            var poisoned = false;
            var previous = 0.0;
            for (i = 0; i < n; i++)
            {
                var player = order[i];
                var bit = bits[player];
                if (bit == 0)
                {
                    poisoned = true;
                }

                coalition |= bit;
                var worth = poisoned ? 0 : rates.GetValueOrDefault(coalition);
                var marginal = worth - previous;
                sums[player] += marginal;
                squares[player] += marginal * marginal;
                previous = worth;
            }
        }

        standardErrors = new double[n];
        for (i = 0; i < n; i++)
        {
            var mean = sums[i] / samples;
            sums[i] = mean;
            standardErrors[i] = samples < 2
                ? double.PositiveInfinity
                : Math.Sqrt(Math.Max(0, (squares[i] - (samples * mean * mean)) / (samples - 1)) / samples);
        }

        return sums;
    }

    private static double[] Collect(ulong known, int unknown, double[] byId, double common)
    {
        var k = BitOperations.PopCount(known);
        var result = new double[k + unknown];
        var i = 0;
        for (var rest = known; rest != 0; rest &= rest - 1)
        {
            result[i++] = byId[BitOperations.TrailingZeroCount(rest)] - common;
        }

        for (; i < result.Length; i++)
        {
            result[i] = -common;
        }

        return result;
    }

    private IEnumerable<KeyValuePair<ulong, double>> ObservedSubsets(ulong set)
    {
        var k = BitOperations.PopCount(set);
        if (k < 63 && (1UL << k) <= (ulong)positiveMasks.Length)
        {
            // Walk every non-empty subset of set: sub = (sub − 1) & set visits them in decreasing order.
            for (var sub = set; sub != 0; sub = (sub - 1) & set)
            {
                if (rates.TryGetValue(sub, out var rate))
                {
                    yield return new KeyValuePair<ulong, double>(sub, rate);
                }
            }
        }
        else
        {
            for (var t = 0; t < positiveMasks.Length; t++)
            {
                if ((positiveMasks[t] & ~set) == 0)
                {
                    yield return new KeyValuePair<ulong, double>(positiveMasks[t], positiveRates[t]);
                }
            }
        }
    }

    private static double[][] BuildWeights()
    {
        var table = new double[65][];
        for (var n = 0; n < table.Length; n++)
        {
            table[n] = WeightsFor(n);
        }

        return table;
    }

    /// <summary>w[s] = s! (n − s − 1)! / n! = 1 / (n · C(n − 1, s)) for s &lt; n; w[n] = 0 (no player is outside the grand coalition).</summary>
    private static double[] WeightsFor(int n)
    {
        var w = new double[n + 1];
        var binomial = 1.0;
        for (var s = 0; s < n; s++)
        {
            w[s] = 1.0 / (n * binomial);
            binomial = binomial * (n - 1 - s) / (s + 1);
        }

        return w;
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): small, fast, and the same numbers on every platform and runtime.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong state = state;

        public static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong Next() => Mix(state += 0x9E3779B97F4A7C15UL);

        /// <summary>An integer in [0, bound) by multiply-shift; its bias, below bound / 2^32, is negligible here.</summary>
        public int NextBelow(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);
    }
}
