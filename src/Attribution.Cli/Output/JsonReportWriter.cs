using System.Text.Json;
using System.Text.Json.Serialization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes the report as one JSON document through a source-generated serializer (safe to trim).</summary>
internal static class JsonReportWriter
{
    public static void Write(TextWriter writer, CreditReport report)
    {
        var blocks = new List<JsonBlock>(report.Blocks.Count);
        foreach (var block in report.Blocks)
        {
            blocks.Add(new JsonBlock(
                block.Model,
                block.Kind,
                block.TotalConversions,
                block.TotalValue,
                new JsonUnattributed(block.UnattributedConversions, block.UnattributedValue),
                Rows(block.Rows)));
        }

        var period = report.Period is { } p ? new JsonPeriod(CreditReport.Instant(p.From), CreditReport.Instant(p.To)) : null;
        var notCounted = report.NotCountedByStatus.Count == 0 ? null : report.NotCountedByStatus.Select(static s => new JsonStatusCount(s.Key, s.Value)).ToList();
        writer.Write(JsonSerializer.Serialize(new JsonReport(period, blocks) { NotCountedByStatus = notCounted }, CliJsonContext.Default.JsonReport));
        writer.Write('\n');
    }

    private static List<JsonRow> Rows(IReadOnlyList<CreditTotal> source)
    {
        var rows = new List<JsonRow>(source.Count);
        foreach (var row in source)
        {
            rows.Add(new JsonRow(row.Key, row.Conversions, row.Value));
        }

        return rows;
    }
}

/// <summary>The JSON document: the reporting period (null when every conversion is reported) and one entry per model × kind.</summary>
internal sealed record JsonReport(JsonPeriod? Period, IReadOnlyList<JsonBlock> Blocks)
{
    /// <summary>Gets the touch rows --count-statuses left out, per status; absent when every row counted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonStatusCount>? NotCountedByStatus { get; init; }
}

/// <summary>The touch rows of one campaign-member status that were not counted.</summary>
internal sealed record JsonStatusCount(string Status, int Rows);

/// <summary>The reporting period: from inclusive, to exclusive, ISO-8601 UTC.</summary>
internal sealed record JsonPeriod(string From, string To);

/// <summary>One model's credit for one conversion kind.</summary>
/// <remarks>Counts are numbers, not integers: a path file's conversions may be fractions. Whole numbers are written the same either way.</remarks>
internal sealed record JsonBlock(string Model, string Conversion, double TotalConversions, double TotalValue, JsonUnattributed Unattributed, IReadOnlyList<JsonRow> Rows);

/// <summary>The conversions no touchpoint earned.</summary>
internal sealed record JsonUnattributed(double Conversions, double Value);

/// <summary>The credit of one channel or campaign.</summary>
internal sealed record JsonRow(string Key, double Conversions, double Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
