using System.Runtime.Intrinsics;
using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.Engine;

/// <summary>One partition's sums, per conversion kind: the engine adds partitions in partition order, so totals do not
/// depend on the thread count.</summary>
internal sealed class PartitionTotals
{
    public PartitionTotals(JourneySet journeys, List<TouchpointCredit>? touchpoints)
    {
        Kinds = Math.Max(1, journeys.KindTable.Count);
        ChannelCount = journeys.ChannelTable.Count;
        CampaignSlots = (journeys.CampaignTable.Count + 1) * (journeys.TouchTypeKeys is null ? 1 : journeys.TouchTypeTable.Count);
        Channels = new Vector128<double>[Kinds * ChannelCount];
        Campaigns = new Vector128<double>[Kinds * CampaignSlots];
        UnattributedConversions = new int[Kinds];
        UnattributedValue = new double[Kinds];
        TotalValue = new double[Kinds];
        ConversionCount = new int[Kinds];
        Touchpoints = touchpoints;
    }

    public int Kinds { get; }

    public int ChannelCount { get; }

    /// <summary>Gets the campaign slots per kind: slot 0 holds touches without a campaign, slot id + 1 campaign id; with
    /// several touch types, one such run of slots per type (slot key + 1, see <see cref="JourneySet.TouchTypeKeys"/>).</summary>
    public int CampaignSlots { get; }

    /// <summary>Gets (conversions, value) per kind × channel id.</summary>
    public Vector128<double>[] Channels { get; }

    /// <summary>Gets (conversions, value) per kind × campaign slot.</summary>
    public Vector128<double>[] Campaigns { get; }

    public int[] UnattributedConversions { get; }

    public double[] UnattributedValue { get; }

    public double[] TotalValue { get; }

    public int[] ConversionCount { get; }

    public List<TouchpointCredit>? Touchpoints { get; }
}
