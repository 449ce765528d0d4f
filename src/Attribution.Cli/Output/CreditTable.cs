using System.Globalization;
using System.Text;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>The table layout of one <see cref="CreditBlock"/>, shared by the journey and path reports: a title line, a
/// row per key (by value, descending), the unattributed row and, under a rule, the block's total.</summary>
internal static class CreditTable
{
    private const string Gap = "   ";

    /// <summary>Writes the blocks one after another, each under its title, separated by a blank line.</summary>
    public static void Write(TextWriter writer, CreditReport report)
    {
        for (var b = 0; b < report.Blocks.Count; b++)
        {
            if (b > 0)
            {
                writer.Write('\n');
            }

            Write(writer, report.KeyHeader, report.Blocks[b], report.LevelText);
        }
    }

    /// <summary>Writes one block.</summary>
    public static void Write(TextWriter writer, string keyHeader, CreditBlock block, string level = "")
    {
        var withIntervals = block.Intervals is not null;
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{block.Model} · {block.Kind}: {Count(block.TotalConversions)} conversions worth {Money(block.TotalValue)}\n"));
        var labels = new List<string>();
        var cells = new List<string[]>();
        foreach (var row in block.Rows)
        {
            labels.Add(row.Key);
            cells.Add(Cells(row.Conversions, row.Value, block.TotalValue, withIntervals, block.IntervalOf(row.Key)));
        }

        labels.Add(AttributionResult.UnattributedKey);
        cells.Add(Cells(block.UnattributedConversions, block.UnattributedValue, block.TotalValue, withIntervals, null));
        labels.Add("total");
        cells.Add(Cells(block.TotalConversions, block.TotalValue, block.TotalValue, withIntervals, null));

        string[] headers = withIntervals
            ? [keyHeader, "conversions", "value", "share", $"value {level} interval", $"share {level} interval"]
            : [keyHeader, "conversions", "value", "share"];
        var widths = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            widths[c] = headers[c].Length;
        }

        for (var r = 0; r < labels.Count; r++)
        {
            widths[0] = Math.Max(widths[0], labels[r].Length);
            for (var c = 1; c < headers.Length; c++)
            {
                widths[c] = Math.Max(widths[c], cells[r][c - 1].Length);
            }
        }

        var line = new StringBuilder();
        line.Append(headers[0].PadRight(widths[0]));
        for (var c = 1; c < headers.Length; c++)
        {
            line.Append(Gap).Append(headers[c].PadLeft(widths[c]));
        }

        var rule = new string('-', line.Length);
        WriteLine(writer, line);
        writer.Write(rule);
        writer.Write('\n');
        for (var r = 0; r < labels.Count; r++)
        {
            if (r == labels.Count - 1)
            {
                writer.Write(rule);
                writer.Write('\n');
            }

            line.Append(labels[r].PadRight(widths[0]));
            for (var c = 1; c < headers.Length; c++)
            {
                line.Append(Gap).Append(cells[r][c - 1].PadLeft(widths[c]));
            }

            WriteLine(writer, line);
        }
    }

    /// <summary>Formats money with thousands separators and two decimals.</summary>
    public static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Formats a (possibly fractional) count: thousands separators, up to two decimals.</summary>
    public static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string[] Cells(double conversions, double value, double total, bool withIntervals, CreditInterval? interval)
    {
        string[] cells = [conversions.ToString("N2", CultureInfo.InvariantCulture), Money(value), Share(value, total)];
        if (!withIntervals)
        {
            return cells;
        }

        return interval is { } i
            ? [.. cells, $"{Money(i.ValueLow)} – {Money(i.ValueHigh)}", $"{Percent(i.ShareLow)} – {Percent(i.ShareHigh)}"]
            : [.. cells, string.Empty, string.Empty];
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Share(double value, double total)
        => total > 0 ? (value / total * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static void WriteLine(TextWriter writer, StringBuilder line)
    {
        // Every line as wide as the header, so the rules frame the block; nothing trails but padding of the last column, which is right-aligned.
        writer.Write(line.ToString());
        writer.Write('\n');
        line.Clear();
    }
}
