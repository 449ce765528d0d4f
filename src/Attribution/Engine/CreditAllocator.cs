using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Engine;

/// <summary>The hot loop: eligibility, weights and roll-up for a range of journeys, with no allocation per journey.</summary>
/// <remarks>One allocator serves one partition on one thread; it owns its scratch buffers and partial sums.</remarks>
internal sealed class CreditAllocator
{
    private readonly JourneySet set;
    private readonly IAttributionModel model;
    private readonly long lookbackTicks;
    private readonly bool[]? excluded;
    private readonly int noCampaignSlot;

    private readonly long[] touchTicks;
    private readonly int[] touchChannels;
    private readonly int[] touchCampaigns;
    private readonly IReadOnlyList<string> channelNames;
    private readonly IReadOnlyList<string> campaignNames;

    private readonly double[] weights;
    private readonly long[] keptTicks;
    private readonly int[] keptChannels;
    private readonly int[] keptCampaigns;
    private readonly int[] keptSource;

    // (conversions, value) pairs added as one vector: lane-wise IEEE additions, so the same bits as two scalar sums, at
    // half the loads and stores. Campaign slot 0 holds touches without a campaign, so id + 1 indexes without a branch.
    private readonly Vector128<double>[] channelTotals;
    private readonly Vector128<double>[] campaignTotals;

    public CreditAllocator(JourneySet set, IAttributionModel model, long lookbackTicks, bool[]? excluded, bool recordTouchpoints)
    {
        this.set = set;
        this.model = model;
        this.lookbackTicks = lookbackTicks;
        this.excluded = excluded;
        noCampaignSlot = set.CampaignTable.Count;
        touchTicks = set.TouchTicks;
        touchChannels = set.TouchChannels;
        touchCampaigns = set.TouchCampaigns;
        channelNames = set.ChannelTable;
        campaignNames = set.CampaignTable;

        var width = Math.Max(1, set.MaxTouchpointsPerJourney);
        weights = new double[width];
        keptTicks = excluded is null ? [] : new long[width];
        keptChannels = excluded is null ? [] : new int[width];
        keptCampaigns = excluded is null ? [] : new int[width];
        keptSource = excluded is null ? [] : new int[width];

        channelTotals = new Vector128<double>[set.ChannelTable.Count];
        campaignTotals = new Vector128<double>[noCampaignSlot + 1];
        ChannelConversions = new double[set.ChannelTable.Count];
        ChannelValues = new double[set.ChannelTable.Count];
        CampaignConversions = new double[noCampaignSlot + 1];
        CampaignValues = new double[noCampaignSlot + 1];
        Touchpoints = recordTouchpoints ? [] : null;
    }

    public double[] ChannelConversions { get; }

    public double[] ChannelValues { get; }

    /// <summary>Per campaign id; the last slot holds touches without a campaign.</summary>
    public double[] CampaignConversions { get; }

    public double[] CampaignValues { get; }

    public int UnattributedConversions { get; private set; }

    public double UnattributedValue { get; private set; }

    public double TotalValue { get; private set; }

    public List<TouchpointCredit>? Touchpoints { get; }

    public void Run(int firstJourney, int endJourney)
    {
        for (var j = firstJourney; j < endJourney; j++)
        {
            AttributeJourney(j);
        }

        for (var c = 0; c < channelTotals.Length; c++)
        {
            ChannelConversions[c] = channelTotals[c].GetElement(0);
            ChannelValues[c] = channelTotals[c].GetElement(1);
        }

        for (var c = 0; c < noCampaignSlot; c++)
        {
            CampaignConversions[c] = campaignTotals[c + 1].GetElement(0);
            CampaignValues[c] = campaignTotals[c + 1].GetElement(1);
        }

        CampaignConversions[noCampaignSlot] = campaignTotals[0].GetElement(0);
        CampaignValues[noCampaignSlot] = campaignTotals[0].GetElement(1);
    }

    private void AttributeJourney(int journey)
    {
        var conversionOffsets = set.ConversionOffsets;
        var c = conversionOffsets[journey];
        var end = conversionOffsets[journey + 1];
        if (c == end)
        {
            return;
        }

        var ticks = set.TouchTicks;
        var touchEnds = set.ConversionTouchEnds;
        var conversionTicks = set.ConversionTicks;
        var conversionValues = set.ConversionValues;
        var pending = set.TouchOffsets[journey];
        var total = TotalValue;
        do
        {
            var at = conversionTicks[c];
            var value = conversionValues[c];
            total += value;

            var upTo = Eligibility.Window(ticks, ref pending, touchEnds[c], at, lookbackTicks, out var first);
            if (first == upTo)
            {
                Unattribute(value);
            }
            else
            {
                Allocate(journey, c, first, upTo, at, value);
            }
        }
        while (++c < end);

        TotalValue = total;
    }

    private void Allocate(int journey, int conversion, int first, int upTo, long at, double value)
    {
        var count = upTo - first;
        // The window lies inside the journey's touches (Eligibility.Window), so the slices need no range checks.
        ReadOnlySpan<long> ticks = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchTicks), first), count);
        ReadOnlySpan<int> channels = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchChannels), first), count);
        ReadOnlySpan<int> campaigns = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchCampaigns), first), count);
        ReadOnlySpan<int> source = default;

        if (excluded is not null)
        {
            var kept = Eligibility.KeepIncluded(set.TouchChannels, excluded, first, upTo, keptSource);

            // When every eligible touch is excluded, they keep the credit (last-non-direct fallback).
            if (kept > 0 && kept < count)
            {
                for (var i = 0; i < kept; i++)
                {
                    var t = keptSource[i];
                    keptTicks[i] = set.TouchTicks[t];
                    keptChannels[i] = set.TouchChannels[t];
                    keptCampaigns[i] = set.TouchCampaigns[t];
                }

                count = kept;
                ticks = keptTicks.AsSpan(0, kept);
                channels = keptChannels.AsSpan(0, kept);
                campaigns = keptCampaigns.AsSpan(0, kept);
                source = keptSource.AsSpan(0, kept);
            }
        }

        var w = weights.AsSpan(0, count);
        model.ComputeWeights(new EligibleTouchpoints(ticks, channels, campaigns, at, value, channelNames, campaignNames), w);

        // One pass for the check and the sum, with the check folded into a flag rather than a branch per weight: the
        // trip count varies per conversion, and every extra branch inside it is another chance to mispredict.
        ref var w0 = ref MemoryMarshal.GetReference(w);
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
            throw FirstBadWeight(w);
        }

        if (sum == 0)
        {
            Unattribute(value);
            return;
        }

        if (!double.IsFinite(sum))
        {
            throw BadWeight(-1, sum);
        }

        var scale = 1 / sum;

        // share × (1, value) = (share, share × value) exactly, as the scalar code computed them. Ids index the totals
        // without bounds checks: the set interned every channel and campaign id it holds, and the totals are sized to its tables.
        var factors = Vector128.Create(1.0, value);
        ref var channelSums = ref MemoryMarshal.GetArrayDataReference(channelTotals);
        ref var campaignSums = ref MemoryMarshal.GetArrayDataReference(campaignTotals);
        ref var ch0 = ref MemoryMarshal.GetReference(channels);
        ref var ca0 = ref MemoryMarshal.GetReference(campaigns);
        for (var i = 0; i < count; i++)
        {
            var credit = Vector128.Create(Unsafe.Add(ref w0, i) * scale) * factors;
            ref var channel = ref Unsafe.Add(ref channelSums, (nint)(uint)Unsafe.Add(ref ch0, i));
            channel += credit;
            ref var campaign = ref Unsafe.Add(ref campaignSums, (nint)(uint)(Unsafe.Add(ref ca0, i) + 1));
            campaign += credit;
        }

        if (Touchpoints is not null)
        {
            for (var i = 0; i < w.Length; i++)
            {
                var share = w[i] * scale;
                var index = source.IsEmpty ? first + i : source[i];
                Touchpoints.Add(new TouchpointCredit(journey, index, conversion, share, share * value));
            }
        }
    }

    private InvalidOperationException FirstBadWeight(ReadOnlySpan<double> w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (!(w[i] >= 0 && w[i] <= double.MaxValue))
            {
                return BadWeight(i, w[i]);
            }
        }

        throw new UnreachableException();
    }

    private void Unattribute(double value)
    {
        UnattributedConversions++;
        UnattributedValue += value;
    }

    private InvalidOperationException BadWeight(int index, double weight) => new(
        index < 0
            ? FormattableString.Invariant($"Model '{model.Name}' returned weights whose sum is {weight}; weights must be finite and not negative.")
            : FormattableString.Invariant($"Model '{model.Name}' returned weight {weight} for eligible touchpoint {index}; weights must be finite and not negative."));
}
