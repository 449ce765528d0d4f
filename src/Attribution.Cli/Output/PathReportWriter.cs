using System.Globalization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes a <see cref="PathReport"/> in the shapes of <see cref="ReportWriter"/>: the same CSV columns, table layout and JSON document.</summary>
internal static class PathReportWriter
{
    public static void Write(TextWriter writer, PathReport report, ReportFormat format)
    {
        switch (format)
        {
            case ReportFormat.Table:
                WriteTable(writer, report);
                break;
            case ReportFormat.Csv:
                WriteCsv(writer, report);
                break;
            case ReportFormat.Json:
                WriteJson(writer, report);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    private static void WriteCsv(TextWriter writer, PathReport report)
    {
        writer.Write("model,channel,conversions,value\n");
        foreach (var result in report.Results)
        {
            foreach (var row in result.Rows)
            {
                WriteCsvRow(writer, result.Model, row);
            }

            if (result.UnattributedConversions > 0 || result.UnattributedValue > 0)
            {
                WriteCsvRow(writer, result.Model, result.Unattributed);
            }
        }
    }

    private static void WriteCsvRow(TextWriter writer, string model, CreditTotal row)
    {
        writer.Write(CsvReportWriter.Escape(model));
        writer.Write(',');
        writer.Write(CsvReportWriter.Escape(row.Key));
        writer.Write(',');
        writer.Write(CsvReportWriter.Number(row.Conversions));
        writer.Write(',');
        writer.Write(CsvReportWriter.Number(row.Value));
        writer.Write('\n');
    }

    private static void WriteJson(TextWriter writer, PathReport report)
    {
        var models = new List<JsonModelResult>(report.Results.Count);
        foreach (var result in report.Results)
        {
            models.Add(new JsonModelResult(
                result.Model,
                result.TotalConversions,
                result.TotalValue,
                new JsonUnattributed(result.UnattributedConversions, result.UnattributedValue),
                JsonReportWriter.Rows(result.Rows)));
        }

        JsonReportWriter.Write(writer, new JsonReport(models));
    }

    private static void WriteTable(TextWriter writer, PathReport report)
    {
        var results = report.Results;
        var columns = new CreditColumn[results.Count];
        for (var m = 0; m < results.Count; m++)
        {
            var result = results[m];
            columns[m] = new CreditColumn(result.Model, result.Rows, result.UnattributedValue, result.TotalValue);
        }

        var paths = report.Paths;
        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"Credited value by channel (share of all conversion value), path level: {paths.Count:N0} distinct paths, {Count(paths.TotalConversions)} conversions worth {CreditTable.Money(paths.TotalValue)}, {Count(paths.TotalNulls)} without conversion.\n\n"));
        CreditTable.Write(writer, "channel", columns);
    }

    private static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
