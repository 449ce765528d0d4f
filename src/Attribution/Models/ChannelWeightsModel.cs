namespace Attribution.Models;

/// <summary>A touch's weight is its channel's weight; the engine normalises. All-zero weights leave the conversion unattributed.</summary>
internal sealed class ChannelWeightsModel : IAttributionModel
{
    private readonly Dictionary<string, double> weights;
    private readonly double defaultWeight;

    // Weights by channel id for the last channel table seen. A race only recomputes the same numbers, so no lock.
    private volatile Resolved? resolved;

    public ChannelWeightsModel(ChannelWeightsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Weights, "options.Weights");
        Guard.FiniteNonNegative(options.DefaultWeight, "options.DefaultWeight");
        weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (channel, weight) in options.Weights)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(channel, "options.Weights");
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"The weight of channel '{channel}' must be finite and not negative, but was {weight}."),
                    "options.Weights");
            }

            weights[channel] = weight;
        }

        defaultWeight = options.DefaultWeight;
    }

    public string Name => "custom";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> output)
    {
        var byId = Resolve(touchpoints.ChannelNames);
        var channels = touchpoints.Channels;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = byId[channels[i]];
        }
    }

    private double[] Resolve(IReadOnlyList<string> names)
    {
        var current = resolved;
        if (current is not null && ReferenceEquals(current.Names, names) && current.Weights.Length == names.Count)
        {
            return current.Weights;
        }

        var byId = new double[names.Count];
        for (var id = 0; id < byId.Length; id++)
        {
            byId[id] = weights.GetValueOrDefault(names[id], defaultWeight);
        }

        resolved = new Resolved(names, byId);
        return byId;
    }

    private sealed record Resolved(IReadOnlyList<string> Names, double[] Weights);
}
