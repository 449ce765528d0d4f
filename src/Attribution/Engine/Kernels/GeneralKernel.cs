using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Engine.Kernels;

/// <summary>Any model, through <see cref="IAttributionModel.ComputeWeights"/>: the weights are checked (negative, NaN
/// and infinite weights throw), summed, scaled and credited. Also the path that records every touch's credit.</summary>
internal struct GeneralKernel : ICreditKernel
{
    private readonly IAttributionModel model;
    private readonly IReadOnlyList<string> channelNames;
    private readonly IReadOnlyList<string> campaignNames;
    private readonly SymbolTable kindNames;
    private readonly int[] milestones;
    private readonly double[] weights;
    private readonly int[] conversionOffsets;
    private readonly List<TouchpointCredit>? records;
    private int journey;

    public GeneralKernel(IAttributionModel model, JourneySet journeys, int maxLength, int milestoneStride, List<TouchpointCredit>? records, int firstJourney)
    {
        this.model = model;
        channelNames = journeys.ChannelTable;
        campaignNames = journeys.CampaignTable;
        kindNames = journeys.KindTable;
        milestones = new int[milestoneStride];
        weights = new double[Math.Max(1, maxLength)];
        conversionOffsets = journeys.ConversionOffsets;
        this.records = records;
        journey = firstJourney;
    }

    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        var count = window.Count;
        var w = weights.AsSpan(0, count);
        var places = window.MilestoneTouches;
        var positions = milestones.AsSpan(0, places.Length);
        for (var i = 0; i < places.Length; i++)
        {
            positions[i] = window.PositionOf(places[i]);
        }

        var touches = new EligibleTouchpoints(
            window.Ticks, window.Channels, window.Campaigns, window.At, window.Value, channelNames, campaignNames, positions, kindNames[window.Kind], trusted: true);
        if (!TryShare(model, touches, w))
        {
            return false;
        }

        var channels = window.Channels;
        var campaigns = window.Campaigns;
        for (var i = 0; i < count; i++)
        {
            rollup.Add(channels[i], campaigns[i], w[i]);
        }

        if (records is not null)
        {
            // Conversions come in order, so the journey only moves forward.
            while (conversionOffsets[journey + 1] <= window.Conversion)
            {
                journey++;
            }

            for (var i = 0; i < count; i++)
            {
                records.Add(new TouchpointCredit(journey, window.TouchIndex(i), window.Conversion, w[i], w[i] * window.Value));
            }
        }

        return true;
    }

    /// <summary>Asks a model for its weights and turns them into shares in place: the one home of the general path's
    /// check, sum and scale, used by the engine and by the one-journey API.</summary>
    /// <returns>False when every weight is 0 (the conversion is unattributed).</returns>
    /// <exception cref="InvalidOperationException">The model wrote a negative, NaN or infinite weight.</exception>
    public static bool TryShare(IAttributionModel model, in EligibleTouchpoints touches, Span<double> w)
    {
        model.ComputeWeights(touches, w);
        return TryScale(model.Name, w);
    }

    /// <summary>Turns weights a model wrote into shares in place: the check, sum and scale of <see cref="TryShare"/>, for
    /// a caller that keeps the weights too (explanations).</summary>
    /// <returns>False when every weight is 0 (the conversion is unattributed).</returns>
    /// <exception cref="InvalidOperationException">A weight is negative, NaN or infinite.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryScale(string modelName, Span<double> w)
    {
        // One pass for the check and the sum, with the check folded into a flag rather than a branch per weight.
        ref var w0 = ref MemoryMarshal.GetReference(w);
        var count = w.Length;
        var sum = 0.0;
        var valid = true;
        for (var i = 0; i < count; i++)
        {
            var x = Unsafe.Add(ref w0, i);

            // False for negative, NaN and +∞ alike.
            valid &= (x >= 0) & (x <= double.MaxValue);
            sum += x;
        }

        if (!valid)
        {
            ThrowBadWeight(modelName, w);
        }

        if (sum == 0)
        {
            return false;
        }

        var scale = WeightScaling.Scale(w, sum);
        for (var i = 0; i < count; i++)
        {
            Unsafe.Add(ref w0, i) *= scale;
        }

        return true;
    }

    [DoesNotReturn]
    private static void ThrowBadWeight(string model, ReadOnlySpan<double> w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (!(w[i] >= 0 && w[i] <= double.MaxValue))
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"Model '{model}' returned weight {w[i]} for eligible touchpoint {i}; weights must be finite and not negative."));
            }
        }

        throw new UnreachableException();
    }
}
