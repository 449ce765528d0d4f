using System.Globalization;
using System.Text;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>One model's column of a <see cref="CreditTable"/>.</summary>
/// <param name="Model">The model's name, the column's header.</param>
/// <param name="Rows">The credit per key.</param>
/// <param name="UnattributedValue">The value the model credited to no key.</param>
/// <param name="TotalValue">All conversion value, which shares are taken of.</param>
internal readonly record struct CreditColumn(string Model, IReadOnlyList<CreditTotal> Rows, double UnattributedValue, double TotalValue);

/// <summary>The table layout the journey and path reports share: a row per key, then the unattributed row and, under a
/// rule, the total; a column per model with the credited value and its share of all conversion value.</summary>
internal static class CreditTable
{
    private const string Gap = "   ";

    public static void Write(TextWriter writer, string keyHeader, IReadOnlyList<CreditColumn> columns)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, double>[columns.Count];
        for (var m = 0; m < columns.Count; m++)
        {
            byKey[m] = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var row in columns[m].Rows)
            {
                byKey[m][row.Key] = row.Value;
                if (seen.Add(row.Key))
                {
                    keys.Add(row.Key);
                }
            }
        }

        // Cells hold value and share separately so both align.
        var labels = new List<string>(keys) { AttributionResult.UnattributedKey, "total" };
        var values = new string[labels.Count, columns.Count];
        var shares = new string[labels.Count, columns.Count];
        for (var m = 0; m < columns.Count; m++)
        {
            var column = columns[m];
            for (var r = 0; r < keys.Count; r++)
            {
                var value = byKey[m].GetValueOrDefault(keys[r]);
                values[r, m] = Money(value);
                shares[r, m] = Share(value, column.TotalValue);
            }

            values[keys.Count, m] = Money(column.UnattributedValue);
            shares[keys.Count, m] = Share(column.UnattributedValue, column.TotalValue);
            values[keys.Count + 1, m] = Money(column.TotalValue);
            shares[keys.Count + 1, m] = Share(column.TotalValue, column.TotalValue);
        }

        var keyWidth = keyHeader.Length;
        foreach (var label in labels)
        {
            keyWidth = Math.Max(keyWidth, label.Length);
        }

        var valueWidths = new int[columns.Count];
        var shareWidths = new int[columns.Count];
        var columnWidths = new int[columns.Count];
        for (var m = 0; m < columns.Count; m++)
        {
            for (var r = 0; r < labels.Count; r++)
            {
                valueWidths[m] = Math.Max(valueWidths[m], values[r, m].Length);
                shareWidths[m] = Math.Max(shareWidths[m], shares[r, m].Length);
            }

            columnWidths[m] = Math.Max(columns[m].Model.Length, valueWidths[m] + 1 + shareWidths[m]);
        }

        var line = new StringBuilder();
        line.Append(keyHeader.PadRight(keyWidth));
        for (var m = 0; m < columns.Count; m++)
        {
            line.Append(Gap).Append(columns[m].Model.PadLeft(columnWidths[m]));
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
            for (var m = 0; m < columns.Count; m++)
            {
                var cell = values[r, m].PadLeft(valueWidths[m]) + " " + shares[r, m].PadLeft(shareWidths[m]);
                line.Append(Gap).Append(cell.PadLeft(columnWidths[m]));
            }

            WriteLine(writer, line);
        }
    }

    /// <summary>Formats money with thousands separators and two decimals.</summary>
    public static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Share(double value, double total)
        => total > 0 ? (value / total * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void WriteLine(TextWriter writer, StringBuilder line)
    {
        writer.Write(line.ToString().TrimEnd());
        writer.Write('\n');
        line.Clear();
    }
}
