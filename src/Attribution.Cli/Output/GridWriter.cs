using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Attribution.Cli.Output;

/// <summary>Writes a plain grid of named columns — strings, integers, numbers and flags — as an aligned table, CSV or a JSON array of objects.</summary>
/// <remarks>CSV and JSON numbers are the shortest round-trip text; the table rounds to 6 decimals for reading, and shows a
/// true flag as <c>*</c>. A null cell (an undefined ratio) is empty in CSV, null in JSON and "n/a" in the table.</remarks>
internal static class GridWriter
{
    private const string Gap = "  ";

    public static void Write(TextWriter writer, ReportFormat format, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows)
    {
        switch (format)
        {
            case ReportFormat.Table:
                WriteTable(writer, headers, rows);
                break;
            case ReportFormat.Csv:
                WriteCsv(writer, headers, rows);
                break;
            case ReportFormat.Json:
                WriteJson(writer, headers, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows)
    {
        writer.Write(string.Join(',', headers));
        writer.Write('\n');
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                writer.Write(row[c] switch
                {
                    string s => CsvReportWriter.Escape(s),
                    double d => CsvReportWriter.Number(d),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    Share share => CsvReportWriter.Number(share.Value),
                    null => string.Empty,
                    var other => throw new ArgumentException($"Unsupported cell type {other?.GetType().Name}.", nameof(rows)),
                });
            }

            writer.Write('\n');
        }
    }

    private static void WriteJson(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        var names = headers.Select(JsonNames.Camel).ToArray();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var c = 0; c < row.Length; c++)
                {
                    switch (row[c])
                    {
                        case string s:
                            json.WriteString(names[c], s);
                            break;
                        case double d:
                            json.WriteNumber(names[c], d);
                            break;
                        case int i:
                            json.WriteNumber(names[c], i);
                            break;
                        case bool b:
                            json.WriteBoolean(names[c], b);
                            break;
                        case Share share:
                            json.WriteNumber(names[c], share.Value);
                            break;
                        case null:
                            json.WriteNull(names[c]);
                            break;
                        default:
                            throw new ArgumentException($"Unsupported cell type {row[c]?.GetType().Name}.", nameof(rows));
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows)
    {
        var texts = rows.Select(static row => row.Select(static cell => cell switch
        {
            double d => d.ToString("0.######", CultureInfo.InvariantCulture),
            int i => i.ToString("N0", CultureInfo.InvariantCulture),
            bool b => b ? "*" : string.Empty,
            Share share => share.Value.ToString("0.0%", CultureInfo.InvariantCulture),
            null => "n/a",
            var other => other.ToString() ?? string.Empty,
        }).ToArray()).ToList();
        var widths = headers.Select(static h => h.Length).ToArray();
        foreach (var row in texts)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        // Text columns read left-aligned, numbers right-aligned so their digits line up.
        var leftAligned = new bool[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            leftAligned[c] = rows.Count == 0 || rows[0][c] is string;
        }

        var line = new StringBuilder();
        for (var c = 0; c < headers.Count; c++)
        {
            Append(line, c, headers[c], widths[c], leftAligned[c]);
        }

        var header = line.ToString().TrimEnd();
        writer.Write(header);
        writer.Write('\n');
        writer.Write(new string('-', header.Length));
        writer.Write('\n');
        line.Clear();
        foreach (var row in texts)
        {
            for (var c = 0; c < row.Length; c++)
            {
                Append(line, c, row[c], widths[c], leftAligned[c]);
            }

            writer.Write(line.ToString().TrimEnd());
            writer.Write('\n');
            line.Clear();
        }
    }

    private static void Append(StringBuilder line, int column, string text, int width, bool left)
    {
        if (column > 0)
        {
            line.Append(Gap);
        }

        line.Append(left ? text.PadRight(width) : text.PadLeft(width));
    }
}

/// <summary>A fraction shown as a percentage in a table (one decimal) and as the plain number in CSV and JSON.</summary>
/// <param name="Value">The fraction, 0.25 for 25 %.</param>
internal readonly record struct Share(double Value);
