namespace Attribution.Models;

/// <summary>What a model learns about a data set before a run (<see cref="IAttributionModel.Bind"/>): the names behind its ids.</summary>
/// <remarks>An argument struct rather than parameters, so that later versions can tell a model more without breaking it.</remarks>
public readonly struct ModelBindingArguments
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="channelNames">The channel names, indexed by channel id.</param>
    /// <param name="campaignNames">The campaign names, indexed by campaign id.</param>
    /// <param name="stages">The run's funnel (<see cref="Engine.AttributionOptions.Stages"/>); null or empty for none.</param>
    /// <exception cref="ArgumentNullException">A list of names is null.</exception>
    public ModelBindingArguments(IReadOnlyList<string> channelNames, IReadOnlyList<string> campaignNames, IReadOnlyList<string>? stages = null)
    {
        Stages = stages ?? [];
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(campaignNames);
        ChannelNames = channelNames;
        CampaignNames = campaignNames;
    }

    /// <summary>Gets the channel names, indexed by channel id.</summary>
    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Gets the run's funnel stages in order (empty without): milestone place i of <see cref="EligibleTouchpoints.Milestones"/>
    /// (i ≥ 1) belongs to stage i − 1 of this list.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Gets the campaign names, indexed by campaign id.</summary>
    public IReadOnlyList<string> CampaignNames { get; }
}
