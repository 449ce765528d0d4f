namespace Attribution.Models;

/// <summary>Options of the channel-weights model: a weight per channel name.</summary>
/// <remarks>Weights must be finite and not negative. Channel names are compared ordinally (case matters).</remarks>
public sealed record ChannelWeightsModelOptions
{
    /// <summary>Gets the weight of each listed channel.</summary>
    /// <value>The default value is an empty map (every channel weighs <see cref="DefaultWeight"/>).</value>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets the weight of a channel that <see cref="Weights"/> does not list.</summary>
    /// <value>The default value is 1.</value>
    public double DefaultWeight { get; init; } = 1;

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
