using System.Text.Json.Serialization;
using Attribution.Reports;

namespace Attribution.IO;

/// <summary>Source-generated JSON metadata for contribution records: snake_case names, the same as the CSV header.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ContributionRecord[]))]
[JsonSerializable(typeof(ContributionRecord))]
internal sealed partial class ContributionJsonContext : JsonSerializerContext
{
}
