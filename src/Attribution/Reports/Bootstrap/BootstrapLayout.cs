using Attribution.DataDriven;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>Where a resample's sums go: one slot per kind × key, the keys being the channels, then (when asked for) the
/// campaigns by id and the slot of touches without a campaign.</summary>
internal sealed class BootstrapLayout
{
    private BootstrapLayout(IReadOnlyList<string> kinds, int channels, IReadOnlyList<(int Key, string Name)> channelKeys, int campaignSlots, IReadOnlyList<(int Key, string Name)> campaignKeys)
    {
        Kinds = kinds;
        Channels = channels;
        ChannelKeys = channelKeys;
        CampaignKeys = campaignKeys;
        Keys = channels + campaignSlots;
        Slots = Math.Max(1, kinds.Count) * Keys;
    }

    public IReadOnlyList<string> Kinds { get; }

    public int Channels { get; }

    /// <summary>Gets the keys per kind: channels, then campaign slots.</summary>
    public int Keys { get; }

    public int Slots { get; }

    public IReadOnlyList<(int Key, string Name)> ChannelKeys { get; }

    public IReadOnlyList<(int Key, string Name)> CampaignKeys { get; }

    /// <summary>Gets whether campaign slots exist.</summary>
    public bool HasCampaigns => Keys > Channels;

    public int Slot(int kind, int key) => (kind * Keys) + key;

    public int ChannelSlot(int kind, int channel) => (kind * Keys) + channel;

    /// <summary>Gets the slot of a campaign id (−1 for none).</summary>
    public int CampaignSlot(int kind, int campaign, int campaignCount) => (kind * Keys) + Channels + (campaign < 0 ? campaignCount : campaign);

    public static BootstrapLayout For(JourneySet journeys, bool campaigns)
    {
        // Kinds, channels and campaigns in the engine's order, so intervals line up with an AttributionResult's rows.
        IReadOnlyList<string> kinds = journeys.KindTable.Count == 0 ? [Conversion.DefaultKind] : [.. journeys.KindTable];
        var channelKeys = new List<(int, string)>();
        for (var c = 0; c < journeys.ChannelTable.Count; c++)
        {
            channelKeys.Add((c, journeys.ChannelTable[c]));
        }

        var campaignKeys = new List<(int, string)>();
        var slots = 0;
        if (campaigns)
        {
            var count = journeys.CampaignTable.Count;
            slots = count + 1;
            for (var c = 0; c < count; c++)
            {
                campaignKeys.Add((channelKeys.Count + c, journeys.CampaignTable[c]));
            }

            if (Array.IndexOf(journeys.TouchCampaigns, JourneySet.NoCampaign) >= 0)
            {
                campaignKeys.Add((channelKeys.Count + count, AttributionResult.NoCampaignKey));
            }
        }

        return new BootstrapLayout(kinds, channelKeys.Count, channelKeys, slots, campaignKeys);
    }

    public static BootstrapLayout For(PathSet paths)
    {
        var channelKeys = new List<(int, string)>();
        for (var c = 0; c < paths.Channels.Count; c++)
        {
            channelKeys.Add((c, paths.Channels[c]));
        }

        return new BootstrapLayout([Conversion.DefaultKind], channelKeys.Count, channelKeys, 0, []);
    }
}
