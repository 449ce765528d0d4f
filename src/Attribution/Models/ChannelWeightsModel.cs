namespace Attribution.Models;

/// <summary>A touch's weight is its channel's weight; the engine normalises. All-zero weights leave the conversion unattributed.</summary>
internal sealed class ChannelWeightsModel : IAttributionModel
{
    private readonly Dictionary<string, double> weights;
    private readonly double defaultWeight;

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

    public string Name => "channel-weights";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> output)
    {
        // Unbound (a direct call): look each name up. The engine binds first and never comes here.
        var channels = touchpoints.Channels;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = weights.GetValueOrDefault(touchpoints.ChannelNames[channels[i]], defaultWeight);
        }
    }

    public IAttributionModel Bind(ModelBindingArguments arguments)
    {
        var names = arguments.ChannelNames;
        var byId = new double[names.Count];
        for (var id = 0; id < byId.Length; id++)
        {
            byId[id] = weights.GetValueOrDefault(names[id], defaultWeight);
        }

        return new ChannelTableModel(Name, byId);
    }
}
