using System.Globalization;
using System.Text;
using System.Text.Json;
using Attribution.Cli.Commands;
using Attribution.Engine;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes spend against credit — <c>model,conversion,channel,spend,conversions,value,roas,roi,cpa</c> — in a <see cref="ReportFormat"/>.</summary>
/// <remarks>Rows are per model × conversion kind × key, then a <c>(total)</c> row per model × kind (all spend against the
/// kind's credit: cost per lead, per order …). An undefined ratio (division by zero), and the spend of a key no spend line
/// names, is empty in CSV, null in JSON and "n/a" in a table.</remarks>
internal static class SpendReportWriter
{
    public static void Write(ReportTarget target, AttributionReport report, SpendTable? spend, string source, IReadOnlyCollection<string>? kinds, CliContext context)
    {
        spend ??= SpendTable.Empty;
        var rows = new List<SpendReturn>();
        foreach (var result in report.Results)
        {
            var keyed = target.Grouping == ReportGrouping.Campaign ? ReturnOnSpend.ByCampaign(result, spend) : ReturnOnSpend.ByChannel(result, spend);
            foreach (var total in ReturnOnSpend.Totals(result, spend))
            {
                if (kinds is not null && !kinds.Contains(total.Kind))
                {
                    continue;
                }

                rows.AddRange(keyed.Where(r => r.Kind == total.Kind));
                rows.Add(total);
            }
        }

        var key = ReportWriter.KeyHeader(target.Grouping);
        foreach (var r in rows)
        {
            // ROAS, ROI and CPA divide by spend or conversions: a tiny divisor can overflow where the totals did not.
            var what = $"model '{r.Model}', kind '{r.Kind}' and {key} '{r.Key}'";
            FiniteNumbers.Require(r.Spend, source, "the spend of " + what);
            FiniteNumbers.Require(r.Roas ?? 0, source, "the ROAS of " + what);
            FiniteNumbers.Require(r.Roi ?? 0, source, "the ROI of " + what);
            FiniteNumbers.Require(r.Cpa ?? 0, source, "the CPA of " + what);
        }

        var period = report.Results.Count > 0 ? report.Results[0].Options.Period : null;
        if (target.Format == ReportFormat.Csv && period is { } p)
        {
            context.Note($"the rows count only conversions {CreditReport.Describe(p)}, and only spend lines dated inside it.");
        }

        context.Write("--output", target.OutputPath, text =>
        {
            switch (target.Format)
            {
                case ReportFormat.Csv:
                    WriteCsv(text, key, rows);
                    break;
                case ReportFormat.Json:
                    WriteJson(text, key, rows, spend.Currency, period);
                    break;
                default:
                    WriteTable(text, key, rows, spend.Currency, period);
                    break;
            }
        });
    }

    private static void WriteCsv(TextWriter writer, string key, IReadOnlyList<SpendReturn> rows)
    {
        writer.Write($"model,conversion,{key},spend,conversions,value,roas,roi,cpa\n");
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', CsvReportWriter.Escape(r.Model), CsvReportWriter.Escape(r.Kind), CsvReportWriter.Escape(r.Key), Optional(SpendOf(r)), CsvReportWriter.Number(r.Conversions), CsvReportWriter.Number(r.Value), Optional(r.Roas), Optional(r.Roi), Optional(r.Cpa)));
            writer.Write('\n');
        }
    }

    // A key no spend line names has no known cost: "n/a", not 0.
    private static double? SpendOf(SpendReturn row) => row.HasSpendLine ? row.Spend : null;

    private static string Optional(double? value) => value is { } v ? CsvReportWriter.Number(v) : string.Empty;

    private static void WriteJson(TextWriter writer, string key, IReadOnlyList<SpendReturn> rows, string? currency, ReportingPeriod? period)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            if (currency is null)
            {
                json.WriteNull("currency");
            }
            else
            {
                json.WriteString("currency", currency);
            }

            if (period is { } p)
            {
                json.WriteStartObject("period");
                json.WriteString("from", CreditReport.Instant(p.From));
                json.WriteString("to", CreditReport.Instant(p.To));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("period");
            }

            json.WriteStartArray("rows");
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("model", r.Model);
                json.WriteString("conversion", r.Kind);
                json.WriteString(key, r.Key);
                WriteOptional(json, "spend", SpendOf(r));
                json.WriteNumber("conversions", r.Conversions);
                json.WriteNumber("value", r.Value);
                WriteOptional(json, "roas", r.Roas);
                WriteOptional(json, "roi", r.Roi);
                WriteOptional(json, "cpa", r.Cpa);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteTable(TextWriter writer, string key, IReadOnlyList<SpendReturn> rows, string? currency, ReportingPeriod? period)
    {
        writer.Write(TableReportWriter.Period(period));
        string[] header = ["model", "conversion", key, currency is null ? "spend" : $"spend ({currency})", "conversions", "value", "ROAS", "ROI", "cost per conversion"];
        var cells = rows.Select(r => new[]
        {
            r.Model, r.Kind, r.Key, SpendOf(r) is { } cost ? N(cost) : "n/a", N(r.Conversions), N(r.Value),
            r.Roas is { } roas ? N(roas) : "n/a",
            r.Roi is { } roi ? roi.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a",
            r.Cpa is { } cpa ? N(cpa) : "n/a",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        void Line(string[] values)
        {
            // Names are left-aligned, numbers right-aligned.
            writer.Write(string.Join("  ", values.Select((v, i) => i < 3 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))).TrimEnd());
            writer.Write('\n');
        }

        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in cells)
        {
            Line(row);
        }
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
