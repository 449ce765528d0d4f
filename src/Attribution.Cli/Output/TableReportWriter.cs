using System.Globalization;
using System.Text;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes the models side by side: a row per channel (or campaign), a column per model with the credited value and its share of all conversion value.</summary>
internal static class TableReportWriter
{
    private const string Gap = "   ";

    public static void Write(TextWriter writer, AttributionReport report, ReportGrouping grouping)
    {
        var results = report.Results;
        var journeys = report.Journeys;
        var totalValue = results.Count > 0 ? results[0].TotalValue : 0;

        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, CreditTotal>[results.Count];
        for (var m = 0; m < results.Count; m++)
        {
            byKey[m] = new Dictionary<string, CreditTotal>(StringComparer.Ordinal);
            foreach (var row in ReportWriter.Rows(results[m], grouping))
            {
                byKey[m][row.Key] = row;
                if (seen.Add(row.Key))
                {
                    keys.Add(row.Key);
                }
            }
        }

        // Rows: one per key, then the unattributed row, then the total; cells hold value and share separately so both align.
        var labels = new List<string>(keys) { AttributionResult.UnattributedKey, "total" };
        var values = new string[labels.Count, results.Count];
        var shares = new string[labels.Count, results.Count];
        for (var m = 0; m < results.Count; m++)
        {
            var result = results[m];
            for (var r = 0; r < keys.Count; r++)
            {
                var value = byKey[m].TryGetValue(keys[r], out var total) ? total.Value : 0;
                values[r, m] = Money(value);
                shares[r, m] = Share(value, result.TotalValue);
            }

            values[keys.Count, m] = Money(result.UnattributedValue);
            shares[keys.Count, m] = Share(result.UnattributedValue, result.TotalValue);
            values[keys.Count + 1, m] = Money(result.TotalValue);
            shares[keys.Count + 1, m] = Share(result.TotalValue, result.TotalValue);
        }

        var keyWidth = ReportWriter.KeyHeader(grouping).Length;
        foreach (var label in labels)
        {
            keyWidth = Math.Max(keyWidth, label.Length);
        }

        var valueWidths = new int[results.Count];
        var shareWidths = new int[results.Count];
        var columnWidths = new int[results.Count];
        for (var m = 0; m < results.Count; m++)
        {
            for (var r = 0; r < labels.Count; r++)
            {
                valueWidths[m] = Math.Max(valueWidths[m], values[r, m].Length);
                shareWidths[m] = Math.Max(shareWidths[m], shares[r, m].Length);
            }

            columnWidths[m] = Math.Max(results[m].Model.Length, valueWidths[m] + 1 + shareWidths[m]);
        }

        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"Credited value by {ReportWriter.KeyHeader(grouping)} (share of all conversion value): {journeys.Count:N0} journeys, {journeys.TouchpointCount:N0} touchpoints, {journeys.ConversionCount:N0} conversions worth {Money(totalValue)}.\n\n"));

        var line = new StringBuilder();
        line.Append(ReportWriter.KeyHeader(grouping).PadRight(keyWidth));
        for (var m = 0; m < results.Count; m++)
        {
            line.Append(Gap).Append(results[m].Model.PadLeft(columnWidths[m]));
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
                var cell = values[r, m].PadLeft(valueWidths[m]) + " " + shares[r, m].PadLeft(shareWidths[m]);
                line.Append(Gap).Append(cell.PadLeft(columnWidths[m]));
            }

            WriteLine(writer, line);
        }
    }

    private static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Share(double value, double total)
        => total > 0 ? (value / total * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void WriteLine(TextWriter writer, StringBuilder line)
    {
        writer.Write(line.ToString().TrimEnd());
        writer.Write('\n');
        line.Clear();
    }
}
