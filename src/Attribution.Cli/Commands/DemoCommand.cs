using System.CommandLine;
using System.Globalization;
using Attribution.B2B;
using Attribution.Cli.Demo;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.Reports;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution demo</c>: every rule-based model on the bundled demo data, side by side.</summary>
internal static class DemoCommand
{
    /// <summary>Per conversion kind, every model's share of the kind's credited value per channel, side by side, channels
    /// where the models disagree most first: leads and orders compared separately, never added together.</summary>
    internal static string Comparison(AttributionReport report)
    {
        var text = new StringWriter();
        foreach (var kind in report.Results[0].Kinds)
        {
            var comparison = ModelComparison.ByChannel(report, kind.Kind);
            text.Write($"\nShare of credited {kind.Kind} value per channel, by model ({kind.ConversionCount:N0} conversions worth {CreditTable.Money(kind.TotalValue)}):\n");
            var headers = new List<string> { "channel" };
            headers.AddRange(comparison.Models);
            headers.Add("spread");
            var rows = comparison.Rows
                .Select(row => new object?[] { row.Key }.Concat(row.Shares.Select(static s => (object?)new Share(s))).Append(new Share(row.Spread)).ToArray())
                .ToList();
            GridWriter.Write(text, ReportFormat.Table, headers, rows);
        }

        text.Write('\n');
        return text.ToString();
    }

    /// <summary>The demo's planted suspicious channel, found the way <c>attribution suspicious</c> finds it.</summary>
    internal static string Suspicious(JourneySet journeys)
    {
        var report = SuspiciousChannels.Detect(journeys, new AttributionOptions { Stages = ["lead", "order"] });
        // Several signals at once are the pattern worth a look; a lone flag (bursts, mostly) is listed by name only.
        var strong = report.Rows.Where(static r => r.Score > 1).Select(static r => $"{r.Key} ({string.Join(", ", Signals(r))})").ToList();
        var lone = report.Rows.Where(static r => r.Score == 1).Select(static r => $"{r.Key} ({Signals(r).Single()})").ToList();
        var found = strong.Count == 0 ? "none with more than one signal" : string.Join("; ", strong);
        var weak = lone.Count == 0 ? string.Empty : $" One signal only: {string.Join(", ", lone)}; a lone bursts flag is what 4 standard deviations on daily counts of a few touches gives by chance now and then.";
        return $"\nSuspicious channels: {found}. The demo plants one, {DemoData.PlantedChannel}: its leads never order and arrive seconds after its touch.{weak} "
            + "A flag is a lead to check, not proof. See 'attribution suspicious --input events.csv --stages lead,order'.";
    }

    private static IEnumerable<string> Signals(SuspiciousChannel row)
    {
        if (row.NoProgress.Fired)
        {
            yield return "no progress";
        }

        if (row.Duplicates.Fired)
        {
            yield return "duplicates";
        }

        if (row.Injection.Fired)
        {
            yield return "injection";
        }

        if (row.Hijack.Fired)
        {
            yield return "last-touch hijack";
        }

        if (row.Bursts.Fired)
        {
            yield return "bursts";
        }
    }

    public static Command Create(CliContext context)
    {
        var writeEvents = new Option<string?>("--write-events")
        {
            Description = "Also write the demo's event log to this CSV file, to try 'attribution attribute --input' on.",
            HelpName = "FILE",
        };
        var report = new ReportOptions();
        var command = new Command("demo", $"Compare every rule-based model on a generated, realistic data set ({DemoData.JourneyCount:N0} journeys, always the same).")
        {
            writeEvents,
        };
        report.AddTo(command);

        command.SetAction(parseResult =>
        {
            // The demo is read by people, even through a pipe or a CI log: a table unless --format says otherwise.
            var target = report.Resolve(parseResult, context, tableByDefault: true);
            var eventsPath = parseResult.GetValue(writeEvents);
            ReportOptions.RejectEmptyFile(writeEvents.Name, eventsPath);

            var generated = DemoData.Generate();
            if (eventsPath is not null)
            {
                context.WriteFile("--write-events", eventsPath, csv => EventLogCsvWriter.Write(csv, generated));
            }

            var journeys = JourneySet.Create(generated);
            var settings = new ModelSettings { ChannelWeights = new ChannelWeightsModelOptions { Weights = DemoData.CustomWeights } };
            var data = new TrainingData(journeys, new AttributionOptions(), "demo");
            var models = ModelFactory.RuleBasedNames.Select(name => ModelFactory.Create(name, settings, data)).ToList();
            var result = new AttributionEngine(new AttributionOptions { Progress = new CancellationCheck(null, context.Cancellation) }).Run(journeys, models);

            var weights = string.Join(",", DemoData.CustomWeights.Select(static w => string.Create(CultureInfo.InvariantCulture, $"{w.Key}={w.Value}")));
            var note = $"Reset same-kind (an order is credited from every touch since the journey's previous order, including those before its lead), lookback 90d, time-decay half-life 7d, u-shaped 0.4,0.2,0.4, channel-weights {weights}.\n"
                + (eventsPath is null
                    ? "Run 'attribution demo --write-events events.csv' to get these events, then 'attribution attribute --input events.csv --model linear ...'."
                    : $"Events written to '{eventsPath}'; try 'attribution attribute --input {eventsPath} --model linear --model time-decay'.");
            ReportOptions.Write(target, result, kinds: null, context, Comparison(result) + note + Suspicious(journeys));
            return ExitCodes.Success;
        });

        return command;
    }
}
