using Attribution.DataDriven;
using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>The model options gathered from the command line; each model picks the ones that apply to it.</summary>
internal sealed record ModelSettings
{
    /// <summary>Gets the options of <c>time-decay</c>.</summary>
    public TimeDecayModelOptions TimeDecay { get; init; } = new();

    /// <summary>Gets the options of <c>u-shaped</c>.</summary>
    public UShapedModelOptions UShaped { get; init; } = new();

    /// <summary>Gets the options of <c>custom</c>.</summary>
    public ChannelWeightsModelOptions ChannelWeights { get; init; } = new();

    /// <summary>Gets the options of <c>milestones</c>.</summary>
    public MilestoneModelOptions Milestones { get; init; } = new();

    /// <summary>Gets the options of <c>markov</c>.</summary>
    public MarkovOptions Markov { get; init; } = new();

    /// <summary>Gets the options of <c>shapley</c>.</summary>
    public ShapleyOptions Shapley { get; init; } = new();
}
