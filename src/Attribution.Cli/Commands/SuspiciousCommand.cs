using System.CommandLine;
using Attribution.B2B;
using Attribution.Cli.Output;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Models;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution suspicious --input FILE [--stages lead,opportunity,order] [--by channel|campaign] [--min-leads N]
/// [thresholds] [--quarantine]</c>: flags channels whose journeys look like paid-for fraud (see <see cref="SuspiciousChannels"/>).</summary>
internal static class SuspiciousCommand
{
    /// <summary>Every threshold option: its name, help, and how it sets the detection options.</summary>
    private static readonly (string Name, string HelpName, string Description, string Property, Func<SuspiciousChannelOptions, string, string, SuspiciousChannelOptions> Apply)[] Thresholds =
    [
        ("--no-progress-p", "P", "No progress fires when the one-sided binomial P(X ≤ k) is below this (default 0.01).", nameof(SuspiciousChannelOptions.NoProgressMaxPValue),
            static (o, n, t) => o with { NoProgressMaxPValue = OptionParsers.ParseNumber(n, t) }),
        ("--no-progress-ratio", "R", "…and its progress share is under this fraction of the others' pooled share (default 0.3333).", nameof(SuspiciousChannelOptions.NoProgressMaxRatio),
            static (o, n, t) => o with { NoProgressMaxRatio = OptionParsers.ParseNumber(n, t) }),
        ("--duplicate-window", "DURATION", "A lead is a duplicate when its journey had a lead at most this long before (default 30d).", nameof(SuspiciousChannelOptions.DuplicateWindow),
            static (o, n, t) => o with { DuplicateWindow = OptionParsers.ParseDuration(n, t) }),
        ("--duplicate-multiple", "X", "Duplicates fire above this multiple of the others' pooled share (default 3)…", nameof(SuspiciousChannelOptions.DuplicateMultiple),
            static (o, n, t) => o with { DuplicateMultiple = OptionParsers.ParseNumber(n, t) }),
        ("--duplicate-min-share", "SHARE", "…and at this share or more (default 0.10).", nameof(SuspiciousChannelOptions.DuplicateMinShare),
            static (o, n, t) => o with { DuplicateMinShare = OptionParsers.ParseNumber(n, t) }),
        ("--injection-window", "DURATION", "A conversion at most this long after its last touch counts as injected (default 10s).", nameof(SuspiciousChannelOptions.InjectionWindow),
            static (o, n, t) => o with { InjectionWindow = OptionParsers.ParseDuration(n, t) }),
        ("--injection-multiple", "X", "Injection fires above this multiple of the others' pooled share (default 5)…", nameof(SuspiciousChannelOptions.InjectionMultiple),
            static (o, n, t) => o with { InjectionMultiple = OptionParsers.ParseNumber(n, t) }),
        ("--injection-min-share", "SHARE", "…and at this share or more (default 0.20).", nameof(SuspiciousChannelOptions.InjectionMinShare),
            static (o, n, t) => o with { InjectionMinShare = OptionParsers.ParseNumber(n, t) }),
        ("--timing-alpha", "ALPHA", "The level of the Kolmogorov–Smirnov critical value shown beside injection (default 0.01).", nameof(SuspiciousChannelOptions.TimingAlpha),
            static (o, n, t) => o with { TimingAlpha = OptionParsers.ParseNumber(n, t) }),
        ("--hijack-ratio", "X", "Hijack fires when last-touch share ÷ linear share of value is above this (default 2)…", nameof(SuspiciousChannelOptions.HijackMinRatio),
            static (o, n, t) => o with { HijackMinRatio = OptionParsers.ParseNumber(n, t) }),
        ("--hijack-min-share", "SHARE", "…and the last-touch share is at least this (default 0.05).", nameof(SuspiciousChannelOptions.HijackMinLastTouchShare),
            static (o, n, t) => o with { HijackMinLastTouchShare = OptionParsers.ParseNumber(n, t) }),
        ("--burst-window", "DAYS", "A day's touches are compared with the days with touches among this many days before it (default 28)…", nameof(SuspiciousChannelOptions.BurstWindowDays),
            static (o, n, t) => o with { BurstWindowDays = WholeNumber(n, t) }),
        ("--burst-min-history", "DAYS", "…when at least this many of them had touches (default 14)…", nameof(SuspiciousChannelOptions.BurstMinHistoryDays),
            static (o, n, t) => o with { BurstMinHistoryDays = WholeNumber(n, t) }),
        ("--burst-sd", "K", "…and is a burst above mean + K standard deviations (default 4).", nameof(SuspiciousChannelOptions.BurstDeviations),
            static (o, n, t) => o with { BurstDeviations = OptionParsers.ParseNumber(n, t) }),
    ];

    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input")
        {
            Description = "The event-log CSV: journey_id,timestamp,channel,campaign,conversion,value,conversion_id.",
            HelpName = "FILE",
            Required = true,
        };
        var minLeads = OptionParsers.WholeNumber(
            new Option<int?>("--min-leads")
            {
                Description = "The least first-stage conversions (credited by last touch) a channel needs to be judged; below it, \"insufficient data\" (default 30).",
                HelpName = "N",
            },
            1,
            int.MaxValue);
        var quarantine = new Option<bool>("--quarantine")
        {
            Description = "Also re-run last-touch and linear with the flagged channels excluded (they keep credit only where nothing else is eligible) and show how credit moves per channel.",
        };
        var report = new ReportOptions();
        var eligibility = new EligibilityOptions();
        var thresholds = Thresholds.Select(static t => new Option<string?>(t.Name) { Description = t.Description, HelpName = t.HelpName }).ToArray();
        var command = new Command("suspicious", "Flag channels whose journeys look like paid-for fraud — leads that never progress, duplicate leads, conversions seconds after the click, last touches that take far more credit than linear gives them, bursts of touches — with the numbers behind each signal. A flag is a lead to check, not proof.")
        {
            input, minLeads, quarantine,
        };
        eligibility.AddTo(command);
        var accounts = new AccountOptions();
        accounts.AddTo(command, contactRoles: false);
        report.AddTo(command);
        foreach (var option in thresholds)
        {
            command.Add(option);
        }

        command.SetAction(parseResult =>
        {
            var target = report.Resolve(parseResult, context);
            if (target.Grouping == ReportGrouping.TouchType)
            {
                throw CliException.Usage("--by touch-type: suspicious flags channels or campaigns; use --by channel or --by campaign.");
            }

            if ((parseResult.GetValue(eligibility.Conversion) ?? []).Length > 0)
            {
                throw CliException.Usage("--conversion: suspicious reads the funnel of --stages; leave out --conversion.");
            }

            var detection = new SuspiciousChannelOptions { ByCampaign = target.Grouping == ReportGrouping.Campaign };
            if (parseResult.GetValue(minLeads) is { } min)
            {
                detection = detection with { MinLeads = min };
            }

            for (var i = 0; i < Thresholds.Length; i++)
            {
                if (parseResult.GetValue(thresholds[i]) is { } text)
                {
                    detection = Thresholds[i].Apply(detection, Thresholds[i].Name, text);
                }
            }

            var quarantined = parseResult.GetValue(quarantine);
            if (quarantined && detection.ByCampaign)
            {
                throw CliException.Usage("--quarantine excludes channels; leave out --by campaign.");
            }

            var eligible = eligibility.Parse(parseResult, new AttributionOptions { Progress = new CancellationCheck(null, context.Cancellation) });
            var path = parseResult.GetValue(input)!;
            var journeys = AttributeCommand.Load(path, new CancellationCheck(null, context.Cancellation), accounts.ReaderOptions(parseResult, eligible.ReaderOptions(new EventLogCsvOptions())));
            context.ThrowIfCancelled();
            EligibilityOptions.NoteNotCounted(context, journeys, path);
            accounts.Report(parseResult, journeys, context);
            EligibilityOptions.Check(journeys, path, eligible);
            var options = eligible.Options;
            var defaultStages = options.Stages.Count == 0;
            if (defaultStages)
            {
                options = options with { Stages = EligibilityOptions.KindsOf(journeys) };
            }

            if (options.Stages.Count < 2)
            {
                throw CliException.Usage($"--stages: suspicious needs a funnel of at least two stages (the first one's conversions are the leads, the next one is progress); got {string.Join(",", options.Stages)}.");
            }

            SuspiciousChannelReport result;
            try
            {
                result = SuspiciousChannels.Detect(journeys, options, detection);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw CliException.Usage($"{OptionOf(e.ParamName)}: {Models.ModelFactory.MessageOf(e)}");
            }

            if (defaultStages)
            {
                context.Note($"no --stages given: the funnel is the data's kinds in order of first appearance, {string.Join(" → ", options.Stages)}.");
            }

            var shifts = quarantined
                ? SuspiciousChannels.Quarantine(journeys, options, result.Flagged, [AttributionModels.LastTouch, AttributionModels.Linear])
                : null;
            SuspiciousReportWriter.Write(target, result, shifts, context);
            return ExitCodes.Success;
        });

        return command;
    }

    private static int WholeNumber(string option, string text)
        => int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CliException.Usage($"{option}: '{text}' is not a whole number.");

    private static string OptionOf(string? property)
    {
        if (property == nameof(SuspiciousChannelOptions.MinLeads))
        {
            return "--min-leads";
        }

        foreach (var threshold in Thresholds)
        {
            if (threshold.Property == property)
            {
                return threshold.Name;
            }
        }

        return "--stages";
    }
}
