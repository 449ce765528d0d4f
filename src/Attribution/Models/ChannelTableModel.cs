namespace Attribution.Models;

/// <summary>A model bound to one data set whose weight is a number per channel id: what channel weights and a fitted
/// Markov chain become for a run, and what the engine's channel-table kernel reads.</summary>
internal sealed class ChannelTableModel : IAttributionModel
{
    /// <param name="name">The name of the model this was bound from.</param>
    /// <param name="weights">A finite, non-negative weight per channel id of the bound set.</param>
    public ChannelTableModel(string name, double[] weights)
    {
        Name = name;
        Weights = weights;
    }

    public string Name { get; }

    public double[] Weights { get; }

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        var channels = touchpoints.Channels;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Weights[channels[i]];
        }
    }
}
