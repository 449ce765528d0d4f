using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attribution.DataDriven;

/// <summary>Reads and writes a fitted Markov chain as JSON: its states and counts, and the solved effects.</summary>
/// <remarks>The effects (<c>conversionProbability</c>, <c>expectedValue</c>, <c>removalEffects</c>,
/// <c>valueRemovalEffects</c>) were added to version 1 as optional properties: a file without them, written before,
/// still loads and has them computed from its counts; older readers ignore them.</remarks>
internal static class MarkovJson
{
    private const string Format = "attribution.markov";
    private const int Version = 1;

    public static string Write(MarkovModel model)
    {
        var graph = model.Graph;
        var states = new int[graph.StateCount - 1][];
        for (var s = 1; s < graph.StateCount; s++)
        {
            states[s - 1] = graph.GetStateChannels(s).ToArray();
        }

        var from = new int[graph.EdgeTargets.Length];
        for (var s = 0; s < graph.StateCount; s++)
        {
            for (var e = graph.EdgeOffsets[s]; e < graph.EdgeOffsets[s + 1]; e++)
            {
                from[e] = s;
            }
        }

        var dto = new MarkovModelDto
        {
            Format = Format,
            Version = Version,
            Order = graph.Order,
            Channels = [.. model.Channels],
            TotalConversions = model.TotalConversions,
            TotalValue = model.TotalValue,
            TotalNulls = model.TotalNulls,
            States = states,
            EdgeFrom = from,
            EdgeTo = graph.EdgeTargets,
            EdgeCounts = graph.EdgeCounts,
            Conversions = graph.Conversions,
            Values = graph.Values,
            Nulls = graph.Nulls,
            ConversionProbability = model.Effects.ConversionProbability,
            ExpectedValue = model.Effects.ExpectedValue,
            RemovalEffects = model.Effects.RemovalEffects,
            ValueRemovalEffects = model.Effects.ValueRemovalEffects,
        };
        return JsonSerializer.Serialize(dto, MarkovJsonContext.Default.MarkovModelDto);
    }

    public static MarkovModel Read(string json)
    {
        var dto = JsonSerializer.Deserialize(json, MarkovJsonContext.Default.MarkovModelDto)
            ?? throw new JsonException("Expected a Markov model object, found null.");
        if (dto.Format != Format || dto.Version != Version)
        {
            throw new JsonException($"Expected format '{Format}' version {Version}, found '{dto.Format}' version {dto.Version}.");
        }

        var channels = Require(dto.Channels, "channels");
        var states = Require(dto.States, "states");
        var from = Require(dto.EdgeFrom, "edgeFrom");
        var to = Require(dto.EdgeTo, "edgeTo");
        var counts = Require(dto.EdgeCounts, "edgeCounts");
        var conversions = Require(dto.Conversions, "conversions");
        var values = Require(dto.Values, "values");
        var nulls = Require(dto.Nulls, "nulls");
        if (dto.Order is < 1 or > 32)
        {
            throw new JsonException($"'order' must be from 1 to 32, found {dto.Order}.");
        }

        var stateCount = states.Length + 1;
        if (to.Length != from.Length || counts.Length != from.Length)
        {
            throw new JsonException($"'edgeFrom', 'edgeTo' and 'edgeCounts' must have the same length, found {from.Length}, {to.Length} and {counts.Length}.");
        }

        if (conversions.Length != stateCount || values.Length != stateCount || nulls.Length != stateCount)
        {
            throw new JsonException($"'conversions', 'values' and 'nulls' must have one entry per state including start ({stateCount}).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (string.IsNullOrWhiteSpace(channel) || !seen.Add(channel))
            {
                throw new JsonException($"'channels' must hold distinct non-empty names; '{channel}' is not.");
            }

            if (Journeys.Names.Violation(channel, reservedApplies: true) is { } why)
            {
                throw new JsonException($"'channels' holds '{channel}', which {why}.");
            }
        }

        var offsets = new int[stateCount + 1];
        var flat = new List<int>();
        for (var s = 0; s < states.Length; s++)
        {
            var state = states[s];
            if (state is null || state.Length < 1 || state.Length > dto.Order)
            {
                throw new JsonException($"State {s + 1} must hold 1 to {dto.Order} channel ids.");
            }

            foreach (var id in state)
            {
                if ((uint)id >= (uint)channels.Length)
                {
                    throw new JsonException($"State {s + 1} refers to channel id {id}; there are {channels.Length} channels.");
                }

                flat.Add(id);
            }

            offsets[s + 2] = flat.Count;
        }

        for (var e = 0; e < from.Length; e++)
        {
            if ((uint)from[e] >= (uint)stateCount || to[e] < 1 || to[e] >= stateCount)
            {
                throw new JsonException($"Edge {e} goes from state {from[e]} to state {to[e]}; states are 0 (start) to {stateCount - 1}.");
            }
        }

        CheckCounts(counts, "edgeCounts");
        CheckCounts(conversions, "conversions");
        CheckCounts(values, "values");
        CheckCounts(nulls, "nulls");
        var graph = MarkovGraph.FromEdges(dto.Order, channels.Length, offsets, [.. flat], from, to, counts, conversions, values, nulls);
        for (var s = 1; s < stateCount; s++)
        {
            if (graph.Leaving[s] <= 0)
            {
                throw new JsonException($"State {s} has no way out (no transition to another state, conversion or null).");
            }

            if (!double.IsFinite(graph.Leaving[s]))
            {
                throw new JsonException($"State {s}: its counts add up to more than the largest number ({double.MaxValue:R}).");
            }
        }

        var trapped = graph.FindTrappedState();
        if (trapped >= 0)
        {
            throw new JsonException($"State {trapped} never reaches (conversion) or (null): its walks would never end.");
        }

        var effects = ReadEffects(dto, channels.Length) ?? MarkovEffects.Compute(graph, progress: null);
        return new MarkovModel(graph, channels, dto.TotalConversions, dto.TotalValue, dto.TotalNulls, effects);
    }

    private static MarkovEffects? ReadEffects(MarkovModelDto dto, int channelCount)
    {
        if (dto.RemovalEffects is null && dto.ValueRemovalEffects is null && dto.ConversionProbability is null && dto.ExpectedValue is null)
        {
            return null;
        }

        var effects = Require(dto.RemovalEffects, "removalEffects");
        var valueEffects = Require(dto.ValueRemovalEffects, "valueRemovalEffects");
        var probability = dto.ConversionProbability ?? throw new JsonException("Property 'conversionProbability' is missing.");
        var expected = dto.ExpectedValue ?? throw new JsonException("Property 'expectedValue' is missing.");
        if (effects.Length != channelCount || valueEffects.Length != channelCount)
        {
            throw new JsonException($"'removalEffects' and 'valueRemovalEffects' must have one entry per channel ({channelCount}), found {effects.Length} and {valueEffects.Length}.");
        }

        CheckEffects(effects, "removalEffects");
        CheckEffects(valueEffects, "valueRemovalEffects");
        if (!(probability is >= 0 and <= 1))
        {
            throw new JsonException($"'conversionProbability' must be from 0 to 1, found {probability}.");
        }

        if (!double.IsFinite(expected) || expected < 0)
        {
            throw new JsonException($"'expectedValue' must be a finite non-negative number, found {expected}.");
        }

        return new MarkovEffects(probability, expected, effects, valueEffects);
    }

    private static T Require<T>(T? value, string name)
        where T : class
        => value ?? throw new JsonException($"Property '{name}' is missing.");

    private static void CheckEffects(double[] effects, string name)
    {
        for (var i = 0; i < effects.Length; i++)
        {
            if (!(effects[i] is >= 0 and <= 1))
            {
                throw new JsonException($"'{name}'[{i}] must be from 0 to 1, found {effects[i]}.");
            }
        }
    }

    private static void CheckCounts(double[] counts, string name)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (!double.IsFinite(counts[i]) || counts[i] < 0)
            {
                throw new JsonException($"'{name}'[{i}] must be a finite non-negative number, found {counts[i]}.");
            }
        }
    }
}

/// <summary>The saved form of a <see cref="MarkovModel"/>. States are numbered from 1 (0 is start) in the order of <see cref="States"/>.</summary>
internal sealed class MarkovModelDto
{
    public string? Format { get; set; }

    public int Version { get; set; }

    public int Order { get; set; }

    public string[]? Channels { get; set; }

    public double TotalConversions { get; set; }

    public double TotalValue { get; set; }

    public double TotalNulls { get; set; }

    public int[][]? States { get; set; }

    public int[]? EdgeFrom { get; set; }

    public int[]? EdgeTo { get; set; }

    public double[]? EdgeCounts { get; set; }

    public double[]? Conversions { get; set; }

    public double[]? Values { get; set; }

    public double[]? Nulls { get; set; }

    public double? ConversionProbability { get; set; }

    public double? ExpectedValue { get; set; }

    public double[]? RemovalEffects { get; set; }

    public double[]? ValueRemovalEffects { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MarkovModelDto))]
internal sealed partial class MarkovJsonContext : JsonSerializerContext;
