using System.Globalization;
using System.Text;
using System.Text.Json;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes a <see cref="PathReport"/> in the shapes of <see cref="ReportWriter"/>: the same CSV columns, table layout and JSON document.</summary>
internal static class PathReportWriter
{
    private const string Gap = "   ";

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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("models");
            foreach (var result in report.Results)
            {
                json.WriteStartObject();
                json.WriteString("model", result.Model);
                json.WriteNumber("totalConversions", result.TotalConversions);
                json.WriteNumber("totalValue", result.TotalValue);
                json.WriteStartObject("unattributed");
                json.WriteNumber("conversions", result.UnattributedConversions);
                json.WriteNumber("value", result.UnattributedValue);
                json.WriteEndObject();
                json.WriteStartArray("rows");
                foreach (var row in result.Rows)
                {
                    json.WriteStartObject();
                    json.WriteString("key", row.Key);
                    json.WriteNumber("conversions", row.Conversions);
                    json.WriteNumber("value", row.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    private static void WriteTable(TextWriter writer, PathReport report)
    {
        var results = report.Results;
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var row in result.Rows)
            {
                if (seen.Add(row.Key))
                {
                    keys.Add(row.Key);
                }
            }
        }

        var labels = new List<string>(keys) { AttributionResult.UnattributedKey, "total" };
        var cells = new string[labels.Count, results.Count];
        var widths = new int[results.Count];
        var keyWidth = labels.Append("channel").Max(static l => l.Length);
        for (var m = 0; m < results.Count; m++)
        {
            var result = results[m];
            var byKey = result.Rows.ToDictionary(static r => r.Key, static r => r.Value, StringComparer.Ordinal);
            var values = new double[labels.Count];
            for (var r = 0; r < keys.Count; r++)
            {
                values[r] = byKey.GetValueOrDefault(keys[r]);
            }

            values[keys.Count] = result.UnattributedValue;
            values[keys.Count + 1] = result.TotalValue;
            var moneys = values.Select(Money).ToArray();
            var shares = values.Select(v => Share(v, result.TotalValue)).ToArray();
            var moneyWidth = moneys.Max(static s => s.Length);
            var shareWidth = shares.Max(static s => s.Length);
            for (var r = 0; r < labels.Count; r++)
            {
                cells[r, m] = moneys[r].PadLeft(moneyWidth) + " " + shares[r].PadLeft(shareWidth);
            }

            widths[m] = Math.Max(result.Model.Length, moneyWidth + 1 + shareWidth);
        }

        var paths = report.Paths;
        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"Credited value by channel (share of all conversion value), path level: {paths.Count:N0} distinct paths, {Count(paths.TotalConversions)} conversions worth {Money(paths.TotalValue)}, {Count(paths.TotalNulls)} without conversion.\n\n"));

        var line = new StringBuilder();
        line.Append("channel".PadRight(keyWidth));
        for (var m = 0; m < results.Count; m++)
        {
            line.Append(Gap).Append(results[m].Model.PadLeft(widths[m]));
        }

        var rule = new string('-', line.Length);
        WriteLine(writer, line);
        writer.Write(rule);
        writer.Write('\n');
        for (var r = 0; r < labels.Count; r++)
        {
            if (r == keys.Count + 1)
            {
                writer.Write(rule);
                writer.Write('\n');
            }

            line.Append(labels[r].PadRight(keyWidth));
            for (var m = 0; m < results.Count; m++)
            {
                line.Append(Gap).Append(cells[r, m].PadLeft(widths[m]));
            }

            WriteLine(writer, line);
        }
    }

    private static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Share(double value, double total)
        => total > 0 ? (value / total * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void WriteLine(TextWriter writer, StringBuilder line)
    {
        writer.Write(line.ToString().TrimEnd());
        writer.Write('\n');
        line.Clear();
    }
}
