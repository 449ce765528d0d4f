using System.Globalization;
using Attribution.B2B;
using Attribution.Cli.Commands;

namespace Attribution.Cli.Output;

/// <summary>Writes <c>attribution suspicious</c>: one row per channel with every signal's value, threshold and whether it
/// fired; with <c>--quarantine</c>, how credit moves. A table shows both grids; JSON an object with both arrays; CSV, one
/// table per file, holds the credit moves alone when there are any.</summary>
internal static class SuspiciousReportWriter
{
    public static void Write(ReportTarget target, SuspiciousChannelReport report, IReadOnlyList<CreditShift>? shifts, CliContext context)
    {
        var (headers, rows) = Signals(report);
        var text = new StringWriter();
        switch (target.Format)
        {
            case ReportFormat.Table:
                GridWriter.Write(text, ReportFormat.Table, headers, rows);
                text.Write('\n');
                text.Write(Note(report));
                if (shifts is not null)
                {
                    text.Write(report.Flagged.Count == 0
                        ? "\nNothing flagged, so quarantine moves no credit.\n"
                        : $"\nCredit with {string.Join(", ", report.Flagged)} quarantined (excluded: credit only where nothing else is eligible):\n");
                    var (shiftHeaders, shiftRows) = Shifts(shifts);
                    GridWriter.Write(text, ReportFormat.Table, shiftHeaders, shiftRows);
                }

                break;
            case ReportFormat.Json when shifts is not null:
                var (quarantineHeaders, quarantineRows) = Shifts(shifts);
                text.Write("{\n\"channels\": ");
                GridWriter.Write(text, ReportFormat.Json, headers, rows);
                text.Write(",\n\"quarantine\": ");
                GridWriter.Write(text, ReportFormat.Json, quarantineHeaders, quarantineRows);
                text.Write("}\n");
                break;
            case ReportFormat.Csv when shifts is not null:
                context.Note("with --quarantine, CSV holds the credit moves; run without --quarantine for the signals.");
                var (csvHeaders, csvRows) = Shifts(shifts);
                GridWriter.Write(text, ReportFormat.Csv, csvHeaders, csvRows);
                break;
            default:
                GridWriter.Write(text, target.Format, headers, rows);
                break;
        }

        ReportOptions.WriteText(target, text.ToString(), context);
    }

    /// <summary>One line per rule, with the thresholds the run used, under the table.</summary>
    internal static string Note(SuspiciousChannelReport report)
    {
        var o = report.Options;
        static string P(double x) => x.ToString("0.###%", CultureInfo.InvariantCulture);
        static string N(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
        return $"Leads: {report.Stages[0]} conversions credited by last touch; progress: a later {report.Stages[1]} in the same journey. A channel with fewer than {o.MinLeads} leads is not judged (insufficient data).\n"
            + $"no_progress fires when P(X ≤ k) < {N(o.NoProgressMaxPValue)} and share < threshold ({N(o.NoProgressMaxRatio)} × pooled); "
            + $"duplicates when share > threshold ({N(o.DuplicateMultiple)} × pooled) and ≥ {P(o.DuplicateMinShare)} (earlier lead within {o.DuplicateWindow.TotalDays:0.##} days); "
            + $"injection when share > threshold ({N(o.InjectionMultiple)} × pooled) and ≥ {P(o.InjectionMinShare)} (conversion within {o.InjectionWindow.TotalSeconds:0.##} s of the touch); "
            + $"hijack when last-touch ÷ linear share of value > {N(o.HijackMinRatio)} and last-touch share ≥ {P(o.HijackMinLastTouchShare)}; "
            + $"bursts when a day's touches > mean + {N(o.BurstDeviations)} sd of the {o.BurstWindowDays} days before (at least {o.BurstMinHistoryDays}). "
            + $"ks_distance is evidence only (α = {N(o.TimingAlpha)} critical value beside it). A flag is a lead to check, not proof.\n";
    }

    private static (string[] Headers, List<object?[]> Rows) Signals(SuspiciousChannelReport report)
    {
        string[] headers =
        [
            report.Options.ByCampaign ? "campaign" : "channel", "leads", "status", "score",
            "no_progress_share", "no_progress_pooled", "no_progress_threshold", "no_progress_p", "no_progress",
            "duplicate_share", "duplicate_pooled", "duplicate_threshold", "duplicates",
            "injection_share", "injection_pooled", "injection_threshold", "injection", "ks_distance", "ks_critical",
            "hijack_kind", "hijack_last_touch_share", "hijack_linear_share", "hijack_ratio", "hijack",
            "burst_days", "bursts",
        ];
        var rows = report.Rows.Select(static r => new object?[]
        {
            r.Key, r.Leads, !r.HasEnoughData ? "insufficient data" : r.Score > 0 ? "flagged" : "ok", r.Score,
            ShareOf(r.NoProgress.Share), ShareOf(r.NoProgress.PooledShare), ShareOf(r.NoProgress.Threshold), r.NoProgress.PValue, r.NoProgress.Fired,
            ShareOf(r.Duplicates.Share), ShareOf(r.Duplicates.PooledShare), ShareOf(r.Duplicates.Threshold), r.Duplicates.Fired,
            ShareOf(r.Injection.Share), ShareOf(r.Injection.PooledShare), ShareOf(r.Injection.Threshold), r.Injection.Fired, r.Timing.Distance, r.Timing.CriticalValue,
            r.Hijack.Kind ?? string.Empty, ShareOf(r.Hijack.LastTouchShare), ShareOf(r.Hijack.LinearShare), r.Hijack.Ratio, r.Hijack.Fired,
            r.Bursts.Days.Count, r.Bursts.Fired,
        }).ToList();
        return (headers, rows);
    }

    private static (string[] Headers, List<object?[]> Rows) Shifts(IReadOnlyList<CreditShift> shifts)
    {
        string[] headers = ["model", "conversion", "channel", "conversions_before", "conversions_after", "value_before", "value_after", "value_change"];
        var rows = shifts.Select(static s => new object?[] { s.Model, s.Kind, s.Channel, s.ConversionsBefore, s.ConversionsAfter, s.ValueBefore, s.ValueAfter, s.ValueChange }).ToList();
        return (headers, rows);
    }

    private static Share? ShareOf(double? value) => value is { } v ? new Share(v) : null;
}
