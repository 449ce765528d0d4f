namespace Attribution.Models;

/// <summary>What a model learns about a data set before a run (<see cref="IAttributionModel.Bind"/>): the names behind its ids.</summary>
/// <remarks>An argument struct rather than parameters, so that later versions can tell a model more without breaking it.</remarks>
public readonly struct ModelBindingArguments
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="channelNames">The channel names, indexed by channel id.</param>
    /// <param name="campaignNames">The campaign names, indexed by campaign id.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public ModelBindingArguments(IReadOnlyList<string> channelNames, IReadOnlyList<string> campaignNames)
    {
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(campaignNames);
        ChannelNames = channelNames;
        CampaignNames = campaignNames;
    }

    /// <summary>Gets the channel names, indexed by channel id.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Gets the campaign names, indexed by campaign id.</summary>
    public IReadOnlyList<string> CampaignNames { get; }
}
