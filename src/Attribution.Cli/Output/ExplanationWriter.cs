using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes a journey's explanation as one JSON document through a source-generated serializer (safe to trim).</summary>
internal static class ExplanationWriter
{
    // Details hold Δ, φ and quotes: written as they are (the output is a file or a terminal, never HTML), as saved models are.
    private static readonly ExplanationJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void WriteJson(TextWriter writer, JourneyExplanation explanation)
    {
        var conversions = explanation.Conversions.Select(static c => new JsonConversionExplanation(
            c.Index,
            c.Conversion.Kind,
            c.Conversion.Id,
            CreditReport.Instant(c.Conversion.Instant),
            c.Conversion.Value,
            Name(c.Outcome),
            [.. c.Touches.Select(Touch)],
            c.Coalitions.Count == 0 ? null : [.. c.Coalitions.Select(static v => new JsonCoalition(v.Channels, v.Value))])).ToList();
        writer.Write(JsonSerializer.Serialize(new JsonJourneyExplanation(explanation.JourneyId, explanation.Model, conversions), Context.JsonJourneyExplanation));
        writer.Write('\n');
    }

    private static JsonTouchExplanation Touch(TouchExplanation t) => new(
        t.Index,
        t.Touchpoint.Channel,
        t.Touchpoint.Campaign,
        CreditReport.Instant(t.Touchpoint.Instant),
        t.Age.TotalDays,
        Name(t.Eligibility),
        t.IsEligible ? t.Position : null,
        t.Weight,
        t.Share,
        t.Value,
        t.IsEligible ? Name(t.Reason) : null,
        t.Detail,
        t.DecayFactor,
        t.Milestones.Count == 0 ? null : t.Milestones,
        t.RemovalEffect,
        t.ShapleyValue);

    // Enum names as the CLI spells its values: OutsideLookback → outside-lookback.
    private static string Name<T>(T value)
        where T : struct, Enum
        => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

/// <summary>The explanation of one journey under one model.</summary>
internal sealed record JsonJourneyExplanation(string Journey, string Model, IReadOnlyList<JsonConversionExplanation> Conversions);

/// <summary>One conversion: its outcome (credited, unattributed, outside-period), every touch before it, and a Shapley model's coalition values.</summary>
internal sealed record JsonConversionExplanation(
    int Index, string Kind, string? Id, string Instant, double Value, string Outcome, IReadOnlyList<JsonTouchExplanation> Touches, IReadOnlyList<JsonCoalition>? Coalitions);

/// <summary>One touch before a conversion: eligible or why not; weight, share and value; the model's reason and its numbers.</summary>
internal sealed record JsonTouchExplanation(
    int Index,
    string Channel,
    string? Campaign,
    string Instant,
    double AgeDays,
    string Eligibility,
    int? Position,
    double Weight,
    double Share,
    double Value,
    string? Reason,
    string Detail,
    double? DecayFactor,
    IReadOnlyList<string>? Milestones,
    double? RemovalEffect,
    double? ShapleyValue);

/// <summary>v(S) of one coalition of channels.</summary>
internal sealed record JsonCoalition(IReadOnlyList<string> Channels, double Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonJourneyExplanation))]
internal sealed partial class ExplanationJsonContext : JsonSerializerContext;
