using System.Globalization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes <c>model,channel,conversions,value</c> rows: one per model and key, then <c>(unattributed)</c> when a model left conversions uncredited.</summary>
/// <remarks>Numbers use the invariant culture and the shortest text that round-trips, so a reader gets the exact doubles back.</remarks>
internal static class CsvReportWriter
{
    public static void Write(TextWriter writer, AttributionReport report, ReportGrouping grouping)
    {
        writer.Write("model,");
        writer.Write(ReportWriter.KeyHeader(grouping));
        writer.Write(",conversions,value\n");
        foreach (var result in report.Results)
        {
            foreach (var row in ReportWriter.Rows(result, grouping))
            {
                WriteRow(writer, result.Model, row);
            }

            if (result.UnattributedConversions > 0)
            {
                WriteRow(writer, result.Model, result.Unattributed);
            }
        }
    }

    /// <summary>Spells a text cell of a report: guarded against spreadsheet formulas, then quoted when it holds a comma,
    /// quote or line break (the one rule of every CSV writer, <see cref="Attribution.IO.Internal.CsvText"/>).</summary>
    public static string Escape(string field) => Attribution.IO.Internal.CsvText.TextCell(field);

    /// <summary>Formats a number as the shortest invariant text that round-trips.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter writer, string model, CreditTotal row)
    {
        writer.Write(Escape(model));
        writer.Write(',');
        writer.Write(Escape(row.Key));
        writer.Write(',');
        writer.Write(Number(row.Conversions));
        writer.Write(',');
        writer.Write(Number(row.Value));
        writer.Write('\n');
    }
}
