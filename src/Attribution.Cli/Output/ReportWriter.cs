namespace Attribution.Cli.Output;

/// <summary>Writes a <see cref="CreditReport"/> in one of the <see cref="ReportFormat"/>s: the same blocks (model × kind) in each.</summary>
internal static class ReportWriter
{
    public static void Write(TextWriter writer, CreditReport report, ReportFormat format)
    {
        switch (format)
        {
            case ReportFormat.Table:
                TableReportWriter.Write(writer, report);
                break;
            case ReportFormat.Csv:
                CsvReportWriter.Write(writer, report);
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(writer, report);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>Gets the header of the key column.</summary>
    public static string KeyHeader(ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Campaign => "campaign",
        ReportGrouping.TouchType => "touch_type",
        _ => "channel",
    };

    /// <summary>Gets the grouping as <c>--by</c> spells it.</summary>
    public static string KeyName(ReportGrouping grouping) => grouping == ReportGrouping.TouchType ? "touch-type" : KeyHeader(grouping);
}
