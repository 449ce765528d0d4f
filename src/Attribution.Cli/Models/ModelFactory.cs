using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>The one place that maps model names on the command line to models.</summary>
/// <remarks>
/// A model is created from the settings and the journeys it will attribute, so a data-driven model (Markov chain,
/// Shapley) can be registered here by training on <c>journeys</c> inside its factory.
/// </remarks>
internal static class ModelFactory
{
    private static readonly ModelRegistration[] Registrations =
    [
        new("first-touch", ["first"], static (_, _) => AttributionModels.FirstTouch),
        new("last-touch", ["last"], static (_, _) => AttributionModels.LastTouch),
        new("linear", [], static (_, _) => AttributionModels.Linear),
        new("time-decay", [], static (s, _) => AttributionModels.TimeDecay(s.TimeDecay)),
        new("u-shaped", ["position-based"], static (s, _) => AttributionModels.UShaped(s.UShaped)),
        new("custom", [], static (s, _) => AttributionModels.ChannelWeights(s.ChannelWeights)),
    ];

    /// <summary>Gets the canonical names of every model, in the order the demo runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registrations.Select(static r => r.Name)];

    /// <summary>Resolves a name or alias (case-insensitive) to the canonical name.</summary>
    /// <exception cref="CliException">The name is unknown.</exception>
    public static string Resolve(string name)
    {
        var trimmed = name.Trim();
        foreach (var registration in Registrations)
        {
            if (string.Equals(registration.Name, trimmed, StringComparison.OrdinalIgnoreCase)
                || registration.Aliases.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                return registration.Name;
            }
        }

        throw CliException.Usage($"--model: unknown model '{name}'; known models: {string.Join(", ", Names)} (alias position-based for u-shaped).");
    }

    /// <summary>Creates the model with a canonical name from <see cref="Resolve"/>.</summary>
    public static IAttributionModel Create(string canonicalName, ModelSettings settings, JourneySet journeys)
    {
        foreach (var registration in Registrations)
        {
            if (registration.Name == canonicalName)
            {
                return registration.Create(settings, journeys);
            }
        }

        throw new ArgumentException($"'{canonicalName}' is not a canonical model name; call Resolve first.", nameof(canonicalName));
    }

    private sealed record ModelRegistration(string Name, string[] Aliases, Func<ModelSettings, JourneySet, IAttributionModel> Create);
}
