using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.DataDriven;
using Attribution.Models;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution markov --paths FILE [--order 2] --removal-effects | --transitions</c>: looks inside a fitted Markov chain.</summary>
internal static class MarkovCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var order = OptionParsers.WholeNumber(
            new Option<int?>("--order")
            {
                Description = "The chain's order: how many previous channels a state remembers (default 1).",
                HelpName = "N",
            },
            1,
            DataOptions.MaxOrder);
        var removalEffects = new Option<bool>("--removal-effects")
        {
            Description = "Print channel,removal_effect,value_removal_effect,conversions,value (the default).",
        };
        var transitions = new Option<bool>("--transitions")
        {
            Description = "Print the transition matrix as from,to,count,probability, one row per non-zero transition.",
        };
        var format = Grid.CreateFormat();
        var output = Grid.CreateOutput("Write to this file instead of standard output.");
        var command = new Command("markov", "Fit a Markov chain and print its removal effects or its transition matrix.")
        {
            order, removalEffects, transitions, format, output,
        };
        data.AddTo(command);

        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(removalEffects) && parseResult.GetValue(transitions))
            {
                throw CliException.Usage("--removal-effects and --transitions: give one of them, not both.");
            }

            var target = Grid.Resolve(parseResult, format, output, context);
            var settings = new ModelSettings();
            var orderValue = parseResult.GetValue(order);
            if (orderValue is not null)
            {
                settings = settings with { Markov = new MarkovOptions { Order = orderValue.Value } };
            }

            var training = data.Load(parseResult, context);
            // Thousands of channels (campaign-level chains) take a while: show the solve's steps on a terminal, as fit does.
            using var progress = context.Progress is null ? null : new ProgressDisplay(context.Progress, training.Source);
            var fitting = progress is null ? settings : settings with { Markov = settings.Markov with { Progress = progress } };
            var model = (MarkovModel)ModelFactory.Create("markov", fitting, training);
            progress?.Dispose();
            context.ThrowIfCancelled();
            if (parseResult.GetValue(transitions))
            {
                Grid.Write(
                    target,
                    ["from", "to", "count", "probability"],
                    [.. model.Transitions.Select(static t => new object[] { t.From, t.To, t.Count, t.Probability })],
                    training.Source,
                    context);
            }
            else
            {
                Grid.Write(
                    target,
                    ["channel", "removal_effect", "value_removal_effect", "conversions", "value"],
                    [.. model.Results.Select(static r => new object[] { r.Channel, r.RemovalEffect, r.ValueRemovalEffect, r.AttributedConversions, r.AttributedValue })],
                    training.Source,
                    context);
            }

            return ExitCodes.Success;
        });

        return command;
    }
}
