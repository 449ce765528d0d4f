using System.CommandLine;
using Attribution.Cli.Output;
using Attribution.IO;
using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary>The <c>--spend FILE</c> and <c>--currency CODE</c> options, shared by <c>attribute</c> and <c>report</c>.</summary>
internal sealed record SpendOptions(Option<string?> Spend, Option<string?> Currency)
{
    public static SpendOptions Create() => new(
        new Option<string?>("--spend")
        {
            Description = "A spend CSV (channel,campaign,date,cost) to match to credit: spend, ROAS, ROI and CPA per channel or campaign.",
            HelpName = "FILE",
        },
        new Option<string?>("--currency")
        {
            Description = "The currency of the spend file's costs, for example EUR; a currency column in the file must agree.",
            HelpName = "CODE",
        });

    /// <summary>Reads the spend file, or returns null when <c>--spend</c> is not given.</summary>
    public SpendTable? Load(ParseResult parseResult)
    {
        var path = parseResult.GetValue(Spend);
        var currency = parseResult.GetValue(Currency);
        if (path is null)
        {
            if (currency is not null)
            {
                throw CliException.Usage("--currency applies to --spend, which is not given.");
            }

            return null;
        }

        var table = InputFile.Read("--spend", path, (stream, name) => SpendCsvReader.Read(stream, new SpendCsvOptions { Currency = currency }, name));
        FiniteNumbers.Require(table, path);
        return table;
    }

    /// <summary>Warns on standard error about every spend channel or campaign that never occurs in the data, with the
    /// closest name: <c>Email</c> against <c>email</c> is a typo, not a channel that earned nothing.</summary>
    public static void WarnUnknownNames(SpendTable spend, JourneySet journeys, CliContext context)
    {
        var channels = new HashSet<string>(journeys.Channels, StringComparer.Ordinal);
        foreach (var line in spend.ByChannel)
        {
            if (!channels.Contains(line.Key))
            {
                context.Warn($"--spend: channel '{line.Key}' never occurs in the input{Hint(line.Key, journeys.Channels)}; its spend is reported on a row of its own, with no credit.");
            }
        }

        var campaigns = new HashSet<string>(journeys.Campaigns, StringComparer.Ordinal);
        foreach (var line in spend.ByCampaign)
        {
            if (!campaigns.Contains(line.Key))
            {
                context.Warn($"--spend: campaign '{line.Key}' never occurs in the input{Hint(line.Key, journeys.Campaigns)}; its spend is reported on a row of its own, with no credit.");
            }
        }
    }

    private static string Hint(string name, IReadOnlyList<string> known)
        => Suggestions.Closest(name, known) is { } closest ? $" (the closest name in the data is '{closest}')" : string.Empty;
}
