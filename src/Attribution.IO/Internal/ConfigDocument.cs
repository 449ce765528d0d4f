using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attribution.IO.Internal;

// The JSON shape of an attribution config file, as written; AttributionConfig checks every value and builds the options.
// Unknown properties are refused (JsonUnmappedMemberHandling.Disallow), so a typo is an error, not a silent default.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ConfigDocument
{
    public string? Lookback { get; set; }

    public Dictionary<string, string>? LookbackByKind { get; set; }

    public string? Reset { get; set; }

    public List<string>? Exclude { get; set; }

    public List<string>? Stages { get; set; }

    public ConfigPeriod? Period { get; set; }

    public List<string>? Conversions { get; set; }

    public List<ConfigModel>? Models { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ConfigPeriod
{
    public string? From { get; set; }

    public string? To { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ConfigModel
{
    public string? Name { get; set; }

    public string? Model { get; set; }

    public string? HalfLife { get; set; }

    public List<double>? Positions { get; set; }

    public Dictionary<string, double>? ChannelWeights { get; set; }

    public Dictionary<string, double>? MilestoneWeights { get; set; }

    public int? Order { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigDocument))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext
{
    /// <summary>The property names each object of the file may have, for "did you mean" on a typo.</summary>
    public static readonly string[] TopLevelProperties = ["lookback", "lookbackByKind", "reset", "exclude", "stages", "period", "conversions", "models"];

    public static readonly string[] PeriodProperties = ["from", "to"];

    public static readonly string[] ModelProperties = ["name", "model", "halfLife", "positions", "channelWeights", "milestoneWeights", "order"];
}
