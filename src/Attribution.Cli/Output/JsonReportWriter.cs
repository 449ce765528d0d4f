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
                Rows(block)));
        }

        var period = report.Period is { } p ? new JsonPeriod(CreditReport.Instant(p.From), CreditReport.Instant(p.To)) : null;
        var notCounted = report.NotCountedByStatus.Count == 0 ? null : report.NotCountedByStatus.Select(static s => new JsonStatusCount(s.Key, s.Value)).ToList();
        var intervals = report.Intervals is { } o ? new JsonIntervals(o.Level, o.Resamples, o.Seed) : null;
        writer.Write(JsonSerializer.Serialize(new JsonReport(period, blocks) { NotCountedByStatus = notCounted, Intervals = intervals }, CliJsonContext.Default.JsonReport));
        writer.Write('\n');
    }

    private static List<JsonRow> Rows(CreditBlock block)
    {
        var rows = new List<JsonRow>(block.Rows.Count);
        foreach (var row in block.Rows)
        {
            var json = new JsonRow(row.Key, row.Conversions, row.Value);
            if (block.IntervalOf(row.Key) is { } i)
            {
                json = json with
                {
                    Share = i.Share,
                    ConversionsLow = i.ConversionsLow,
                    ConversionsHigh = i.ConversionsHigh,
                    ValueLow = i.ValueLow,
                    ValueHigh = i.ValueHigh,
                    ShareLow = i.ShareLow,
                    ShareHigh = i.ShareHigh,
                };
            }

            rows.Add(json);
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

    /// <summary>Gets how the rows' intervals were computed; absent without <c>--intervals</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonIntervals? Intervals { get; init; }
}

/// <summary>The touch rows of one campaign-member status that were not counted.</summary>
internal sealed record JsonStatusCount(string Status, int Rows);

/// <summary>The bootstrap behind the rows' <c>…Low</c> and <c>…High</c> fields.</summary>
internal sealed record JsonIntervals(double Level, int Resamples, int Seed);

/// <summary>The reporting period: from inclusive, to exclusive, ISO-8601 UTC.</summary>
internal sealed record JsonPeriod(string From, string To);

/// <summary>One model's credit for one conversion kind.</summary>
/// <remarks>Counts are numbers, not integers: a path file's conversions may be fractions. Whole numbers are written the same either way.</remarks>
internal sealed record JsonBlock(string Model, string Conversion, double TotalConversions, double TotalValue, JsonUnattributed Unattributed, IReadOnlyList<JsonRow> Rows);

/// <summary>The conversions no touchpoint earned.</summary>
internal sealed record JsonUnattributed(double Conversions, double Value);

/// <summary>The credit of one channel or campaign.</summary>
/// <remarks>With <c>--intervals</c>: the share of the kind's value and the bounds of the conversions, value and share intervals.</remarks>
internal sealed record JsonRow(string Key, double Conversions, double Value)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Share { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ConversionsLow { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ConversionsHigh { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValueLow { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValueHigh { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ShareLow { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ShareHigh { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
