namespace Attribution.Models;

/// <summary>Weights of the custom milestone model: the first touch, the last touch before each named stage, and the rest.</summary>
/// <example>
/// <code>
/// var model = AttributionModels.Milestones(new MilestoneModelOptions
/// {
///     First = 0.3,
///     Stages = new Dictionary&lt;string, double&gt; { ["lead"] = 0.3, ["opportunity"] = 0.3 },
///     Rest = 0.1,
/// });
/// </code>
/// </example>
public sealed record MilestoneModelOptions
{
    /// <summary>Gets the weight of the first eligible touch (M0).</summary>
    /// <value>The default value is 0.3.</value>
    public double First { get; init; } = 0.3;

    /// <summary>Gets the weight of each stage's milestone (the last eligible touch before the stage's conversion), by stage name.</summary>
    /// <value>The default value is empty. A stage left out is no milestone: its touch counts as rest. A name that is no
    /// stage of the run's funnel is an error when the model is run.</value>
    public IReadOnlyDictionary<string, double> Stages { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets the weight shared evenly by the eligible touches that hold no milestone.</summary>
    /// <value>The default value is 0.1.</value>
    public double Rest { get; init; } = 0.1;

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
