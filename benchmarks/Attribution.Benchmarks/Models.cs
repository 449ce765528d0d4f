using Attribution.Models;

namespace Attribution.Benchmarks;

/// <summary>The built-in rule-based models the engine suites and the guard time, made by the library's registry.</summary>
internal static class Models
{
    public static readonly string[] RuleBased = ["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights"];

    // Uneven weights, one channel at 0, so the channel-weights model does real work and can leave conversions unattributed.
    private static readonly ModelSettings Settings = new()
    {
        ChannelWeights = new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double>
            {
                ["paid-search"] = 2,
                ["display"] = 0.5,
                ["direct"] = 0,
                ["email"] = 1.5,
            },
        },
    };

    /// <summary>Creates a model by the name the CLI uses.</summary>
    public static IAttributionModel Create(string name) => AttributionModels.Create(name, Settings);
}
