using System.Text.Json;
using System.Text.Json.Serialization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes the report as one JSON document through a source-generated serializer (safe to trim).</summary>
internal static class JsonReportWriter
{
    public static void Write(TextWriter writer, AttributionReport report, ReportGrouping grouping)
    {
        var models = new List<JsonModelResult>(report.Results.Count);
        foreach (var result in report.Results)
        {
            models.Add(new JsonModelResult(
                result.Model,
                result.ConversionCount,
                result.TotalValue,
                new JsonUnattributed(result.UnattributedConversions, result.UnattributedValue),
                Rows(ReportWriter.Rows(result, grouping))));
        }

        Write(writer, new JsonReport(models));
    }

    /// <summary>Writes a document; the path report writes the same one.</summary>
    public static void Write(TextWriter writer, JsonReport report)
    {
        writer.Write(JsonSerializer.Serialize(report, CliJsonContext.Default.JsonReport));
        writer.Write('\n');
    }

    public static List<JsonRow> Rows(IReadOnlyList<CreditTotal> source)
    {
        var rows = new List<JsonRow>(source.Count);
        foreach (var row in source)
        {
            rows.Add(new JsonRow(row.Key, row.Conversions, row.Value));
        }

        return rows;
    }
}

/// <summary>The JSON document: one entry per model.</summary>
internal sealed record JsonReport(IReadOnlyList<JsonModelResult> Models);

/// <summary>One model's totals and rows.</summary>
/// <remarks>Counts are numbers, not integers: a path file's conversions may be fractions. Whole numbers are written the same either way.</remarks>
internal sealed record JsonModelResult(string Model, double TotalConversions, double TotalValue, JsonUnattributed Unattributed, IReadOnlyList<JsonRow> Rows);

/// <summary>The conversions no touchpoint earned.</summary>
internal sealed record JsonUnattributed(double Conversions, double Value);

/// <summary>The credit of one channel or campaign.</summary>
internal sealed record JsonRow(string Key, double Conversions, double Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
