using System.Text.Json;
using System.Text.Json.Serialization;
using Attribution.Reports;

namespace Attribution.IO;

/// <summary>Source-generated JSON metadata for contribution records: camelCase names and UTC instants with <c>Z</c>, as
/// every JSON the library and the CLI write.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, Converters = [typeof(UtcInstantConverter)])]
[JsonSerializable(typeof(ContributionRecord[]))]
[JsonSerializable(typeof(ContributionRecord))]
internal sealed partial class ContributionJsonContext : JsonSerializerContext
{
}

/// <summary>Writes an instant as the CSV does (<c>2026-03-01T09:30:00Z</c>) and reads any ISO-8601 instant back.</summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(InstantText.Utc(value));
}
