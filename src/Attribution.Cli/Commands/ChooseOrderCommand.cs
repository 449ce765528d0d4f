using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.DataDriven;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution choose-order --paths FILE [--max-order 5]</c>: scores Markov orders out of sample and marks the best.</summary>
internal static class ChooseOrderCommand
{
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var maxOrder = OptionParsers.WholeNumber(
            new Option<int>("--max-order")
            {
                Description = "The highest order to score (default 5).",
                HelpName = "N",
                DefaultValueFactory = static _ => 5,
            },
            1,
            DataOptions.MaxOrder);
        var folds = OptionParsers.WholeNumber(
            new Option<int>("--folds")
            {
                Description = "The number of cross-validation folds (default 5, at least 2).",
                HelpName = "N",
                DefaultValueFactory = static _ => 5,
            },
            2,
            int.MaxValue);
        var seed = OptionParsers.WholeNumber(
            new Option<int>("--seed")
            {
                Description = "Seeds the assignment of paths to folds (default 1).",
                HelpName = "N",
                DefaultValueFactory = static _ => 1,
            },
            int.MinValue,
            int.MaxValue);
        var format = Grid.CreateFormat();
        var output = Grid.CreateOutput("Write to this file instead of standard output.");
        var command = new Command(
            "choose-order",
            "Score Markov chains of orders 1 to --max-order by out-of-sample AUC, penalised for their number of states, and mark the best.")
        {
            maxOrder, folds, seed, format, output,
        };
        data.AddTo(command);

        command.SetAction(parseResult =>
        {
            var highest = parseResult.GetValue(maxOrder);
            var foldCount = parseResult.GetValue(folds);

            var target = Grid.Resolve(parseResult, format, output, context);
            var training = data.Load(parseResult, context);
            IReadOnlyList<MarkovOrderScore> scores;
            try
            {
                scores = MarkovChain.ChooseOrder(training.PathsOf(training.Kinds[0]), highest, foldCount, parseResult.GetValue(seed));
            }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
            {
                throw CliException.BadData($"cannot choose an order from '{training.Source}': {ModelFactory.MessageOf(e)}");
            }

            context.ThrowIfCancelled();

            // The best order has the highest penalised AUC; a tie goes to the lower, simpler order.
            var best = 0;
            for (var i = 1; i < scores.Count; i++)
            {
                if (scores[i].PenalizedAuc > scores[best].PenalizedAuc)
                {
                    best = i;
                }
            }

            Grid.Write(
                target,
                ["order", "states", "auc", "penalized_auc", "best"],
                [.. scores.Select((s, i) => new object[] { s.Order, s.StateCount, s.Auc, s.PenalizedAuc, i == best })],
                training.Source,
                context);
            return ExitCodes.Success;
        });

        return command;
    }
}
