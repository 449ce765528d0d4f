using System.CommandLine;
using System.Globalization;
using Attribution.B2B;
using Attribution.IO;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution accounts --input FILE --accounts people.csv [--stages lead,opportunity,order] [--by campaign|channel]</c>:
/// how each account engaged with each campaign — touches, people, first and last engagement, touches per stage.</summary>
internal static class AccountsCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input")
        {
            Description = "The event-log CSV: journey_id,timestamp,channel,campaign,conversion,value,conversion_id.",
            HelpName = "FILE",
            Required = true,
        };
        var stages = new Option<string[]>("--stages")
        {
            Description = "The funnel: conversion kinds in order, for example lead,opportunity,order; touches are counted by the account's stage at the touch (its latest stage conversion before it).",
            HelpName = "KIND,...",
        };
        var by = new Option<string?>("--by")
        {
            Description = "Rows per account and campaign (the default; touches without a campaign count as (none)) or per account and channel.",
            HelpName = "campaign|channel",
        };
        var format = Grid.CreateFormat();
        var output = Grid.CreateOutput("Write the report to this file instead of standard output.");
        var accounts = new AccountOptions();
        var command = new Command("accounts", "Report how each account engaged: per account and campaign (or channel), touches, distinct people, first and last engagement, and touches per stage.")
        {
            input, stages, by, format, output,
        };
        accounts.AddTo(command, contactRoles: false);

        command.SetAction(parseResult =>
        {
            var byCampaign = parseResult.GetValue(by)?.Trim().ToLowerInvariant() switch
            {
                null or "campaign" => true,
                "channel" => false,
                _ => throw CliException.Usage($"--by: '{parseResult.GetValue(by)}' is not a grouping; use campaign or channel."),
            };
            var funnel = OptionParsers.ParseList(parseResult.GetValue(stages) ?? []);
            if (funnel.Distinct(StringComparer.Ordinal).Count() != funnel.Count)
            {
                throw CliException.Usage("--stages: a stage is named twice; each stage of a funnel is a distinct conversion kind.");
            }

            var target = Grid.Resolve(parseResult, format, output, context);
            var path = parseResult.GetValue(input)!;
            var readerOptions = accounts.ReaderOptions(parseResult, new EventLogCsvOptions());
            var journeys = AttributeCommand.Load(path, new CancellationCheck(null, context.Cancellation), readerOptions);
            context.ThrowIfCancelled();
            accounts.Report(parseResult, journeys, context);
            EligibilityOptions.Check(journeys, path, new EligibilitySettings(new Engine.AttributionOptions { Stages = funnel }, null));

            var report = byCampaign ? AccountEngagement.ByCampaign(journeys, funnel) : AccountEngagement.ByChannel(journeys, funnel);
            List<string> headers = ["account", .. byCampaign ? ["campaign"] : Array.Empty<string>(), "channel", "touches", "people", "first_engagement", "last_engagement"];
            headers.AddRange(report.Stages.Select(static s => s == AccountEngagement.NoStage ? "no_stage" : $"stage_{s}"));
            var rows = report.Rows.Select(r =>
            {
                List<object?> cells = [r.Account, .. byCampaign ? [r.Campaign] : Array.Empty<object?>(), r.Channel, r.Touches, r.People, Instant(r.FirstEngagement), Instant(r.LastEngagement)];
                cells.AddRange(r.TouchesByStage.Select(static n => (object?)n));
                return cells.ToArray();
            }).ToList();
            Grid.Write(target, headers, rows, path, context);
            return ExitCodes.Success;
        });

        return command;
    }

    private static string Instant(DateTimeOffset instant) => Attribution.IO.Internal.Iso8601.Format(instant);
}
