using System.Globalization;
using System.Text;
using System.Text.Json;
using Attribution.Cli.Commands;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes a <see cref="BudgetPlan"/> — <c>channel,current_spend,current_value,proposed_spend,change,expected_value,bound</c>,
/// the total, and the channels left out — in a <see cref="ReportFormat"/>.</summary>
/// <remarks>The table and the JSON document carry the plan's assumption ("what-if, not a forecast") as their label; CSV
/// is data for programs and keeps to its columns. Channels left out for lack of spend have no proposed spend, change or
/// expected value: empty in CSV, absent in JSON, not in the table's grid but listed under it.</remarks>
internal static class BudgetReportWriter
{
    private const string LeftOutStatus = "no-spend";

    public static void Write(GridTarget target, BudgetPlan plan, string? currency, CliContext context)
    {
        var text = new StringWriter();
        switch (target.Format)
        {
            case ReportFormat.Csv:
                WriteCsv(text, plan);
                break;
            case ReportFormat.Json:
                WriteJson(text, plan, currency);
                break;
            default:
                WriteTable(text, plan, currency);
                break;
        }

        context.Write("--output", target.OutputPath, writer => writer.Write(text.ToString()));
    }

    private static string Status(BudgetBound bound) => bound switch
    {
        BudgetBound.Minimum => "min",
        BudgetBound.Maximum => "max",
        _ => "free",
    };

    private static void WriteCsv(TextWriter writer, BudgetPlan plan)
    {
        writer.Write("model,channel,current_spend,current_value,proposed_spend,change,expected_value,bound\n");
        foreach (var line in plan.Lines)
        {
            WriteCsvLine(writer, plan.Model, line, Status(line.Bound));
        }

        WriteCsvLine(writer, plan.Model, plan.Total, string.Empty);
        foreach (var row in plan.LeftOut)
        {
            writer.Write(string.Join(',', CsvReportWriter.Escape(plan.Model), CsvReportWriter.Escape(row.Key), CsvReportWriter.Number(row.Spend), CsvReportWriter.Number(row.Value), string.Empty, string.Empty, string.Empty, LeftOutStatus));
            writer.Write('\n');
        }
    }

    private static void WriteCsvLine(TextWriter writer, string model, BudgetLine line, string status)
    {
        writer.Write(string.Join(
            ',',
            CsvReportWriter.Escape(model),
            CsvReportWriter.Escape(line.Key),
            CsvReportWriter.Number(line.CurrentSpend),
            CsvReportWriter.Number(line.CurrentValue),
            CsvReportWriter.Number(line.ProposedSpend),
            CsvReportWriter.Number(line.Change),
            CsvReportWriter.Number(line.ExpectedValue),
            status));
        writer.Write('\n');
    }

    private static void WriteJson(TextWriter writer, BudgetPlan plan, string? currency)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("whatIf", plan.Assumption);
            json.WriteString("model", plan.Model);
            WriteNullable(json, "currency", currency);
            json.WriteNumber("budget", plan.Options.Budget);
            json.WriteNumber("elasticity", plan.Options.Elasticity);
            json.WriteNumber("min", plan.Options.MinMultiplier);
            if (double.IsPositiveInfinity(plan.Options.MaxMultiplier))
            {
                json.WriteNull("max");
            }
            else
            {
                json.WriteNumber("max", plan.Options.MaxMultiplier);
            }

            json.WriteStartArray("rows");
            foreach (var line in plan.Lines)
            {
                json.WriteStartObject();
                WriteJsonLine(json, line);
                json.WriteString("bound", Status(line.Bound));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("total");
            WriteJsonLine(json, plan.Total);
            json.WriteEndObject();
            json.WriteStartArray("leftOut");
            foreach (var row in plan.LeftOut)
            {
                json.WriteStartObject();
                json.WriteString("channel", row.Key);
                json.WriteNumber("currentValue", row.Value);
                json.WriteString("reason", "no spend");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    private static void WriteJsonLine(Utf8JsonWriter json, BudgetLine line)
    {
        json.WriteString("channel", line.Key);
        json.WriteNumber("currentSpend", line.CurrentSpend);
        json.WriteNumber("currentValue", line.CurrentValue);
        json.WriteNumber("proposedSpend", line.ProposedSpend);
        json.WriteNumber("change", line.Change);
        json.WriteNumber("expectedValue", line.ExpectedValue);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTable(TextWriter writer, BudgetPlan plan, string? currency)
    {
        var unit = currency is null ? string.Empty : $" ({currency})";
        string[] header = ["channel", "current spend" + unit, "current value", "proposed spend" + unit, "change", "expected value", "bound"];
        var cells = plan.Lines.Select(l => Cells(l, Status(l.Bound))).ToList();
        cells.Add(Cells(plan.Total, string.Empty));
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        void Line(string[] values)
        {
            // Names are left-aligned, numbers right-aligned.
            writer.Write(string.Join("  ", values.Select((v, i) => i is 0 or 6 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))).TrimEnd());
            writer.Write('\n');
        }

        writer.Write(plan.Assumption);
        writer.Write("\n\n");
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        for (var r = 0; r < cells.Count; r++)
        {
            if (r == cells.Count - 1)
            {
                Line(widths.Select(w => new string('-', w)).ToArray());
            }

            Line(cells[r]);
        }

        if (plan.LeftOut.Count > 0)
        {
            writer.Write('\n');
            writer.Write("Left out, no current spend: ");
            writer.Write(string.Join(", ", plan.LeftOut.Select(r => $"{r.Key} (value {N(r.Value)})")));
            writer.Write(".\n");
        }
    }

    private static string[] Cells(BudgetLine line, string status) =>
    [
        line.Key, N(line.CurrentSpend), N(line.CurrentValue), N(line.ProposedSpend),
        line.Change.ToString("+#,0.##;-#,0.##;0", CultureInfo.InvariantCulture), N(line.ExpectedValue), status,
    ];

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
