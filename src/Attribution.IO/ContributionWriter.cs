using System.Globalization;
using System.Text;
using System.Text.Json;
using Attribution.IO.Internal;
using Attribution.Reports;

namespace Attribution.IO;

/// <summary>Writes contribution records as CSV or JSON for a CRM to import.</summary>
/// <remarks>
/// <para>Both formats have the same fields: the CSV header in snake_case (<c>model, campaign, channel, journey_id,
/// conversion_id, conversion_kind, conversion_instant, conversion_value, share, value</c>), the JSON names in camelCase
/// (<c>journeyId</c>, <c>conversionInstant</c> …) like every JSON the library and the CLI write. Instants are ISO-8601
/// in UTC with <c>Z</c> in both; numbers use a dot and round-trip exactly.</para>
/// <para>CSV fields that hold a comma, a quote or a line break are quoted, with quotes doubled (RFC 4180). A text field
/// that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading single quote
/// (<c>'=cmd</c>), so a spreadsheet shows it as text instead of running it as a formula; numbers and instants are never
/// changed.</para>
/// </remarks>
/// <example>
/// <code>
/// var records = ContributionRecords.From(report);
/// ContributionWriter.WriteCsv("contributions.csv", records);
/// ContributionWriter.WriteJson("contributions.json", records);
/// </code>
/// </example>
public static class ContributionWriter
{
    /// <summary>The CSV header, in field order.</summary>
    public const string CsvHeader = "model,campaign,channel,journey_id,conversion_id,conversion_kind,conversion_instant,conversion_value,share,value";

    private const int FlushThreshold = 1 << 16;

    /// <summary>Writes records as CSV with a header row, each as it comes.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="records">The records, for example a stream from <see cref="ContributionRecords.Stream(AttributionReport)"/>.</param>
    public static void WriteCsv(TextWriter writer, IEnumerable<ContributionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var r in records)
        {
            Field(writer, CsvText.TextCell(r.Model), ',');
            Field(writer, CsvText.TextCell(r.Campaign), ',');
            Field(writer, CsvText.TextCell(r.Channel), ',');
            Field(writer, CsvText.TextCell(r.JourneyId), ',');
            Field(writer, CsvText.TextCell(r.ConversionId), ',');
            Field(writer, CsvText.TextCell(r.ConversionKind), ',');
            Field(writer, InstantText.Utc(r.ConversionInstant), ',');
            Field(writer, Number(r.ConversionValue), ',');
            Field(writer, Number(r.Share), ',');
            Field(writer, Number(r.Value), '\n');
        }
    }

    /// <summary>Writes records as a CSV file (UTF-8, no byte order mark).</summary>
    /// <param name="path">The file; created or overwritten.</param>
    /// <param name="records">The records.</param>
    public static void WriteCsv(string path, IEnumerable<ContributionRecord> records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteCsv(writer, records);
    }

    /// <summary>Writes records as a JSON array of objects, each as it comes.</summary>
    /// <param name="stream">Where to write (UTF-8); left open.</param>
    /// <param name="records">The records, for example a stream from <see cref="ContributionRecords.Stream(AttributionReport)"/>.</param>
    public static void WriteJson(Stream stream, IEnumerable<ContributionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        using var json = new Utf8JsonWriter(stream, JsonOptions());
        WriteJson(json, records, json.Flush);
    }

    /// <summary>Writes records as a JSON array of objects, each as it comes, to text (standard output, a
    /// <see cref="StringWriter"/>): the same characters <see cref="WriteJson(Stream, IEnumerable{ContributionRecord})"/>
    /// writes as UTF-8.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="records">The records, for example a stream from <see cref="ContributionRecords.Stream(AttributionReport)"/>.</param>
    public static void WriteJson(TextWriter writer, IEnumerable<ContributionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var json = new Utf8JsonWriter(buffer, JsonOptions());
        WriteJson(json, records, () =>
        {
            // A flush ends on a token, so the bytes are whole UTF-8 sequences.
            json.Flush();
            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        });
    }

    // Record by record, flushed as the buffer fills, so a stream of records is never held whole; the output is the same
    // bytes the serializer writes for an array.
    private static void WriteJson(Utf8JsonWriter json, IEnumerable<ContributionRecord> records, Action flush)
    {
        var info = ContributionJsonContext.Default.ContributionRecord;
        json.WriteStartArray();
        foreach (var record in records)
        {
            JsonSerializer.Serialize(json, record, info);
            if (json.BytesPending >= FlushThreshold)
            {
                flush();
            }
        }

        json.WriteEndArray();
        flush();
    }

    private static JsonWriterOptions JsonOptions()
    {
        var options = ContributionJsonContext.Default.ContributionRecord.Options;
        return new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder };
    }

    /// <summary>Writes records as a JSON file.</summary>
    /// <param name="path">The file; created or overwritten.</param>
    /// <param name="records">The records.</param>
    public static void WriteJson(string path, IEnumerable<ContributionRecord> records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        WriteJson(stream, records);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Text fields come already spelled by CsvText.TextCell; numbers and instants hold no character that needs quoting.
    private static void Field(TextWriter writer, string text, char end)
    {
        writer.Write(text);
        writer.Write(end);
    }
}
