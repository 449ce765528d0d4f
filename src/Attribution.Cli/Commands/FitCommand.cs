using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.DataDriven;
using Attribution.Models;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution fit --paths FILE --model markov [--order 3] --save model.json</c>: trains a data-driven model and saves it as JSON.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var model = new Option<string>("--model")
        {
            Description = $"The data-driven model to fit: {string.Join(" or ", ModelFactory.DataDrivenNames)}.",
            HelpName = "NAME",
            Required = true,
        };
        var order = OptionParsers.WholeNumber(
            new Option<int?>("--order")
            {
                Description = "The markov model's order (default 1).",
                HelpName = "N",
            },
            1,
            DataOptions.MaxOrder);
        var save = ReportOptions.RequiredFile("--save", "The JSON file to write; 'attribution attribute --model-file FILE' applies it to an event log.");
        var command = new Command("fit", "Fit a data-driven model (markov, shapley) on a path file or an event log and save it as JSON.")
        {
            model, order, save,
        };
        data.AddTo(command);

        command.SetAction(parseResult =>
        {
            var name = ModelFactory.Resolve(parseResult.GetValue(model)!);
            if (!ModelFactory.IsDataDriven(name))
            {
                throw CliException.Usage($"--model: '{name}' is rule-based and has nothing to fit; fit one of {string.Join(", ", ModelFactory.DataDrivenNames)}.");
            }

            var settings = new ModelSettings();
            var orderValue = parseResult.GetValue(order);
            if (orderValue is not null)
            {
                if (name != "markov")
                {
                    throw CliException.Usage($"--order applies to --model markov, not {name}.");
                }

                settings = settings with { Markov = new MarkovOptions { Order = orderValue.Value } };
            }

            var file = ReportOptions.GetFile(parseResult, save);

            var training = data.Load(parseResult, context);
            using var progress = context.Progress is null ? null : new ProgressDisplay(context.Progress, training.Source);
            var fitting = progress is null ? settings : settings with { Markov = settings.Markov with { Progress = progress } };
            var fitted = ModelFactory.Create(name, fitting, training);
            progress?.Dispose();
            context.ThrowIfCancelled();
            var (json, summary) = fitted switch
            {
                MarkovModel markov => (markov.ToJson(), $"{markov.Channels.Count} channels, {markov.StateCount} states"),
                ShapleyModel shapley => (shapley.ToJson(), $"{shapley.Channels.Count} channels"),
                _ => throw new InvalidOperationException($"Model '{fitted.Name}' cannot be saved."),
            };

            if (training.Journeys is not null)
            {
                json = ModelFile.WithConversionKind(json, training.Kinds[0]);
            }

            context.WriteFile("--save", file, writer => writer.Write(json + "\n"));
            var of = training.Journeys is null ? string.Empty : $" (conversions of kind '{training.Kinds[0]}')";
            context.WriteOut($"Fitted {fitted.Name} ({summary}) on '{training.Source}'{of}; saved to {file}\n");
            return ExitCodes.Success;
        });

        return command;
    }
}
