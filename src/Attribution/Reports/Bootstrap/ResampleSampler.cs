using Attribution.DataDriven;
using Attribution.Engine;

namespace Attribution.Reports;

/// <summary>One resample: how often each journey was drawn, or (for paths) each row's drawn conversions, their value and
/// non-conversions.</summary>
internal sealed class Resample
{
    public int[] JourneyWeights { get; init; } = [];

    public double[] PathConversions { get; init; } = [];

    public double[] PathValues { get; init; } = [];

    public double[] PathNulls { get; init; } = [];

    /// <summary>Gets the value of the resample's reported conversions, per kind: the denominator of value shares.</summary>
    public double[] KindValues { get; init; } = [];
}

/// <summary>Draws resamples: multinomial counts over journeys, or over the walks of a path set.</summary>
internal abstract class ResampleSampler
{
    /// <summary>Gets the data itself as a resample (every journey once, every path row as it is).</summary>
    public abstract Resample Original();

    public abstract Resample CreateSample();

    public abstract void Draw(ref BootstrapRandom random, Resample into);
}

/// <summary>n draws of a journey, uniformly with replacement.</summary>
internal sealed class JourneySampler(EligibilityWindows windows, int kinds) : ResampleSampler
{
    private readonly int journeys = windows.Journeys.Count;

    public override Resample Original()
    {
        var weights = new int[journeys];
        weights.AsSpan().Fill(1);
        var sample = new Resample { JourneyWeights = weights, KindValues = new double[kinds] };
        SumKinds(sample);
        return sample;
    }

    public override Resample CreateSample() => new() { JourneyWeights = new int[journeys], KindValues = new double[kinds] };

    public override void Draw(ref BootstrapRandom random, Resample into)
    {
        var weights = into.JourneyWeights;
        weights.AsSpan().Clear();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[random.NextInt(weights.Length)]++;
        }

        SumKinds(into);
    }

    // The value of the reported conversions of each kind, as KindResult.TotalValue counts it.
    private void SumKinds(Resample sample)
    {
        var set = windows.Journeys;
        var totals = sample.KindValues;
        totals.AsSpan().Clear();
        var weights = sample.JourneyWeights;
        for (var j = 0; j < weights.Length; j++)
        {
            var w = weights[j];
            if (w == 0)
            {
                continue;
            }

            for (var c = set.ConversionOffsets[j]; c < set.ConversionOffsets[j + 1]; c++)
            {
                if (windows.IsReported(c))
                {
                    totals[set.ConversionKinds[c]] += w * set.ConversionValues[c];
                }
            }
        }
    }
}

/// <summary>round(total walks) draws of a walk, each a row's conversion or non-conversion with probability proportional to
/// its count (Vose's alias method: one table lookup per draw).</summary>
internal sealed class PathSampler : ResampleSampler
{
    private readonly PathSet paths;
    private readonly double[] meanValue;
    private readonly double[] probability;
    private readonly int[] alias;
    private readonly long walks;

    public PathSampler(PathSet paths)
    {
        this.paths = paths;
        var rows = paths.Count;
        var total = paths.TotalConversions + paths.TotalNulls;
        walks = (long)Math.Round(total);
        if (walks < 1)
        {
            throw new ArgumentException("The path set holds no walk (conversions plus non-conversions round to 0): there is nothing to resample.", nameof(paths));
        }

        meanValue = new double[rows];
        for (var p = 0; p < rows; p++)
        {
            var conversions = paths.ConversionCounts[p];
            meanValue[p] = conversions > 0 ? paths.ConversionValues[p] / conversions : 0;
        }

        // Cells 0 .. rows − 1 are conversions, rows .. 2 rows − 1 non-conversions.
        var cells = 2 * rows;
        probability = new double[cells];
        alias = new int[cells];
        var scaled = new double[cells];
        for (var p = 0; p < rows; p++)
        {
            scaled[p] = paths.ConversionCounts[p] / total * cells;
            scaled[rows + p] = paths.NullCounts[p] / total * cells;
        }

        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = cells - 1; i >= 0; i--)
        {
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        // What is left is 1 up to rounding.
        while (large.Count > 0)
        {
            probability[large.Pop()] = 1;
        }

        while (small.Count > 0)
        {
            var s = small.Pop();
            probability[s] = 1;
            alias[s] = s;
        }
    }

    public override Resample Original() => new()
    {
        PathConversions = paths.ConversionCounts,
        PathValues = paths.ConversionValues,
        PathNulls = paths.NullCounts,
        KindValues = [paths.TotalValue],
    };

    public override Resample CreateSample() => new()
    {
        PathConversions = new double[paths.Count],
        PathValues = new double[paths.Count],
        PathNulls = new double[paths.Count],
        KindValues = new double[1],
    };

    public override void Draw(ref BootstrapRandom random, Resample into)
    {
        var rows = paths.Count;
        var conversions = into.PathConversions;
        var nulls = into.PathNulls;
        conversions.AsSpan().Clear();
        nulls.AsSpan().Clear();
        var cells = probability.Length;
        for (long i = 0; i < walks; i++)
        {
            var cell = random.NextInt(cells);
            if (random.NextDouble() >= probability[cell])
            {
                cell = alias[cell];
            }

            if (cell < rows)
            {
                conversions[cell]++;
            }
            else
            {
                nulls[cell - rows]++;
            }
        }

        var values = into.PathValues;
        var total = 0.0;
        for (var p = 0; p < rows; p++)
        {
            values[p] = conversions[p] * meanValue[p];
            total += values[p];
        }

        into.KindValues[0] = total;
    }
}

/// <summary>One thread's resample and every model's scratch, reused from resample to resample.</summary>
internal sealed class BootstrapWorker
{
    public BootstrapWorker(ResampleSampler sampler, ResampledModel[] models)
    {
        Sample = sampler.CreateSample();
        Scratch = new object?[models.Length];
        for (var m = 0; m < models.Length; m++)
        {
            Scratch[m] = models[m].CreateScratch();
        }
    }

    public Resample Sample { get; }

    public object?[] Scratch { get; }
}
