using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Attribution.Engine.Kernels;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Engine;

/// <summary>The hot loop: every conversion of a range of journeys, its precomputed window, and the model's kernel,
/// with nothing allocated per journey.</summary>
/// <remarks>The model is dispatched once per partition to a struct kernel, so the loop below is compiled once per
/// built-in model with the kernel inlined; user models take <see cref="GeneralKernel"/>.</remarks>
internal static class CreditAllocator
{
    /// <summary>Credits the conversions of journeys [<paramref name="firstJourney"/>, <paramref name="endJourney"/>).</summary>
    /// <param name="windows">The eligibility windows of the set.</param>
    /// <param name="model">The model, already bound to the set.</param>
    /// <param name="firstJourney">The partition's first journey.</param>
    /// <param name="endJourney">One past its last journey.</param>
    /// <param name="record">Whether to keep every touch's credit (always through the general path, whose bits the kernels match).</param>
    /// <returns>The partition's sums.</returns>
    public static PartitionTotals Run(EligibilityWindows windows, IAttributionModel model, int firstJourney, int endJourney, bool record)
        => Run(windows, model, firstJourney, endJourney, record ? [] : null);

    /// <summary>Credits the conversions of journeys [<paramref name="firstJourney"/>, <paramref name="endJourney"/>),
    /// adding every touch's credit to <paramref name="touchpoints"/> when it is given.</summary>
    public static PartitionTotals Run(EligibilityWindows windows, IAttributionModel model, int firstJourney, int endJourney, List<TouchpointCredit>? touchpoints)
    {
        var set = windows.Journeys;
        var totals = new PartitionTotals(set, touchpoints);
        var record = touchpoints is not null;
        var c0 = set.ConversionOffsets[firstJourney];
        var c1 = set.ConversionOffsets[endJourney];
        SumConversions(windows, c0, c1, totals);
        var longest = LongestWindow(windows, c0, c1);
        if (record)
        {
            Run(new GeneralKernel(model, set, longest, windows.Milestones is null ? 0 : windows.MilestoneStride, totals.Touchpoints, firstJourney), windows, c0, c1, longest, totals);
            return totals;
        }

        switch (model)
        {
            case FirstTouchModel:
                Run(default(FirstTouchKernel), windows, c0, c1, longest, totals);
                break;
            case LastTouchModel:
                Run(default(LastTouchKernel), windows, c0, c1, longest, totals);
                break;
            case LinearModel:
                Run(new LinearKernel(longest), windows, c0, c1, longest, totals);
                break;
            case UShapedModel u:
                Run(new UShapedKernel(u, longest), windows, c0, c1, longest, totals);
                break;
            case TimeDecayModel d:
                Run(new TimeDecayKernel(d, longest), windows, c0, c1, longest, totals);
                break;
            case ChannelTableModel t:
                Run(new ChannelTableKernel(t.Weights, longest), windows, c0, c1, longest, totals);
                break;
            default:
                Run(new GeneralKernel(model, set, longest, windows.Milestones is null ? 0 : windows.MilestoneStride, null, firstJourney), windows, c0, c1, longest, totals);
                break;
        }

        return totals;
    }

    private static void SumConversions(EligibilityWindows windows, int c0, int c1, PartitionTotals totals)
    {
        // What the partition's conversions are worth does not depend on the model; summed apart from the hot loop, in
        // conversion order, so the kernels' loop carries no extra dependency from one conversion to the next.
        var kinds = windows.Journeys.ConversionKinds;
        var values = windows.Journeys.ConversionValues;
        for (var c = c0; c < c1; c++)
        {
            if (!windows.IsReported(c))
            {
                continue;
            }

            totals.TotalValue[kinds[c]] += values[c];
            totals.ConversionCount[kinds[c]]++;
        }
    }

    private static int LongestWindow(EligibilityWindows windows, int c0, int c1)
    {
        // Scratch is sized to the partition's longest window, not to the set's longest journey: one bot journey must
        // not give every partition a buffer of its length.
        var starts = windows.Starts;
        var ends = windows.Ends;
        var longest = 1;
        for (var c = c0; c < c1; c++)
        {
            longest = Math.Max(longest, ends[c] - starts[c]);
        }

        return longest;
    }

    private static void Run<TKernel>(TKernel kernel, EligibilityWindows windows, int c0, int c1, int longest, PartitionTotals totals)
        where TKernel : struct, ICreditKernel
    {
        var set = windows.Journeys;
        var starts = windows.Starts;
        var ends = windows.Ends;
        var flags = windows.Flags;
        var milestones = windows.Milestones;
        var stride = windows.MilestoneStride;
        var conversionTicks = set.ConversionTicks;
        var conversionValues = set.ConversionValues;
        var conversionKinds = set.ConversionKinds;
        var touchTicks = set.TouchTicks;
        var touchChannels = set.TouchChannels;
        var touchCampaigns = set.TouchCampaigns;
        var touchKeys = set.RollupKeys;
        ref var channelTotals = ref MemoryMarshal.GetArrayDataReference(totals.Channels);
        ref var campaignTotals = ref MemoryMarshal.GetArrayDataReference(totals.Campaigns);
        var channelCount = totals.ChannelCount;
        var campaignSlots = totals.CampaignSlots;

        // Gathered touches of windows that skip excluded channels; only sets with such windows need them.
        int[] gathered = [];
        long[] gatheredTicks = [];
        int[] gatheredChannels = [];
        int[] gatheredCampaigns = [];
        int[] gatheredKeys = [];
        if (flags is not null)
        {
            gatheredKeys = set.TouchTypeKeys is null ? [] : new int[longest];
            gathered = new int[longest];
            gatheredTicks = new long[longest];
            gatheredChannels = new int[longest];
            gatheredCampaigns = new int[longest];
        }

        for (var c = c0; c < c1; c++)
        {
            var flag = flags is null ? 0 : flags[c];
            if ((flag & EligibilityWindows.OutsidePeriod) != 0)
            {
                continue;
            }

            var kind = conversionKinds[c];
            var value = conversionValues[c];
            var start = starts[c];
            var count = ends[c] - start;
            if (count == 0)
            {
                Unattribute(totals, kind, value);
                continue;
            }

            Debug.Assert(start >= 0 && start + count <= touchTicks.Length, "windows lie inside the columns");

            // The window lies inside its journey's touches, so the slices need no range checks.
            var window = new CreditWindow(
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchTicks), start), count),
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchChannels), start), count),
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchCampaigns), start), count),
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(touchKeys), start), count),
                conversionTicks[c],
                value,
                c,
                start,
                default,
                kind,
                milestones is null ? default : milestones.AsSpan(c * stride, stride));

            if ((flag & EligibilityWindows.Filtered) != 0)
            {
                var kept = windows.Collect(c, gathered);
                if (kept == 0)
                {
                    // A conversion restricted to its contacts, none of whom touched it in its window.
                    Unattribute(totals, kind, value);
                    continue;
                }

                for (var i = 0; i < kept; i++)
                {
                    var t = gathered[i];
                    gatheredTicks[i] = touchTicks[t];
                    gatheredChannels[i] = touchChannels[t];
                    gatheredCampaigns[i] = touchCampaigns[t];
                    if (gatheredKeys.Length > 0)
                    {
                        gatheredKeys[i] = touchKeys[t];
                    }
                }

                window = new CreditWindow(
                    gatheredTicks.AsSpan(0, kept),
                    gatheredChannels.AsSpan(0, kept),
                    gatheredCampaigns.AsSpan(0, kept),
                    gatheredKeys.Length > 0 ? gatheredKeys.AsSpan(0, kept) : gatheredCampaigns.AsSpan(0, kept),
                    conversionTicks[c],
                    value,
                    c,
                    start,
                    gathered.AsSpan(0, kept),
                    kind,
                    window.MilestoneTouches);
            }

            // Kind ids index the set's kind table, which the totals were sized to.
            Debug.Assert((uint)kind < (uint)totals.Kinds, "kind ids come from the set");
            var rollup = new Rollup(
                ref Unsafe.Add(ref channelTotals, kind * channelCount),
                ref Unsafe.Add(ref campaignTotals, kind * campaignSlots),
                value,
                channelCount,
                campaignSlots);
            if (!kernel.Credit(window, ref rollup))
            {
                Unattribute(totals, kind, value);
            }
        }
    }

    private static void Unattribute(PartitionTotals totals, int kind, double value)
    {
        totals.UnattributedConversions[kind]++;
        totals.UnattributedValue[kind] += value;
    }
}
