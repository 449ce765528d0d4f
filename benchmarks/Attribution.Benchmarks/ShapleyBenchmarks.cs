using Attribution.DataDriven;
using Attribution.Models;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>Fitting Shapley attribution on 2 million journeys over 12 channels (about 250 000 distinct paths), and applying it.</summary>
[MemoryDiagnoser]
public class ShapleyBenchmarks
{
    private PathSet paths = null!;
    private ShapleyModel model = null!;
    private double[] weights = null!;
    private long[] ticks = null!;

    [GlobalSetup]
    public void Setup()
    {
        // 262 086 distinct paths, 3 672 distinct channel sets (of 4 095 possible), 149 356 conversions.
        paths = ShapleyPathGenerator.Generate(journeys: 2_000_000, channels: 12, seed: 42);
        model = ShapleyAttribution.Fit(paths);
        var longest = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            longest = Math.Max(longest, paths.GetPath(p).Length);
        }

        weights = new double[longest];
        ticks = new long[longest];
    }

    /// <summary>The channel-set game, exact (every set has at most 12 channels, below the default cap of 16).</summary>
    [Benchmark(Baseline = true)]
    public ShapleyModel Fit() => ShapleyAttribution.Fit(paths);

    /// <summary>The closed form of Zhao et al.</summary>
    [Benchmark]
    public ShapleyModel FitSimplifiedClosedForm() => ShapleyAttribution.Fit(paths, new ShapleyOptions { Method = ShapleyMethod.SimplifiedClosedForm });

    /// <summary>Every set estimated by 2000 sampled orders, to show what sampling beyond the cap costs.</summary>
    [Benchmark]
    public ShapleyModel FitSampled() => ShapleyAttribution.Fit(paths, new ShapleyOptions { ExactChannelCap = 0 });

    /// <summary>The fitted model's weights for every distinct path (shares already cached, as after a first pass).</summary>
    [Benchmark]
    public double ApplyToDistinctPaths()
    {
        var sum = 0.0;
        for (var p = 0; p < paths.Count; p++)
        {
            var path = paths.GetPath(p);
            var touches = new EligibleTouchpoints(ticks.AsSpan(0, path.Length), path, path, 0, 1, paths.Channels, paths.Channels);
            var output = weights.AsSpan(0, path.Length);
            model.ComputeWeights(touches, output);
            sum += output[0];
        }

        return sum;
    }
}

/// <summary>Seeded synthetic paths: skewed channel popularity, geometric lengths, conversion odds rising with the channels seen.</summary>
internal static class ShapleyPathGenerator
{
    public static PathSet Generate(int journeys, int channels, int seed)
    {
        var random = new Random(seed);
        var builder = new PathSetBuilder();
        var ids = new int[channels];
        var popularity = new double[channels];
        var lift = new double[channels];
        var total = 0.0;
        for (var c = 0; c < channels; c++)
        {
            ids[c] = builder.Channels.GetOrAdd($"channel-{c:D2}");
            popularity[c] = 1.0 / (c + 1);
            total += popularity[c];
            lift[c] = 0.01 + (0.04 * random.NextDouble());
        }

        var cumulative = new double[channels];
        var running = 0.0;
        for (var c = 0; c < channels; c++)
        {
            running += popularity[c] / total;
            cumulative[c] = running;
        }

        var path = new int[64];
        for (var j = 0; j < journeys; j++)
        {
            var length = 1;
            while (length < path.Length && random.NextDouble() < 0.64)
            {
                length++;
            }

            var notConverting = 0.98;
            var seen = 0UL;
            for (var t = 0; t < length; t++)
            {
                var u = random.NextDouble();
                var c = Array.BinarySearch(cumulative, u);
                c = Math.Min(c < 0 ? ~c : c, channels - 1);
                path[t] = ids[c];
                if ((seen & (1UL << c)) == 0)
                {
                    seen |= 1UL << c;
                    notConverting *= 1 - lift[c];
                }
            }

            var converted = random.NextDouble() > notConverting;
            builder.Add(path.AsSpan(0, length), converted ? 1 : 0, converted ? 50 + (100 * random.NextDouble()) : 0, converted ? 0 : 1);
        }

        return builder.Build();
    }
}
