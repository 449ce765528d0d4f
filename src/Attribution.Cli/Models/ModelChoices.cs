using System.Globalization;
using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>One <c>--model</c> entry: the name its report rows show, the canonical model, and the arguments after ':' (null
/// when none were given, so the shared options such as <c>--half-life</c> apply).</summary>
internal sealed record ModelChoice(string Name, string Model, string? Arguments);

/// <summary>Reads <c>--model</c> values: <c>NAME</c>, <c>NAME,NAME</c>, <c>MODEL:ARGS</c> and <c>NAME=MODEL[:ARGS]</c>, and turns
/// each into a <see cref="ModelDefinition"/> with its own settings.</summary>
/// <remarks>ARGS per model: <c>u-shaped</c>, <c>j-shaped</c>, <c>inverse-j</c> positions <c>f,m,l</c> (a u-shaped model with those
/// ratios); <c>time-decay</c> a half-life (<c>3d</c>); <c>channel-weights</c> (alias <c>custom</c>) channel weights <c>a=2,b=1</c>; <c>milestones</c> weights
/// <c>first=0.3,lead=0.3,rest=0.1</c>; <c>markov</c> an order (<c>2</c>). The other models take none.</remarks>
internal static class ModelChoices
{
    /// <summary>Parses the values of <c>--model</c> (or of a config file's entries); two entries with one name are a usage error.</summary>
    public static List<ModelChoice> Parse(string option, IEnumerable<string> texts)
    {
        var choices = new List<ModelChoice>();
        foreach (var text in texts)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (colon < 0 && eq < 0)
            {
                // Plain names may be listed with commas: --model linear,time-decay.
                foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var model = ModelFactory.Resolve(item, option);
                    Add(option, choices, new ModelChoice(model, model, null));
                }

                continue;
            }

            string? name = null;
            var rest = text;
            if (eq >= 0 && (colon < 0 || eq < colon))
            {
                name = text[..eq].Trim();
                rest = text[(eq + 1)..];
                if (name.Length == 0)
                {
                    throw CliException.Usage($"{option}: '{text}' has no name before '='; write NAME=MODEL[:ARGS], for example early=u-shaped:0.5,0.3,0.2.");
                }

                colon = rest.IndexOf(':', StringComparison.Ordinal);
            }

            var modelText = colon < 0 ? rest : rest[..colon];
            var arguments = colon < 0 ? null : rest[(colon + 1)..].Trim();
            var canonical = ModelFactory.Resolve(modelText, option);
            if (arguments is { Length: 0 })
            {
                throw CliException.Usage($"{option}: '{text}' has nothing after ':'; leave out the ':' for the model's defaults.");
            }

            Add(option, choices, new ModelChoice(name ?? canonical, canonical, arguments));
        }

        return choices;
    }

    /// <summary>Gives each choice its settings: its own arguments, or <paramref name="shared"/> when it has none.</summary>
    /// <param name="option">The option named in errors.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="shared">The settings the shared options (<c>--half-life</c>, <c>--positions</c> …) gave.</param>
    /// <param name="stages">The funnel's stages, against which milestone weights are checked.</param>
    public static List<ModelDefinition> Define(string option, IEnumerable<ModelChoice> choices, ModelSettings shared, IReadOnlyList<string> stages)
    {
        var definitions = new List<ModelDefinition>();
        foreach (var choice in choices)
        {
            if (AttributionModels.NeedsStages(choice.Model) && stages.Count == 0)
            {
                throw CliException.Usage($"{option} {choice.Name}: {choice.Model} credits funnel milestones and needs the funnel's stages (--stages KIND,KIND,... or \"stages\" in --config, for example lead,opportunity,order).");
            }

            var (model, settings) = choice.Arguments is null ? (choice.Model, shared) : WithArguments(option, choice, shared, stages);
            definitions.Add(new ModelDefinition(choice.Name, model, settings));
        }

        return definitions;
    }

    /// <summary>Parses <c>first=0.3,lead=0.3,opportunity=0.3,rest=0.1</c>: keys <c>first</c>, <c>rest</c> and the names of
    /// <paramref name="stages"/>, weights finite and ≥ 0; a stage left out is no milestone.</summary>
    /// <exception cref="CliException">A key is no stage (the message lists the keys), or a weight is bad.</exception>
    public static MilestoneModelOptions ParseMilestoneWeights(string option, IEnumerable<string> texts, IReadOnlyList<string> stages)
        => Attribution.IO.Internal.MilestoneWeights.Build(
            OptionParsers.ParseChannelWeights(option, texts),
            stages,
            (key, keys) =>
            {
                var funnel = stages.Count == 0 ? "no --stages are given" : "the stages are " + string.Join(", ", stages);
                return CliException.Usage($"{option}: '{key}' is neither first, rest nor a stage{Suggestions.Hint(key, keys)}; {funnel}, so the keys are {string.Join(", ", keys)}.");
            });

    private static (string Model, ModelSettings Settings) WithArguments(string option, ModelChoice choice, ModelSettings shared, IReadOnlyList<string> stages)
    {
        var where = $"{option} {choice.Name}={choice.Model}:{choice.Arguments}";
        var arguments = choice.Arguments!;
        switch (choice.Model)
        {
            case "u-shaped" or "j-shaped" or "inverse-j":
                // The presets are u-shaped ratios: with their own ratios they are a u-shaped model under the entry's name.
                return ("u-shaped", shared with { UShaped = OptionParsers.ParsePositions(where, arguments) });
            case "time-decay":
                return (choice.Model, shared with { TimeDecay = new TimeDecayModelOptions { HalfLife = OptionParsers.ParseDuration(where, arguments) } });
            case "channel-weights":
                return (choice.Model, shared with { ChannelWeights = new ChannelWeightsModelOptions { Weights = OptionParsers.ParseChannelWeights(where, [arguments]) } });
            case "milestones":
                return (choice.Model, shared with { Milestones = ParseMilestoneWeights(where, [arguments], stages) });
            case "markov":
                if (!int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order < 1 || order > Commands.DataOptions.MaxOrder)
                {
                    throw CliException.Usage($"{where}: the order must be a whole number from 1 to {Commands.DataOptions.MaxOrder}.");
                }

                return (choice.Model, shared with { Markov = shared.Markov with { Order = order } });
            default:
                throw CliException.Usage($"{where}: {choice.Model} takes no arguments; models with arguments: u-shaped, j-shaped, inverse-j (f,m,l), time-decay (half-life), channel-weights (channel=weight,...), milestones (first=W,STAGE=W,rest=W), markov (order).");
        }
    }

    private static void Add(string option, List<ModelChoice> choices, ModelChoice choice)
    {
        if (choices.Any(c => string.Equals(c.Name, choice.Name, StringComparison.Ordinal)))
        {
            throw CliException.Usage($"{option}: '{choice.Name}' is given twice; each model in a report needs its own name (NAME=MODEL gives one).");
        }

        choices.Add(choice);
    }
}
