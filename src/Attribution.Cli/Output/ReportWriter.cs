using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes an <see cref="AttributionReport"/> in one of the <see cref="ReportFormat"/>s.</summary>
internal static class ReportWriter
{
    public static void Write(TextWriter writer, AttributionReport report, ReportFormat format, ReportGrouping grouping)
    {
        switch (format)
        {
            case ReportFormat.Table:
                TableReportWriter.Write(writer, report, grouping);
                break;
            case ReportFormat.Csv:
                CsvReportWriter.Write(writer, report, grouping);
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(writer, report, grouping);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>Gets the rows of one result under a grouping (without the unattributed row).</summary>
    public static IReadOnlyList<CreditTotal> Rows(AttributionResult result, ReportGrouping grouping)
        => grouping == ReportGrouping.Campaign ? result.ByCampaign : result.ByChannel;

    /// <summary>Gets the header of the key column.</summary>
    public static string KeyHeader(ReportGrouping grouping) => grouping == ReportGrouping.Campaign ? "campaign" : "channel";
}
