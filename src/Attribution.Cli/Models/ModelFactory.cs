using Attribution.DataDriven;
using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>The one place that maps model names on the command line to models.</summary>
/// <remarks>
/// A model is created from the settings and the data it will attribute, so a data-driven model (Markov chain,
/// Shapley) is trained inside its factory on <see cref="TrainingData.PathsOf"/>.
/// </remarks>
internal static class ModelFactory
{
    private static readonly ModelRegistration[] Registrations =
    [
        new("first-touch", ["first"], DataDriven: false, static (_, _) => AttributionModels.FirstTouch),
        new("last-touch", ["last"], DataDriven: false, static (_, _) => AttributionModels.LastTouch),
        new("linear", [], DataDriven: false, static (_, _) => AttributionModels.Linear),
        new("time-decay", [], DataDriven: false, static (s, _) => AttributionModels.TimeDecay(s.TimeDecay)),
        new("u-shaped", ["position-based"], DataDriven: false, static (s, _) => AttributionModels.UShaped(s.UShaped)),
        new("custom", [], DataDriven: false, static (s, _) => AttributionModels.ChannelWeights(s.ChannelWeights)),
        new("j-shaped", [], DataDriven: false, static (_, _) => AttributionModels.JShaped()) { InDemo = false },
        new("inverse-j", [], DataDriven: false, static (_, _) => AttributionModels.InverseJ()) { InDemo = false },
        new("w-shaped", [], DataDriven: false, static (_, _) => AttributionModels.WShaped()) { InDemo = false, NeedsStages = true },
        new("full-path", [], DataDriven: false, static (_, _) => AttributionModels.FullPath()) { InDemo = false, NeedsStages = true },
        new("milestones", [], DataDriven: false, static (s, _) => AttributionModels.Milestones(s.Milestones)) { InDemo = false, NeedsStages = true },
        new("markov", [], DataDriven: true, static (s, d) => Fit("markov", d, paths => MarkovChain.Fit(paths, s.Markov))) { InDemo = false },
        new("shapley", [], DataDriven: true, static (s, d) => Fit("shapley", d, paths => ShapleyAttribution.Fit(paths, s.Shapley))) { InDemo = false },
    ];

    /// <summary>Gets the canonical names of every model.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registrations.Select(static r => r.Name)];

    /// <summary>Gets the canonical names of the rule-based models the demo runs, in its order (the milestone models need
    /// stages, the presets are u-shaped variants).</summary>
    public static IReadOnlyList<string> RuleBasedNames { get; } = [.. Registrations.Where(static r => r.InDemo).Select(static r => r.Name)];

    /// <summary>Whether the model with a canonical name credits funnel milestones and so needs <c>--stages</c>.</summary>
    public static bool NeedsStages(string canonicalName) => Find(canonicalName).NeedsStages;

    /// <summary>Gets the canonical names of the models that learn from the data (Markov chain, Shapley).</summary>
    public static IReadOnlyList<string> DataDrivenNames { get; } = [.. Registrations.Where(static r => r.DataDriven).Select(static r => r.Name)];

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

    /// <summary>Whether the model with a canonical name learns from the data.</summary>
    public static bool IsDataDriven(string canonicalName) => Find(canonicalName).DataDriven;

    /// <summary>Creates the model with a canonical name from <see cref="Resolve"/>, training it on <paramref name="data"/> when it is data-driven.</summary>
    /// <exception cref="CliException">A data-driven model cannot learn from the data (exit code 1).</exception>
    public static IAttributionModel Create(string canonicalName, ModelSettings settings, TrainingData data)
        => Find(canonicalName).Create(settings, data);

    /// <summary>Creates the rule-based model with a canonical name; it needs no data, so it can be checked before any is read.</summary>
    /// <exception cref="ArgumentException">The model is data-driven.</exception>
    public static IAttributionModel CreateRuleBased(string canonicalName, ModelSettings settings)
    {
        var registration = Find(canonicalName);
        if (registration.DataDriven)
        {
            throw new ArgumentException($"'{canonicalName}' learns from data; call Create.", nameof(canonicalName));
        }

        return registration.Create(settings, null!);
    }

    private static ModelRegistration Find(string canonicalName)
    {
        foreach (var registration in Registrations)
        {
            if (registration.Name == canonicalName)
            {
                return registration;
            }
        }

        throw new ArgumentException($"'{canonicalName}' is not a canonical model name; call Resolve first.", nameof(canonicalName));
    }

    private static IAttributionModel Fit(string name, TrainingData data, Func<PathSet, IAttributionModel> fit)
    {
        if (data.Kinds.Count == 1)
        {
            return FitKind(name, data, data.Kinds[0], fit);
        }

        // Leads and orders answer different questions: one model per kind, each kind's conversions weighed by its own.
        var models = new Dictionary<string, IAttributionModel>(StringComparer.Ordinal);
        foreach (var kind in data.Kinds)
        {
            // A kind without a converting path has no conversion with an eligible touch: the model is never asked to
            // weigh one, and there is nothing to learn.
            if (data.PathsOf(kind).TotalConversions > 0)
            {
                models.Add(kind, FitKind(name, data, kind, fit));
            }
        }

        if (models.Count == 0)
        {
            return FitKind(name, data, data.Kinds[0], fit);
        }

        return new PerKindModel(models.Values.First().Name, models);
    }

    private static IAttributionModel FitKind(string name, TrainingData data, string kind, Func<PathSet, IAttributionModel> fit)
    {
        try
        {
            return fit(data.PathsOf(kind));
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            // The trainers reject data they cannot learn from (no walks at all, too many channels): a fact of the input.
            var what = data.Kinds.Count == 1 ? string.Empty : $" (conversions of kind '{kind}')";
            throw CliException.BadData($"--model {name}: cannot learn from '{data.Source}'{what}: {MessageOf(e)}");
        }
    }

    /// <summary>The message of an argument error without the " (Parameter 'x')" suffix, which means nothing to a user.</summary>
    internal static string MessageOf(ArgumentException e)
    {
        var message = e.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }

    private sealed record ModelRegistration(string Name, string[] Aliases, bool DataDriven, Func<ModelSettings, TrainingData, IAttributionModel> Create)
    {
        public bool InDemo { get; init; } = true;

        public bool NeedsStages { get; init; }
    }
}
