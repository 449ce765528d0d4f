namespace Attribution.Models;

/// <summary>The touchpoints eligible for one conversion, in time order, as a model sees them.</summary>
/// <remarks>
/// The spans point into the engine's columns or scratch buffers and are valid only during the call that receives them.
/// Channel and campaign ids index <see cref="ChannelNames"/> and <see cref="CampaignNames"/>; a campaign id of −1 means
/// the touch has no campaign. Times are UTC ticks (100 ns units).
/// </remarks>
public readonly ref struct EligibleTouchpoints
{
    internal EligibleTouchpoints(
        ReadOnlySpan<long> utcTicks,
        ReadOnlySpan<int> channels,
        ReadOnlySpan<int> campaigns,
        long conversionUtcTicks,
        double conversionValue,
        IReadOnlyList<string> channelNames,
        IReadOnlyList<string> campaignNames)
    {
        UtcTicks = utcTicks;
        Channels = channels;
        Campaigns = campaigns;
        ConversionUtcTicks = conversionUtcTicks;
        ConversionValue = conversionValue;
        ChannelNames = channelNames;
        CampaignNames = campaignNames;
    }

    /// <summary>Gets the number of eligible touchpoints (at least 1).</summary>
    public int Count => Channels.Length;

    /// <summary>Gets each touchpoint's instant in UTC ticks, ascending.</summary>
    public ReadOnlySpan<long> UtcTicks { get; }

    /// <summary>Gets each touchpoint's channel id.</summary>
    public ReadOnlySpan<int> Channels { get; }

    /// <summary>Gets each touchpoint's campaign id, or −1 for none.</summary>
    public ReadOnlySpan<int> Campaigns { get; }

    /// <summary>Gets the conversion's instant in UTC ticks.</summary>
    public long ConversionUtcTicks { get; }

    /// <summary>Gets the conversion's value.</summary>
    public double ConversionValue { get; }

    /// <summary>Gets the channel names, indexed by channel id.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Gets the campaign names, indexed by campaign id.</summary>
    public IReadOnlyList<string> CampaignNames { get; }
}
