using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Attribution.Reports;

namespace Attribution.DataDriven;

/// <summary>Reads and writes <see cref="ShapleyModel"/> as JSON through a source-generated context (no reflection).</summary>
internal static class ShapleyModelJson
{
    public const string Kind = "shapley";
    public const int CurrentVersion = 1;

    public static string Write(ShapleyOptions options, string[] channels, ShapleyCoalition[] coalitions, CreditTotal[] credits)
    {
        var sets = new ShapleyCoalitionDocument[coalitions.Length];
        for (var i = 0; i < coalitions.Length; i++)
        {
            var members = new List<string>();
            for (var rest = coalitions[i].Mask; rest != 0; rest &= rest - 1)
            {
                members.Add(channels[BitOperations.TrailingZeroCount(rest)]);
            }

            sets[i] = new ShapleyCoalitionDocument
            {
                Channels = [.. members],
                Conversions = coalitions[i].Conversions,
                Nulls = coalitions[i].Nulls,
                Value = coalitions[i].Value,
            };
        }

        var totals = new ShapleyCreditDocument[credits.Length];
        for (var i = 0; i < credits.Length; i++)
        {
            totals[i] = new ShapleyCreditDocument { Channel = credits[i].Key, Conversions = credits[i].Conversions, Value = credits[i].Value };
        }

        var document = new ShapleyModelDocument
        {
            Model = Kind,
            Version = CurrentVersion,
            Method = options.Method,
            ExactChannelCap = options.ExactChannelCap,
            Samples = options.Samples,
            Seed = options.Seed,
            Channels = channels,
            Coalitions = sets,
            Credits = totals,
        };
        return JsonSerializer.Serialize(document, ShapleyJsonContext.Default.ShapleyModelDocument);
    }

    public static ShapleyModel Read(string json)
    {
        var document = JsonSerializer.Deserialize(json, ShapleyJsonContext.Default.ShapleyModelDocument)
            ?? throw new JsonException("The JSON of a Shapley model is null.");
        if (document.Model != Kind)
        {
            throw new JsonException($"'model' must be \"{Kind}\", but was \"{document.Model}\".");
        }

        if (document.Version != CurrentVersion)
        {
            throw new JsonException(FormattableString.Invariant($"'version' {document.Version} is not supported; this library reads version {CurrentVersion}."));
        }

        if (document.Channels is null || document.Coalitions is null || document.Credits is null)
        {
            throw new JsonException("'channels', 'coalitions' and 'credits' must be arrays, not null.");
        }

        var options = new ShapleyOptions { Method = document.Method, ExactChannelCap = document.ExactChannelCap, Samples = document.Samples, Seed = document.Seed };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new JsonException(e.Message, e);
        }

        var channels = document.Channels;
        if (channels.Length > ShapleyAttribution.MaxChannels)
        {
            throw new JsonException(FormattableString.Invariant($"'channels' holds {channels.Length} channels; at most {ShapleyAttribution.MaxChannels} are supported."));
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < channels.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(channels[c]) || !ids.TryAdd(channels[c], c))
            {
                throw new JsonException(FormattableString.Invariant($"'channels[{c}]' is empty or repeated."));
            }

            if (Journeys.Names.Violation(channels[c], reservedApplies: true) is { } why)
            {
                throw new JsonException(FormattableString.Invariant($"'channels[{c}]' {why}."));
            }
        }

        var coalitions = new ShapleyCoalition[document.Coalitions.Length];
        var seen = new HashSet<ulong>();
        for (var i = 0; i < coalitions.Length; i++)
        {
            var set = document.Coalitions[i] ?? throw new JsonException(FormattableString.Invariant($"'coalitions[{i}]' is null."));
            if (set.Channels is null)
            {
                throw new JsonException(FormattableString.Invariant($"'coalitions[{i}].channels' must be an array, not null."));
            }

            var mask = 0UL;
            foreach (var channel in set.Channels)
            {
                if (channel is null || !ids.TryGetValue(channel, out var id))
                {
                    throw new JsonException(FormattableString.Invariant($"'coalitions[{i}].channels' names '{channel}', which is not in 'channels'."));
                }

                mask |= 1UL << id;
            }

            if (mask == 0 || !seen.Add(mask))
            {
                throw new JsonException(FormattableString.Invariant($"'coalitions[{i}]' is empty or repeats an earlier channel set."));
            }

            CheckCount(set.Conversions, i, "conversions");
            CheckCount(set.Nulls, i, "nulls");
            CheckCount(set.Value, i, "value");
            coalitions[i] = new ShapleyCoalition(mask, set.Conversions, set.Nulls, set.Value);
        }

        var credits = new CreditTotal[document.Credits.Length];
        for (var i = 0; i < credits.Length; i++)
        {
            var credit = document.Credits[i] ?? throw new JsonException(FormattableString.Invariant($"'credits[{i}]' is null."));
            if (i >= channels.Length || credit.Channel != channels[i])
            {
                throw new JsonException(FormattableString.Invariant($"'credits[{i}].channel' must be '{(i < channels.Length ? channels[i] : "(none)")}' (credits follow 'channels')."));
            }

            credits[i] = new CreditTotal(credit.Channel, credit.Conversions, credit.Value);
        }

        if (credits.Length != channels.Length)
        {
            throw new JsonException(FormattableString.Invariant($"'credits' has {credits.Length} entries but 'channels' has {channels.Length}."));
        }

        return new ShapleyModel(options, channels, coalitions, credits);
    }

    private static void CheckCount(double count, int index, string field)
    {
        if (!double.IsFinite(count) || count < 0)
        {
            throw new JsonException(FormattableString.Invariant($"'coalitions[{index}].{field}' must be finite and not negative, but was {count}."));
        }
    }
}

/// <summary>The JSON shape of a fitted Shapley model.</summary>
internal sealed class ShapleyModelDocument
{
    [JsonRequired]
    public string Model { get; init; } = "";

    [JsonRequired]
    public int Version { get; init; }

    [JsonRequired]
    public ShapleyMethod Method { get; init; }

    [JsonRequired]
    public int ExactChannelCap { get; init; }

    [JsonRequired]
    public int Samples { get; init; }

    [JsonRequired]
    public int Seed { get; init; }

    [JsonRequired]
    public string[] Channels { get; init; } = [];

    /// <summary>Every observed set of distinct channels with its summed counts; v(S) = conversions / (conversions + nulls).</summary>
    [JsonRequired]
    public ShapleyCoalitionDocument[] Coalitions { get; init; } = [];

    [JsonRequired]
    public ShapleyCreditDocument[] Credits { get; init; } = [];
}

/// <summary>One observed channel set.</summary>
internal sealed class ShapleyCoalitionDocument
{
    [JsonRequired]
    public string[] Channels { get; init; } = [];

    [JsonRequired]
    public double Conversions { get; init; }

    [JsonRequired]
    public double Nulls { get; init; }

    [JsonRequired]
    public double Value { get; init; }
}

/// <summary>One channel's credit over the training paths.</summary>
internal sealed class ShapleyCreditDocument
{
    [JsonRequired]
    public string Channel { get; init; } = "";

    [JsonRequired]
    public double Conversions { get; init; }

    [JsonRequired]
    public double Value { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ShapleyModelDocument))]
internal sealed partial class ShapleyJsonContext : JsonSerializerContext;
