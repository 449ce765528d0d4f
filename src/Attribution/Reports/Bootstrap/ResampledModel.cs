using System.Diagnostics;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Reports;

/// <summary>One model's credit as a function of a resample: sums of credited conversions and value per slot.</summary>
internal abstract class ResampledModel(string name, bool isDataDriven, bool creditsCampaigns)
{
    public string Name { get; } = name;

    public bool IsDataDriven { get; } = isDataDriven;

    public bool CreditsCampaigns { get; } = creditsCampaigns;

    /// <summary>Creates the scratch space one thread reuses from resample to resample.</summary>
    public virtual object? CreateScratch() => null;

    /// <summary>Adds the resample's credit per slot to <paramref name="conversions"/> and <paramref name="values"/> (zero on entry).</summary>
    public abstract void Accumulate(Resample sample, Span<double> conversions, Span<double> values, object? scratch);

    /// <summary>The rows of <paramref name="paths"/> a resample drew at least once, with the resample's counts.</summary>
    protected static PathSet Resampled(PathSet paths, ReadOnlySpan<double> conversions, ReadOnlySpan<double> values, ReadOnlySpan<double> nulls)
    {
        var rows = 0;
        var length = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            if (conversions[p] + nulls[p] > 0)
            {
                rows++;
                length += paths.Offsets[p + 1] - paths.Offsets[p];
            }
        }

        var offsets = new int[rows + 1];
        var steps = new int[length];
        var c = new double[rows];
        var v = new double[rows];
        var n = new double[rows];
        var row = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            if (conversions[p] + nulls[p] > 0)
            {
                var path = paths.Steps.AsSpan(paths.Offsets[p], paths.Offsets[p + 1] - paths.Offsets[p]);
                path.CopyTo(steps.AsSpan(offsets[row]));
                offsets[row + 1] = offsets[row] + path.Length;
                c[row] = conversions[p];
                v[row] = values[p];
                n[row] = nulls[p];
                row++;
            }
        }

        // The channel table is shared: a channel no resampled path holds keeps its id and earns nothing.
        return new PathSet(paths.ChannelTable, offsets, steps, c, v, n, 0, 0);
    }
}

/// <summary>A rule-based model on journeys: every conversion's credit per slot is computed once, by the engine, and a
/// resample re-sums it weighted by how often its journey was drawn.</summary>
internal sealed class JourneyFixedModel : ResampledModel
{
    private readonly JourneySet journeys;
    private readonly int[] offsets;
    private readonly int[] slots;
    private readonly double[] shares;

    public JourneyFixedModel(IAttributionModel model, AttributionEngine engine, JourneySet journeys, BootstrapLayout layout)
        : base(model.Name, false, layout.HasCampaigns)
    {
        this.journeys = journeys;
        var conversionCount = journeys.ConversionCount;
        offsets = new int[conversionCount + 1];
        var slotList = new List<int>();
        var shareList = new List<double>();
        var next = 0;
        var current = -1;
        var campaigns = journeys.CampaignTable.Count;
        foreach (var (_, credits) in engine.StreamTouchpointCredits(journeys, [model]))
        {
            foreach (var credit in credits)
            {
                var c = credit.Conversion;
                if (c != current)
                {
                    while (next <= c)
                    {
                        offsets[next++] = slotList.Count;
                    }

                    current = c;
                }

                var kind = journeys.ConversionKinds[c];
                Add(slotList, shareList, offsets[c], layout.ChannelSlot(kind, journeys.TouchChannels[credit.Touchpoint]), credit.Share);
                if (layout.HasCampaigns)
                {
                    Add(slotList, shareList, offsets[c], layout.CampaignSlot(kind, journeys.TouchCampaigns[credit.Touchpoint], campaigns), credit.Share);
                }
            }
        }

        while (next <= conversionCount)
        {
            offsets[next++] = slotList.Count;
        }

        slots = [.. slotList];
        shares = [.. shareList];
    }

    public override void Accumulate(Resample sample, Span<double> conversions, Span<double> values, object? scratch)
    {
        var weights = sample.JourneyWeights;
        var conversionOffsets = journeys.ConversionOffsets;
        var conversionValues = journeys.ConversionValues;
        for (var j = 0; j < weights.Length; j++)
        {
            var w = weights[j];
            if (w == 0)
            {
                continue;
            }

            for (var c = conversionOffsets[j]; c < conversionOffsets[j + 1]; c++)
            {
                var value = w * conversionValues[c];
                for (var e = offsets[c]; e < offsets[c + 1]; e++)
                {
                    conversions[slots[e]] += w * shares[e];
                    values[slots[e]] += shares[e] * value;
                }
            }
        }
    }

    // A conversion's touches of one channel (or campaign) become one entry: fewer entries to re-sum per resample.
    private static void Add(List<int> slots, List<double> shares, int first, int slot, double share)
    {
        for (var e = first; e < slots.Count; e++)
        {
            if (slots[e] == slot)
            {
                shares[e] += share;
                return;
            }
        }

        slots.Add(slot);
        shares.Add(share);
    }
}

/// <summary>A data-driven model on journeys: per conversion kind, the resample's path counts (each journey's converting
/// paths and its non-converting tail, weighted by its draws) train a new model, which splits every resampled conversion
/// by its weights for the conversion's eligible touches, as the engine would.</summary>
internal sealed class JourneyFittedModel : ResampledModel
{
    private static readonly SymbolTable NoCampaigns = new();
    private readonly ModelDefinition definition;
    private readonly JourneySet journeys;
    private readonly KindPaths[] kinds;

    public JourneyFittedModel(ModelDefinition definition, EligibilityWindows windows, BootstrapLayout layout)
        : base(definition.Name, true, false)
    {
        this.definition = definition;
        journeys = windows.Journeys;
        var kindCount = journeys.KindTable.Count;
        kinds = new KindPaths[Math.Max(1, kindCount)];
        for (var k = 0; k < kinds.Length; k++)
        {
            var conversionPaths = new int[journeys.ConversionCount];
            var tailPaths = new int[journeys.Count];
            var paths = PathSet.FromWindows(windows, kindCount == 0 ? -1 : k, conversionPaths, tailPaths);
            Debug.Assert(paths.Channels.Count == journeys.ChannelTable.Count, "the path set interns the journeys' channels in their order");
            kinds[k] = new KindPaths(k, paths, conversionPaths, tailPaths, layout);
        }
    }

    public override object? CreateScratch()
    {
        var scratch = new double[kinds.Length][];
        for (var k = 0; k < kinds.Length; k++)
        {
            scratch[k] = new double[3 * kinds[k].Paths.Count];
        }

        return scratch;
    }

    public override void Accumulate(Resample sample, Span<double> conversions, Span<double> values, object? scratch)
    {
        var weights = sample.JourneyWeights;
        var conversionOffsets = journeys.ConversionOffsets;
        var conversionValues = journeys.ConversionValues;
        var arrays = (double[][])scratch!;
        foreach (var kind in kinds)
        {
            var rows = kind.Paths.Count;
            var counts = arrays[kind.Index];
            counts.AsSpan().Clear();
            var c0 = counts.AsSpan(0, rows);
            var v0 = counts.AsSpan(rows, rows);
            var n0 = counts.AsSpan(2 * rows, rows);
            for (var j = 0; j < weights.Length; j++)
            {
                var w = weights[j];
                if (w == 0)
                {
                    continue;
                }

                for (var c = conversionOffsets[j]; c < conversionOffsets[j + 1]; c++)
                {
                    var p = kind.ConversionPaths[c];
                    if (p >= 0)
                    {
                        c0[p] += w;
                        v0[p] += w * conversionValues[c];
                    }
                }

                var t = kind.TailPaths[j];
                if (t >= 0)
                {
                    n0[t] += w;
                }
            }

            var paths = Resampled(kind.Paths, c0, v0, n0);
            if (paths.TotalConversions <= 0)
            {
                continue;
            }

            var model = definition.Create(paths).Bind(new ModelBindingArguments(paths.Channels, NoCampaigns));
            var weighing = new PathWeighing(paths);
            for (var p = 0; p < paths.Count; p++)
            {
                var count = paths.ConversionCounts[p];
                if (count == 0)
                {
                    continue;
                }

                var shares = weighing.Shares(model, p);
                var channels = paths.GetPath(p);
                var value = paths.ConversionValues[p];
                for (var i = 0; i < shares.Length; i++)
                {
                    var slot = kind.Layout.ChannelSlot(kind.Index, channels[i]);
                    conversions[slot] += shares[i] * count;
                    values[slot] += shares[i] * value;
                }
            }
        }
    }

    private sealed record KindPaths(int Index, PathSet Paths, int[] ConversionPaths, int[] TailPaths, BootstrapLayout Layout);
}

/// <summary>A rule-based model on paths: every converting row's shares are computed once and a resample re-sums them with
/// the row's resampled conversions and value.</summary>
internal sealed class PathFixedModel : ResampledModel
{
    private readonly int[] offsets;
    private readonly int[] channels;
    private readonly double[] shares;

    public PathFixedModel(IAttributionModel model, PathSet paths)
        : base(model.Name, false, false)
    {
        var weighing = new PathWeighing(paths);
        offsets = new int[paths.Count + 1];
        var channelList = new List<int>();
        var shareList = new List<double>();
        for (var p = 0; p < paths.Count; p++)
        {
            offsets[p] = channelList.Count;
            if (paths.ConversionCounts[p] == 0 && paths.ConversionValues[p] == 0)
            {
                continue;
            }

            var rowShares = weighing.Shares(model, p);
            var path = paths.GetPath(p);
            for (var i = 0; i < rowShares.Length; i++)
            {
                channelList.Add(path[i]);
                shareList.Add(rowShares[i]);
            }
        }

        offsets[paths.Count] = channelList.Count;
        channels = [.. channelList];
        shares = [.. shareList];
    }

    public override void Accumulate(Resample sample, Span<double> conversions, Span<double> values, object? scratch)
    {
        var rowConversions = sample.PathConversions;
        var rowValues = sample.PathValues;
        for (var p = 0; p < rowConversions.Length; p++)
        {
            var count = rowConversions[p];
            var value = rowValues[p];
            if (count == 0 && value == 0)
            {
                continue;
            }

            for (var e = offsets[p]; e < offsets[p + 1]; e++)
            {
                conversions[channels[e]] += shares[e] * count;
                values[channels[e]] += shares[e] * value;
            }
        }
    }
}

/// <summary>A data-driven model on paths: refitted on each resample's path counts; its own path-level credit per channel.</summary>
internal sealed class PathFittedModel(ModelDefinition definition, PathSet paths) : ResampledModel(definition.Name, true, false)
{
    public override void Accumulate(Resample sample, Span<double> conversions, Span<double> values, object? scratch)
    {
        var resampled = Resampled(paths, sample.PathConversions, sample.PathValues, sample.PathNulls);
        if (resampled.TotalConversions + resampled.TotalNulls <= 0)
        {
            return;
        }

        var model = definition.Create(resampled);
        var inner = model is NamedModel named ? named.Inner : model;
        switch (inner)
        {
            case MarkovModel markov:
                foreach (var r in markov.Results)
                {
                    Add(r.Channel, r.AttributedConversions, r.AttributedValue, conversions, values);
                }

                break;
            case ShapleyModel shapley:
                foreach (var total in shapley.ByChannel)
                {
                    Add(total.Key, total.Conversions, total.Value, conversions, values);
                }

                break;
            default:
                foreach (var total in PathAttribution.Run(resampled, inner).ByChannel)
                {
                    Add(total.Key, total.Conversions, total.Value, conversions, values);
                }

                break;
        }
    }

    private void Add(string channel, double conversions, double value, Span<double> conversionSums, Span<double> valueSums)
    {
        if (paths.ChannelTable.TryGetId(channel, out var id))
        {
            conversionSums[id] += conversions;
            valueSums[id] += value;
        }
    }
}
