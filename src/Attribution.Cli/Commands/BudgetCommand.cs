using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution budget --input FILE --model NAME --spend FILE --budget AMOUNT [--elasticity B] [--min M --max M]</c>:
/// a what-if that shares a budget among the channels under one model's credit (see <see cref="BudgetWhatIf"/>).</summary>
internal static class BudgetCommand
{
    public static Command Create(CliContext context)
    {
        var format = Grid.CreateFormat();
        var output = Grid.CreateOutput("Write the plan to this file instead of standard output.");
        var spend = SpendOptions.Create();
        spend.Spend.Required = true;
        var budget = new Option<string>("--budget")
        {
            Description = "The total spend to share among the channels that have spend now.",
            HelpName = "AMOUNT",
            Required = true,
        };
        var elasticity = new Option<string?>("--elasticity")
        {
            Description = "β in v = v0 · (s / s0)^β: how a channel's credited value is assumed to respond to its spend; 0 < β ≤ 1 (default 0.5).",
            HelpName = "BETA",
        };
        var min = new Option<string?>("--min")
        {
            Description = "The least a channel may spend, as a multiple of its current spend (default 0: no lower bound).",
            HelpName = "MULTIPLE",
        };
        var max = new Option<string?>("--max")
        {
            Description = "The most a channel may spend, as a multiple of its current spend (default: no upper bound).",
            HelpName = "MULTIPLE",
        };
        return AttributeCommand.CreateCore(
            context,
            "budget",
            "What-if, not a forecast: share a budget among the channels so that the value expected under v = v0 · (s / s0)^β is largest, from one model's credit and the current spend.",
            [spend.Spend, spend.Currency, budget, elasticity, min, max, format, output],
            includeTouchpoints: false,
            parseResult =>
            {
                RequireOneModel(parseResult);
                var options = ParseOptions(parseResult, budget, elasticity, min, max);
                var target = Grid.Resolve(parseResult, format, output, context);
                var spendPath = parseResult.GetValue(spend.Spend)!;
                var spendTable = spend.Load(parseResult)!;
                return (report, eligible) =>
                {
                    // A budget is planned for one kind's value: a lead's value and an order's are never added together.
                    var kinds = report.Results[0].Kinds.Select(static k => k.Kind).ToList();
                    var kind = eligible.Kinds switch
                    {
                        { Count: 1 } one => one[0],
                        { Count: > 1 } => throw CliException.Usage("--conversion: budget plans the value of one conversion kind; name one."),
                        _ when kinds.Count == 1 => kinds[0],
                        _ => throw CliException.Usage($"the data has several conversion kinds ({string.Join(", ", kinds)}) and a budget is planned for the value of one; give --conversion KIND."),
                    };
                    var plan = Plan(report.Results[0], spendTable, spendPath, options, kind);
                    BudgetReportWriter.Write(target, plan, spendTable.Currency, context);
                };
            });
    }

    // One plan shares one budget; several models would be several contradictory plans in one output.
    private static void RequireOneModel(ParseResult parseResult)
    {
        // A variant's arguments may hold commas (early=u-shaped:0.5,0.3,0.2), so entries are counted as --model reads them;
        // budget takes its one model on the command line.
        var models = Models.ModelChoices.Parse("--model", parseResult.GetValue<string[]>("--model") ?? []).Count
            + (parseResult.GetValue<string[]>("--model-file") ?? []).Length;
        if (models != 1)
        {
            throw CliException.Usage($"--model: budget plans one model at a time; give exactly one --model (or one --model-file), not {models}.");
        }
    }

    private static BudgetWhatIfOptions ParseOptions(ParseResult parseResult, Option<string> budget, Option<string?> elasticity, Option<string?> min, Option<string?> max)
    {
        try
        {
            var options = new BudgetWhatIfOptions { Budget = OptionParsers.ParseNumber(budget.Name, parseResult.GetValue(budget)!) };
            if (parseResult.GetValue(elasticity) is { } beta)
            {
                options = options with { Elasticity = OptionParsers.ParseNumber(elasticity.Name, beta) };
            }

            if (parseResult.GetValue(min) is { } low)
            {
                options = options with { MinMultiplier = OptionParsers.ParseNumber(min.Name, low) };
            }

            if (parseResult.GetValue(max) is { } high)
            {
                options = options with { MaxMultiplier = OptionParsers.ParseNumber(max.Name, high) };
            }

            if (options.MinMultiplier > options.MaxMultiplier)
            {
                throw CliException.Usage($"--min: {parseResult.GetValue(min)} is above --max {parseResult.GetValue(max)}.");
            }

            return options;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw CliException.Usage($"{OptionOf(e.ParamName)}: {ModelFactory.MessageOf(e)}");
        }
    }

    private static BudgetPlan Plan(AttributionResult result, SpendTable spend, string spendPath, BudgetWhatIfOptions options, string kind)
    {
        try
        {
            return BudgetWhatIf.Plan(result, spend, options, kind);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The budget fits the options but not the channels' spend: Σ min × s0 ≤ budget ≤ Σ max × s0.
            throw CliException.Usage($"{OptionOf(e.ParamName)}: {ModelFactory.MessageOf(e)}");
        }
        catch (ArgumentException e)
        {
            throw CliException.BadData($"--spend: '{spendPath}': {ModelFactory.MessageOf(e)}");
        }
    }

    private static string OptionOf(string? parameter) => parameter switch
    {
        nameof(BudgetWhatIfOptions.Elasticity) => "--elasticity",
        nameof(BudgetWhatIfOptions.MinMultiplier) => "--min",
        nameof(BudgetWhatIfOptions.MaxMultiplier) => "--max",
        _ => "--budget",
    };
}
