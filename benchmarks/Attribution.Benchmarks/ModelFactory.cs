using Attribution.Models;

namespace Attribution.Benchmarks;

/// <summary>The models the suites compare, by the names the CLI uses.</summary>
internal static class ModelFactory
{
    public static IAttributionModel Create(string name) => name switch
    {
        // Uneven weights, one channel at 0, so the custom model does real work and can leave conversions unattributed.
        "custom" => AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double>
            {
                ["paid-search"] = 2,
                ["display"] = 0.5,
                ["direct"] = 0,
                ["email"] = 1.5,
            },
        }),
        _ => AttributionModels.Create(name),
    };
}
