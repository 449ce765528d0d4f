using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution explain --input FILE --journey ID --model NAME [--format text|json]</c>: why one model credits one
/// journey as it does (see <see cref="AttributionEngine.Explain"/>).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var journey = new Option<string>("--journey")
        {
            Description = "The id of the journey to explain (its journey_id in the input).",
            HelpName = "ID",
            Required = true,
        };
        var format = new Option<string?>("--format")
        {
            Description = "text (the default) or json.",
            HelpName = "text|json",
        };
        var output = Grid.CreateOutput("Write the explanation to this file instead of standard output.");
        return AttributeCommand.CreateCore(
            context,
            "explain",
            "Explain one journey under one model: for each conversion, the eligible touches and why the others are not (lookback, reset, excluded channel, period), and each touch's weight, share and credited value with the model's reason.",
            [journey, format, output],
            includeTouchpoints: false,
            prepare: null,
            prepareModels: parseResult =>
            {
                RequireOneModel(parseResult);
                var id = parseResult.GetValue(journey)!.Trim();
                var file = parseResult.GetValue(output);
                ReportOptions.RejectEmptyFile(output.Name, file);
                var json = OutputFormats.Choose(parseResult.GetValue(format), file, ["text", "json"], "text") == "json";
                var input = parseResult.GetValue<string>("--input")!;
                return (journeys, models, eligible) =>
                {
                    var explanation = Explain(journeys, Find(journeys, id, input), models[0], eligible);
                    context.Write("--output", file, text =>
                    {
                        if (json)
                        {
                            ExplanationWriter.WriteJson(text, explanation);
                        }
                        else
                        {
                            text.Write(explanation.ToString());
                            text.Write('\n');
                        }
                    });
                };
            });
    }

    private static JourneyExplanation Explain(JourneySet journeys, int index, IAttributionModel model, EligibilitySettings eligible)
    {
        var engine = new AttributionEngine(eligible.Options);
        var journey = journeys.GetJourney(index);
        var explanation = engine.Explain(journey, model);

        // A data-driven model is one fitted model per kind: each conversion is explained by its own kind's model (the
        // windows do not depend on the model), and a kind without one stays unattributed, as in a run.
        if (model is PerKindModel perKind)
        {
            var byKind = perKind.Models.ToDictionary(static m => m.Key, m => engine.Explain(journey, m.Value), StringComparer.Ordinal);
            explanation = explanation with
            {
                Conversions = [.. explanation.Conversions.Select(c => byKind.TryGetValue(c.Conversion.Kind, out var own) ? own.Conversions[c.Index] : c)],
            };
        }

        return eligible.Kinds is { } kinds
            ? explanation with { Conversions = [.. explanation.Conversions.Where(c => kinds.Contains(c.Conversion.Kind))] }
            : explanation;
    }

    private static int Find(JourneySet journeys, string id, string path)
    {
        var ids = journeys.JourneyIds;
        for (var j = 0; j < ids.Count; j++)
        {
            if (string.Equals(ids[j], id, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw CliException.Usage($"--journey: journey '{id}' does not occur in '{path}'{Suggestions.Hint(id, ids)}.");
    }

    // One explanation follows one model's arithmetic; several would be several documents in one output.
    private static void RequireOneModel(ParseResult parseResult)
    {
        // A variant's arguments may hold commas (early=u-shaped:0.5,0.3,0.2), so entries are counted as --model reads them.
        var models = ModelChoices.Parse("--model", parseResult.GetValue<string[]>("--model") ?? []).Count
            + (parseResult.GetValue<string[]>("--model-file") ?? []).Length;
        if (models != 1)
        {
            throw CliException.Usage($"--model: explain follows one model; give exactly one --model (or one --model-file), not {models}.");
        }
    }
}
