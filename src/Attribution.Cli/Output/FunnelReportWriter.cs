using Attribution.Cli.Commands;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes <c>attribute --funnel</c>: per model and channel, the credited conversions of each stage
/// (<see cref="FunnelTable"/>) and the ratio between consecutive stages, named <c>opportunity/lead</c> and so on.</summary>
/// <remarks>An undefined ratio (the earlier stage has no credit) is empty in CSV, null in JSON and "n/a" in the table.</remarks>
internal static class FunnelReportWriter
{
    public static void Write(ReportTarget target, AttributionReport report, IReadOnlyList<string> stages, CliContext context)
    {
        var headers = new List<string> { "model", "channel" };
        headers.AddRange(stages);
        for (var s = 1; s < stages.Count; s++)
        {
            headers.Add($"{stages[s]}/{stages[s - 1]}");
        }

        var rows = new List<object?[]>();
        foreach (var result in report.Results)
        {
            foreach (var row in FunnelTable.Build(result, stages).Rows)
            {
                var cells = new List<object?> { result.Model, row.Channel };
                cells.AddRange(row.Conversions.Select(static c => (object?)c));
                cells.AddRange(row.Ratios.Select(static r => r is { } v ? (object?)v : null));
                rows.Add([.. cells]);
            }
        }

        var text = new StringWriter();
        var period = report.Results.Count > 0 ? report.Results[0].Options.Period : null;
        if (target.Format == ReportFormat.Table)
        {
            text.Write(TableReportWriter.Period(period));
        }
        else if (period is { } p)
        {
            context.Note($"the funnel counts only conversions {CreditReport.Describe(p)}.");
        }

        GridWriter.Write(text, target.Format, headers, rows);
        ReportOptions.WriteText(target, text.ToString(), context);
    }
}
