using System.Globalization;
using System.Text.Json;
using Attribution.Engine;
using Attribution.IO.Internal;
using Attribution.Models;

namespace Attribution.IO;

/// <summary>A reviewed attribution configuration read from JSON: the engine's options, the conversion kinds to report and
/// the named models, so that a team runs the same report from the API and from <c>attribution --config FILE</c>.</summary>
/// <remarks>
/// <para>The file is one object; every property is optional:</para>
/// <code>
/// {
///   "lookback": "90d",                                   // a number with s, m, h or d
///   "lookbackByKind": { "order": "365d", "lead": "30d" },
///   "reset": "same-kind",                                // same-kind, any or never
///   "exclude": ["direct"],
///   "stages": ["lead", "opportunity", "order"],
///   "period": { "from": "2026-01-01", "to": "2026-04-01" }, // a date is midnight UTC; to is exclusive
///   "conversions": ["opportunity", "order"],
///   "models": [
///     { "name": "early", "model": "u-shaped", "positions": [0.5, 0.3, 0.2] },
///     { "name": "late", "model": "time-decay", "halfLife": "3d" },
///     { "model": "channel-weights", "channelWeights": { "email": 2, "display": 0.5 } },
///     { "model": "milestones", "milestoneWeights": { "first": 0.3, "lead": 0.3, "rest": 0.1 } },
///     { "name": "chain", "model": "markov", "order": 2 }
///   ]
/// }
/// </code>
/// <para>A model's <c>name</c> defaults to its model; names must be distinct. Each argument applies to its models only:
/// <c>positions</c> to u-shaped, j-shaped and inverse-j (a preset with its own positions is a u-shaped model under the
/// entry's name), <c>halfLife</c> to time-decay, <c>channelWeights</c> to channel-weights, <c>milestoneWeights</c> (keys <c>first</c>,
/// stage names, <c>rest</c>) to milestones, <c>order</c> to markov. Comments and trailing commas are allowed. An unknown
/// property or a bad value is an <see cref="AttributionDataException"/> naming its JSON path (<c>$.models[1].model</c>),
/// with a "did you mean" for a mistyped name.</para>
/// </remarks>
public sealed record AttributionConfig
{
    /// <summary>The largest config file read: 1 MiB, far more than any hand-written configuration.</summary>
    private const long MaxBytes = 1L << 20;

    /// <summary>Gets the engine's options: the file's values over the defaults.</summary>
    public AttributionOptions Options { get; init; } = new();

    /// <summary>Gets the conversion kinds to report, or null for every kind in the data.</summary>
    public IReadOnlyList<string>? Conversions { get; init; }

    /// <summary>Gets the models, in the file's order; rule-based ones are made with <see cref="ModelDefinition.Create()"/>,
    /// data-driven ones with <see cref="ModelDefinition.Create(DataDriven.PathSet)"/>.</summary>
    public IReadOnlyList<ModelDefinition> Models { get; init; } = [];

    /// <summary>Reads a config file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="AttributionDataException">The file is not JSON, has an unknown property or a bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AttributionConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(stream, path);
    }

    /// <summary>Reads a configuration from a stream.</summary>
    /// <param name="stream">The JSON, UTF-8.</param>
    /// <param name="sourceName">The name errors give the input.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="AttributionDataException">The input is not JSON, is larger than 1 MiB, has an unknown property or a bad value.</exception>
    public static AttributionConfig Load(Stream stream, string sourceName = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new AttributionDataException(sourceName, 0, null, $"a config file may be at most {MaxBytes >> 20} MiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        ConfigDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ConfigJsonContext.Default.ConfigDocument);
        }
        catch (JsonException e)
        {
            throw new AttributionDataException(sourceName, (e.LineNumber ?? -1) + 1, null, Describe(e), e);
        }

        if (document is null)
        {
            throw new AttributionDataException(sourceName, 1, null, "$: the config must be a JSON object, not null.");
        }

        return new Reader(sourceName, buffer.ToArray()).Read(document);
    }

    // A JsonException names .NET types; the user wrote JSON, so say it in the file's terms.
    private static string Describe(JsonException e)
    {
        var path = e.Path ?? "$";
        const string Unmapped = "The JSON property '";
        var message = e.Message;
        if (message.StartsWith(Unmapped, StringComparison.Ordinal))
        {
            var end = message.IndexOf('\'', Unmapped.Length);
            var property = message[Unmapped.Length..end];
            var known = path.Contains(".models[", StringComparison.Ordinal) ? ConfigJsonContext.ModelProperties
                : path.Contains(".period", StringComparison.Ordinal) ? ConfigJsonContext.PeriodProperties
                : ConfigJsonContext.TopLevelProperties;
            var at = path.EndsWith("." + property, StringComparison.Ordinal) ? path : path + "." + property;
            return $"{at}: unknown property '{property}'{Suggestions.Hint(property, known)}; known: {string.Join(", ", known)}.";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var detail = message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "the value has the wrong type (a duration or name is a string, a weight a number, a list an array)."
            : cut < 0 ? message : message[..cut];
        return $"{path}: {detail}";
    }

    /// <summary>Checks a parsed document value by value, naming each one's JSON path in errors.</summary>
    private sealed class Reader(string sourceName, byte[] json)
    {
        public AttributionConfig Read(ConfigDocument document)
        {
            var options = new AttributionOptions();
            if (document.Lookback is { } lookback)
            {
                options = options with { Lookback = Duration("$.lookback", lookback) };
            }

            if (document.LookbackByKind is { } byKind)
            {
                var lookbacks = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
                foreach (var (kind, text) in byKind)
                {
                    lookbacks[Name($"$.lookbackByKind", kind)] = Duration($"$.lookbackByKind.{kind}", text);
                }

                options = options with { LookbackByKind = lookbacks };
            }

            if (document.Reset is { } reset)
            {
                options = options with { Reset = Reset("$.reset", reset) };
            }

            if (document.Exclude is { } exclude)
            {
                options = options with { ExcludedChannels = Names("$.exclude", exclude) };
            }

            if (document.Stages is { } stages)
            {
                options = options with { Stages = Names("$.stages", stages) };
            }

            if (document.Period is { } period)
            {
                var from = period.From is null ? DateTimeOffset.MinValue : Instant("$.period.from", period.From);
                var to = period.To is null ? DateTimeOffset.MaxValue : Instant("$.period.to", period.To);
                if (to <= from)
                {
                    throw Error("$.period.to", $"'{period.To}' is not after from '{period.From}'; the period must end after it starts.");
                }

                options = options with { Period = new ReportingPeriod(from, to) };
            }

            var conversions = document.Conversions is { } kinds ? Names("$.conversions", kinds) : null;
            return new AttributionConfig
            {
                Options = options,
                Conversions = conversions,
                Models = Models(document.Models ?? [], document.Stages is null ? null : options.Stages),
            };
        }

        private List<ModelDefinition> Models(List<ConfigModel> models, IReadOnlyList<string>? stages)
        {
            var definitions = new List<ModelDefinition>();
            for (var i = 0; i < models.Count; i++)
            {
                var at = $"$.models[{i}]";
                var entry = models[i] ?? throw Error(at, "a model is an object such as { \"model\": \"linear\" }, not null.");
                if (string.IsNullOrWhiteSpace(entry.Model))
                {
                    throw Error($"{at}.model", $"missing; one of {string.Join(", ", AttributionModels.Names)}.");
                }

                if (!AttributionModels.TryGetCanonicalName(entry.Model, out var model))
                {
                    throw Error($"{at}.model", $"unknown model '{entry.Model}'{Suggestions.Hint(entry.Model.Trim(), AttributionModels.Names)}; known models: {string.Join(", ", AttributionModels.Names)}.");
                }

                var name = entry.Name is null ? model : Name($"{at}.name", entry.Name);
                if (definitions.Any(d => d.Name == name))
                {
                    throw Error($"{at}.name", $"'{name}' is the name of an earlier model; each model in a report needs its own name.");
                }

                var (created, settings) = Settings(at, model, entry, stages);
                definitions.Add(new ModelDefinition(name, created, settings));
            }

            return definitions;
        }

        private (string Model, ModelSettings Settings) Settings(string at, string model, ConfigModel entry, IReadOnlyList<string>? stages)
        {
            var settings = new ModelSettings();
            Applies($"{at}.halfLife", entry.HalfLife is not null, model, "time-decay");
            Applies($"{at}.positions", entry.Positions is not null, model, "u-shaped", "j-shaped", "inverse-j");
            Applies($"{at}.channelWeights", entry.ChannelWeights is not null, model, "channel-weights");
            Applies($"{at}.milestoneWeights", entry.MilestoneWeights is not null, model, "milestones");
            Applies($"{at}.order", entry.Order is not null, model, "markov");
            if (entry.HalfLife is { } halfLife)
            {
                settings = settings with { TimeDecay = new TimeDecayModelOptions { HalfLife = Duration($"{at}.halfLife", halfLife) } };
            }

            if (entry.Positions is { } positions)
            {
                // A preset with its own positions is a u-shaped model under the entry's name.
                model = "u-shaped";
                settings = settings with { UShaped = Positions($"{at}.positions", positions) };
            }

            if (entry.ChannelWeights is { } channelWeights)
            {
                foreach (var (channel, weight) in channelWeights)
                {
                    Name($"{at}.channelWeights", channel);
                    Weight($"{at}.channelWeights.{channel}", weight);
                }

                settings = settings with { ChannelWeights = new ChannelWeightsModelOptions { Weights = channelWeights } };
            }

            if (entry.MilestoneWeights is { } milestoneWeights)
            {
                settings = settings with { Milestones = Milestones($"{at}.milestoneWeights", milestoneWeights, stages) };
            }

            if (entry.Order is { } order)
            {
                if (order is < 1 or > 32)
                {
                    throw Error($"{at}.order", $"{order} is no Markov order; use a whole number from 1 to 32.");
                }

                settings = settings with { Markov = new DataDriven.MarkovOptions { Order = order } };
            }

            return (model, settings);
        }

        private MilestoneModelOptions Milestones(string at, Dictionary<string, double> weights, IReadOnlyList<string>? stages)
        {
            foreach (var (key, weight) in weights)
            {
                Weight($"{at}.{key}", weight);
            }

            // Without stages in the file they may come from elsewhere (the command line); the engine checks then.
            return MilestoneWeights.Build(
                weights,
                stages,
                (key, keys) => Error($"{at}.{key}", $"'{key}' is neither first, rest nor a stage{Suggestions.Hint(key, keys)}; the keys are {string.Join(", ", keys)}."),
                key => Name(at, key));
        }

        private void Applies(string at, bool given, string model, params string[] models)
        {
            if (given && !models.Contains(model))
            {
                throw Error(at, $"applies to {string.Join(", ", models)}, not {model}.");
            }
        }

        private UShapedModelOptions Positions(string at, List<double> positions)
        {
            if (positions.Count != 3)
            {
                throw Error(at, $"{positions.Count} numbers; give three, the shares of the first, middle and last touches (for example [0.4, 0.2, 0.4]).");
            }

            for (var i = 0; i < 3; i++)
            {
                Weight($"{at}[{i}]", positions[i]);
            }

            var sum = positions[0] + positions[1] + positions[2];
            if (Math.Abs(sum - 1) > 1e-9)
            {
                throw Error(at, string.Create(CultureInfo.InvariantCulture, $"the shares add up to {sum:R}; they must add up to 1."));
            }

            return new UShapedModelOptions { First = positions[0], Middle = positions[1], Last = positions[2] };
        }

        private void Weight(string at, double weight)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw Error(at, string.Create(CultureInfo.InvariantCulture, $"{weight} is negative; weights are numbers ≥ 0."));
            }
        }

        private string Name(string at, string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw Error(at, "a name is empty.");
            }

            return name.Trim();
        }

        private List<string> Names(string at, List<string> names)
        {
            var list = new List<string>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                var name = Name($"{at}[{i}]", names[i]);
                if (list.Contains(name, StringComparer.Ordinal))
                {
                    throw Error($"{at}[{i}]", $"'{name}' is listed twice.");
                }

                list.Add(name);
            }

            return list;
        }

        private ResetRule Reset(string at, string text)
        {
            string[] rules = ["same-kind", "any", "never"];
            return text.Trim().ToLowerInvariant() switch
            {
                "same-kind" => ResetRule.SameKind,
                "any" => ResetRule.Any,
                "never" => ResetRule.Never,
                _ => throw Error(at, $"unknown reset '{text}'{Suggestions.Hint(text.Trim(), rules)}; use same-kind, any or never."),
            };
        }

        // The same durations as the command line (one rule, Durations).
        private TimeSpan Duration(string at, string text)
        {
            try
            {
                return Durations.Parse(text);
            }
            catch (FormatException e)
            {
                throw Error(at, e.Message);
            }
        }

        private DateTimeOffset Instant(string at, string text)
        {
            string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
            if (!DateTimeOffset.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                throw Error(at, $"'{text}' is no date; use 2026-01-01 (midnight UTC) or an ISO-8601 time such as 2026-01-01T09:00:00Z.");
            }

            return instant;
        }

        private AttributionDataException Error(string at, string detail)
            => new(sourceName, LineOf(json, at), null, $"{at}: {detail}");

        // The line where the value at a JSON path starts (its property name, for an object member), found only when there
        // is an error to report: the deserializer has already let go of positions.
        private static long LineOf(ReadOnlySpan<byte> json, string target)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var containers = new Stack<(string Path, bool IsArray, int Next)>();
            string? member = null;
            while (reader.Read())
            {
                string here;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    here = member = containers.Peek().Path + "." + reader.GetString();
                }
                else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.Pop();
                    continue;
                }
                else
                {
                    if (member is not null)
                    {
                        here = member;
                        member = null;
                    }
                    else if (containers.TryPeek(out var top) && top.IsArray)
                    {
                        containers.Pop();
                        containers.Push(top with { Next = top.Next + 1 });
                        here = $"{top.Path}[{top.Next}]";
                    }
                    else
                    {
                        here = "$";
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        containers.Push((here, reader.TokenType == JsonTokenType.StartArray, 0));
                    }
                }

                if (here == target)
                {
                    return json[..(int)reader.TokenStartIndex].Count((byte)'\n') + 1;
                }
            }

            return 1;
        }
    }

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
