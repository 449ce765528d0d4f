namespace Attribution.Models;

/// <summary>A model whose weight per touch comes from a user's function.</summary>
internal sealed class CustomWeightModel : IAttributionModel
{
    private readonly Func<TouchpointWeightArguments, double> weight;

    public CustomWeightModel(string name, Func<TouchpointWeightArguments, double> weight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(weight);
        Name = name;
        this.weight = weight;
    }

    public string Name { get; }

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        var conversion = new DateTimeOffset(touchpoints.ConversionUtcTicks, TimeSpan.Zero);
        for (var i = 0; i < weights.Length; i++)
        {
            var campaign = touchpoints.Campaigns[i];
            weights[i] = weight(new TouchpointWeightArguments(
                i,
                weights.Length,
                touchpoints.ChannelNames[touchpoints.Channels[i]],
                campaign < 0 ? null : touchpoints.CampaignNames[campaign],
                new DateTimeOffset(touchpoints.UtcTicks[i], TimeSpan.Zero),
                conversion,
                touchpoints.ConversionValue));
        }
    }
}
