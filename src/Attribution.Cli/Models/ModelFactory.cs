using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>The CLI's face of the library's model registry (<see cref="AttributionModels"/>): names on the command line
/// become usage errors with a "did you mean", and a data-driven model that cannot learn from the input a data error.</summary>
internal static class ModelFactory
{
    /// <summary>Gets the canonical names of every model.</summary>
    public static IReadOnlyList<string> Names => AttributionModels.Names;

    /// <summary>Gets the canonical names of the rule-based models the demo runs, in its order (the milestone models need
    /// stages, the presets are u-shaped variants).</summary>
    public static IReadOnlyList<string> RuleBasedNames { get; } = ["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights"];

    /// <summary>Gets the canonical names of the models that learn from the data (Markov chain, Shapley).</summary>
    public static IReadOnlyList<string> DataDrivenNames => AttributionModels.DataDrivenNames;

    /// <summary>Resolves a name or alias (case-insensitive) to the canonical name.</summary>
    /// <exception cref="CliException">The name is unknown.</exception>
    public static string Resolve(string name, string option = "--model")
        => AttributionModels.TryGetCanonicalName(name, out var canonical)
            ? canonical
            : throw CliException.Usage($"{option}: unknown model '{name.Trim()}'{Suggestions.Hint(name.Trim(), Names)}; known models: {string.Join(", ", Names)} (aliases position-based for u-shaped, custom for channel-weights).");

    /// <summary>Whether the model with a canonical name learns from the data.</summary>
    public static bool IsDataDriven(string canonicalName) => AttributionModels.IsDataDriven(canonicalName);

    /// <summary>Whether the model with a canonical name credits funnel milestones and so needs stages.</summary>
    public static bool NeedsStages(string canonicalName) => AttributionModels.NeedsStages(canonicalName);

    /// <summary>Creates the model with a canonical name from <see cref="Resolve"/>, training it on <paramref name="data"/> when it is data-driven.</summary>
    /// <exception cref="CliException">A data-driven model cannot learn from the data (exit code 1).</exception>
    public static IAttributionModel Create(string canonicalName, ModelSettings settings, TrainingData data)
        => Create(new ModelDefinition(canonicalName, canonicalName, settings), data);

    /// <summary>Creates the model a definition names, training it on <paramref name="data"/> when it is data-driven.</summary>
    /// <exception cref="CliException">A data-driven model cannot learn from the data (exit code 1).</exception>
    public static IAttributionModel Create(ModelDefinition definition, TrainingData data)
    {
        if (!definition.IsDataDriven)
        {
            return definition.Create();
        }

        if (data.Kinds.Count == 1)
        {
            return FitKind(definition, data, data.Kinds[0]);
        }

        // Leads and orders answer different questions: one model per kind, each kind's conversions weighed by its own.
        var models = new Dictionary<string, IAttributionModel>(StringComparer.Ordinal);
        foreach (var kind in data.Kinds)
        {
            // A kind without a converting path has no conversion with an eligible touch: the model is never asked to
            // weigh one, and there is nothing to learn.
            if (data.PathsOf(kind).TotalConversions > 0)
            {
                models.Add(kind, FitKind(definition, data, kind));
            }
        }

        if (models.Count == 0)
        {
            return FitKind(definition, data, data.Kinds[0]);
        }

        return new PerKindModel(models.Values.First().Name, models);
    }

    private static IAttributionModel FitKind(ModelDefinition definition, TrainingData data, string kind)
    {
        try
        {
            return definition.Create(data.PathsOf(kind));
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            // The trainers reject data they cannot learn from (no walks at all, too many channels): a fact of the input.
            var what = data.Kinds.Count == 1 ? string.Empty : $" (conversions of kind '{kind}')";
            throw CliException.BadData($"--model {definition.Model}: cannot learn from '{data.Source}'{what}: {MessageOf(e)}");
        }
    }

    /// <summary>Creates the rule-based model with a canonical name; it needs no data, so it can be checked before any is read.</summary>
    /// <exception cref="ArgumentException">The model is data-driven.</exception>
    public static IAttributionModel CreateRuleBased(string canonicalName, ModelSettings settings)
        => AttributionModels.Create(canonicalName, settings);

    /// <summary>The message of an argument error without the " (Parameter 'x')" suffix, which means nothing to a user.</summary>
    internal static string MessageOf(ArgumentException e)
    {
        var message = e.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }
}
