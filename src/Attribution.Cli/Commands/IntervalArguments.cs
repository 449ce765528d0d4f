using System.CommandLine;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>--intervals LEVEL [--resamples N] [--seed N]</c>: bootstrap confidence intervals beside the credit
/// (<see cref="BootstrapIntervals"/>), for <c>attribute</c> and <c>report</c>.</summary>
internal sealed class IntervalArguments(Func<ParseResult, bool> campaigns)
{
    public Option<string?> Level { get; } = new("--intervals")
    {
        Description = "Add bootstrap percentile intervals at this confidence level (for example 0.9) to the credited conversions, value and share of every model: data-driven models are fitted again on every resample.",
        HelpName = "LEVEL",
    };

    public Option<int?> Resamples { get; } = OptionParsers.WholeNumber(
        new Option<int?>("--resamples")
        {
            Description = "With --intervals: the number of bootstrap resamples (default 200).",
            HelpName = "N",
        },
        2,
        100_000);

    public Option<int?> Seed { get; } = OptionParsers.WholeNumber(
        new Option<int?>("--seed")
        {
            Description = "With --intervals: the seed of the resamples (default 1); the same seed gives the same intervals on any number of threads.",
            HelpName = "N",
        },
        int.MinValue,
        int.MaxValue);

    public IEnumerable<Option> All => [Level, Resamples, Seed];

    /// <summary>Whether <c>--intervals</c> was given.</summary>
    public bool Given(ParseResult parseResult) => parseResult.GetValue(Level) is not null;

    /// <summary>Reads the options: null without <c>--intervals</c>; a bad level, or <c>--resamples</c> or <c>--seed</c>
    /// alone, is a usage error naming the option.</summary>
    public IntervalOptions? Parse(ParseResult parseResult)
    {
        var text = parseResult.GetValue(Level);
        if (text is null)
        {
            if (parseResult.GetValue(Resamples) is not null)
            {
                throw CliException.Usage("--resamples applies to --intervals, which was not given.");
            }

            if (parseResult.GetValue(Seed) is not null)
            {
                throw CliException.Usage("--seed applies to --intervals, which was not given.");
            }

            return null;
        }

        var level = OptionParsers.ParseNumber(Level.Name, text);
        if (!(level > 0 && level < 1))
        {
            throw CliException.Usage($"--intervals: the confidence level must lie strictly between 0 and 1 (for example 0.9), got '{text.Trim()}'.");
        }

        var defaults = new IntervalOptions();
        return new IntervalOptions
        {
            Level = level,
            Resamples = parseResult.GetValue(Resamples) ?? defaults.Resamples,
            Seed = parseResult.GetValue(Seed) ?? defaults.Seed,
            IncludeCampaigns = campaigns(parseResult),
        };
    }
}
