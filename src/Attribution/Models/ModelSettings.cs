using Attribution.DataDriven;

namespace Attribution.Models;

/// <summary>The options of every model <see cref="AttributionModels.Create(string, ModelSettings)"/> can build; each model
/// takes the ones that apply to it and ignores the others.</summary>
/// <example>
/// <code>
/// var settings = new ModelSettings { TimeDecay = new() { HalfLife = TimeSpan.FromDays(3) } };
/// IAttributionModel decay = AttributionModels.Create("time-decay", settings);
/// </code>
/// </example>
public sealed record ModelSettings
{
    /// <summary>Gets the options of <c>time-decay</c>.</summary>
    /// <value>The default value is a 7-day half-life.</value>
    public TimeDecayModelOptions TimeDecay { get; init; } = new();

    /// <summary>Gets the options of <c>u-shaped</c> (the presets <c>j-shaped</c> and <c>inverse-j</c> keep their own ratios).</summary>
    /// <value>The default value is 40/20/40.</value>
    public UShapedModelOptions UShaped { get; init; } = new();

    /// <summary>Gets the options of <c>channel-weights</c> (alias <c>custom</c>).</summary>
    /// <value>The default value weighs every channel 1.</value>
    public ChannelWeightsModelOptions ChannelWeights { get; init; } = new();

    /// <summary>Gets the options of <c>milestones</c>.</summary>
    /// <value>The default value is first 0.3, rest 0.1, no stage weights.</value>
    public MilestoneModelOptions Milestones { get; init; } = new();

    /// <summary>Gets the options of <c>markov</c>, used when it is fitted.</summary>
    /// <value>The default value is a first-order chain.</value>
    public MarkovOptions Markov { get; init; } = new();

    /// <summary>Gets the options of <c>shapley</c>, used when it is fitted.</summary>
    /// <value>The default value is <see cref="ShapleyOptions"/>'s defaults.</value>
    public ShapleyOptions Shapley { get; init; } = new();
}
