using System.Globalization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes <c>model,conversion,channel,conversions,value</c> rows: one per model × kind × key, then
/// <c>(unattributed)</c> when some conversion of that kind had no credit. With intervals, the columns <c>share</c> and
/// <c>conversions_low</c>, <c>conversions_high</c>, <c>value_low</c>, <c>value_high</c>, <c>share_low</c>,
/// <c>share_high</c> follow (empty on the unattributed row).</summary>
/// <remarks>Numbers use the invariant culture and the shortest text that round-trips, so a reader gets the exact doubles
/// back. The file holds nothing but the header and rows, so any CSV reader takes it; the reporting period goes to
/// standard error.</remarks>
internal static class CsvReportWriter
{
    public static void Write(TextWriter writer, CreditReport report)
    {
        writer.Write("model,conversion,");
        writer.Write(report.KeyHeader);
        var intervals = report.Intervals is not null;
        writer.Write(intervals ? ",conversions,value,share,conversions_low,conversions_high,value_low,value_high,share_low,share_high\n" : ",conversions,value\n");
        foreach (var block in report.Blocks)
        {
            foreach (var row in block.Rows)
            {
                WriteRow(writer, block, row, intervals);
            }

            if (block.HasUnattributed)
            {
                WriteRow(writer, block, block.Unattributed, intervals);
            }
        }
    }

    /// <summary>Spells a text cell of a report: guarded against spreadsheet formulas, then quoted when it holds a comma,
    /// quote or line break (the one rule of every CSV writer, <see cref="Attribution.IO.Internal.CsvText"/>).</summary>
    public static string Escape(string field) => Attribution.IO.Internal.CsvText.TextCell(field);

    /// <summary>Formats a number as the shortest invariant text that round-trips.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter writer, CreditBlock block, CreditTotal row, bool intervals)
    {
        writer.Write(Escape(block.Model));
        writer.Write(',');
        writer.Write(Escape(block.Kind));
        writer.Write(',');
        writer.Write(Escape(row.Key));
        writer.Write(',');
        writer.Write(Number(row.Conversions));
        writer.Write(',');
        writer.Write(Number(row.Value));
        if (intervals)
        {
            // The share of the kind's value, as the table shows it; a row without an interval leaves its bounds empty.
            writer.Write(',');
            writer.Write(block.TotalValue > 0 ? Number(row.Value / block.TotalValue) : string.Empty);
            if (block.IntervalOf(row.Key) is { } i)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{Number(i.ConversionsLow)},{Number(i.ConversionsHigh)},{Number(i.ValueLow)},{Number(i.ValueHigh)},{Number(i.ShareLow)},{Number(i.ShareHigh)}"));
            }
            else
            {
                writer.Write(",,,,,,");
            }
        }

        writer.Write('\n');
    }
}
