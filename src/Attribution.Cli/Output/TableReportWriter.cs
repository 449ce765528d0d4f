using Attribution.Engine;

namespace Attribution.Cli.Output;

/// <summary>Writes the blocks (model × kind) as tables for people: a line saying what was read and the period, then one
/// table per block with its total.</summary>
internal static class TableReportWriter
{
    public static void Write(TextWriter writer, CreditReport report)
    {
        writer.Write($"Credited value by {report.KeyHeader}, per model and conversion kind (share of the kind's value): {report.Summary}.\n");
        writer.Write(Period(report.Period));
        writer.Write('\n');
        CreditTable.Write(writer, report);
    }

    /// <summary>The line that says which conversions are reported.</summary>
    public static string Period(ReportingPeriod? period)
        => period is { } p ? $"Reporting period: conversions {CreditReport.Describe(p)}.\n" : string.Empty;
}
