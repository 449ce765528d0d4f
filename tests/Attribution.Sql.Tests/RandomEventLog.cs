using System.Globalization;
using System.Text;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Sql.Tests;

/// <summary>One row of a generated event log: a touch (Kind null) or a conversion; Micros since 1970 UTC.</summary>
internal sealed record EventRow(long Seq, string Journey, long Micros, string? Channel, string? Campaign, string? Kind, double? Value);

/// <summary>Random event logs and options of many shapes for the equality property: instants on an hourly grid (ties
/// between touches, between conversions, and touches exactly one lookback before a conversion), resets of every kind,
/// excluded channels (some windows all excluded), periods, stages, empty windows.</summary>
internal sealed class RandomEventLog
{
    private static readonly string[] Channels = ["search", "email", "direct", "social", "o'brien"];
    private static readonly string?[] Campaigns = [null, null, "spring", "autumn"];
    private static readonly string[] Kinds = ["lead", "opportunity", "order"];
    private const long Hour = 3_600_000_000;
    private const long Base = 1_772_323_200_000_000; // 2026-03-01T00:00:00Z

    public required IReadOnlyList<EventRow> Rows { get; init; }

    public required AttributionOptions Options { get; init; }

    public required int Seed { get; init; }

    public static RandomEventLog Create(int seed)
    {
        var random = new Random(seed);
        var rows = new List<EventRow>();
        var journeys = random.Next(1, 7);
        for (var j = 0; j < journeys; j++)
        {
            var touches = random.Next(0, 9);
            var conversions = random.Next(touches == 0 ? 1 : 0, 5);
            for (var t = 0; t < touches; t++)
            {
                rows.Add(new EventRow(0, "j" + j, Base + (random.Next(0, 40) * Hour) + (random.Next(4) == 0 ? random.Next(0, 3) : 0), Channels[random.Next(Channels.Length)], Campaigns[random.Next(Campaigns.Length)], null, null));
            }

            for (var c = 0; c < conversions; c++)
            {
                double? value = random.Next(4) == 0 ? null : Math.Round(random.NextDouble() * 200, 2);
                rows.Add(new EventRow(0, "j" + j, Base + (random.Next(0, 44) * Hour), null, null, Kinds[random.Next(Kinds.Length)], value));
            }
        }

        // Input order is shuffled: the engine sorts stably by instant, so ties follow this order (the seq column).
        var shuffled = rows.OrderBy(_ => random.Next()).Select((row, i) => row with { Seq = i }).ToList();

        var lookbacks = new[] { TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(1), TimeSpan.MaxValue, TimeSpan.FromTicks(1) };
        var options = new AttributionOptions
        {
            Lookback = lookbacks[random.Next(lookbacks.Length)],
            LookbackByKind = random.Next(3) == 0 ? new Dictionary<string, TimeSpan> { ["order"] = TimeSpan.FromHours(20), ["nowhere"] = TimeSpan.FromHours(1) } : new Dictionary<string, TimeSpan>(),
            Reset = (ResetRule)random.Next(3),
            ExcludedChannels = random.Next(3) switch
            {
                0 => [],
                1 => ["direct"],
                _ => ["direct", "search", "absent"],
            },
            Period = random.Next(3) == 0 ? new ReportingPeriod(DateTimeOffset.UnixEpoch.AddTicks((Base + (10 * Hour)) * 10), DateTimeOffset.UnixEpoch.AddTicks((Base + (30 * Hour)) * 10)) : null,
            Stages = random.Next(3) switch
            {
                0 => [],
                1 => ["lead", "opportunity", "order"],
                _ => ["lead", "order"],
            },
        };
        return new RandomEventLog { Rows = shuffled, Options = options, Seed = seed };
    }

    /// <summary>The models the property runs: every rule-based one, with settings that reach their edge cases.</summary>
    public IEnumerable<ModelDefinition> Models()
    {
        yield return new ModelDefinition("first-touch", "first-touch");
        yield return new ModelDefinition("last-touch", "last-touch");
        yield return new ModelDefinition("linear", "linear");
        yield return new ModelDefinition("time-decay", "time-decay", new ModelSettings { TimeDecay = new() { HalfLife = TimeSpan.FromHours(5) } });
        yield return new ModelDefinition("u-shaped", "u-shaped");
        yield return new ModelDefinition("middle-only", "u-shaped", new ModelSettings { UShaped = new() { First = 0, Middle = 1, Last = 0 } });
        yield return new ModelDefinition("j-shaped", "j-shaped");
        yield return new ModelDefinition("inverse-j", "inverse-j");
        yield return new ModelDefinition("custom", "custom", new ModelSettings { ChannelWeights = new() { Weights = new Dictionary<string, double> { ["search"] = 2, ["email"] = 0, ["o'brien"] = 0.5 }, DefaultWeight = 0 } });
        if (Options.Stages.Count > 0)
        {
            yield return new ModelDefinition("w-shaped", "w-shaped");
            yield return new ModelDefinition("full-path", "full-path");
            yield return new ModelDefinition("milestones", "milestones", new ModelSettings { Milestones = new() { First = 0.25, Stages = new Dictionary<string, double> { ["lead"] = 0.5, ["order"] = 0 }, Rest = 0.2 } });
        }
    }

    /// <summary>Builds the engine's set from the rows in input order.</summary>
    public JourneySet ToJourneySet()
    {
        var builder = new JourneySetBuilder();
        foreach (var row in Rows)
        {
            var journey = builder.JourneyIds.GetOrAdd(row.Journey);
            var instant = DateTimeOffset.UnixEpoch.AddTicks(row.Micros * 10);
            if (row.Kind is null)
            {
                builder.AddTouchpoint(journey, instant, builder.Channels.GetOrAdd(row.Channel!), row.Campaign is null ? -1 : builder.Campaigns.GetOrAdd(row.Campaign));
            }
            else
            {
                builder.AddConversion(journey, instant, row.Value ?? 1, builder.Kinds.GetOrAdd(row.Kind));
            }
        }

        return builder.Build();
    }

    /// <summary>Writes the rows into a fresh table <paramref name="table"/> with the event-log columns and a seq column.</summary>
    public void Load(System.Data.Common.DbConnection connection, string table)
    {
        Execute(connection, $"DROP TABLE IF EXISTS {table}");
        Execute(connection, $"CREATE TABLE {table} (journey_id VARCHAR, \"timestamp\" TIMESTAMPTZ, channel VARCHAR, campaign VARCHAR, conversion VARCHAR, value DOUBLE PRECISION, seq BIGINT)");
        if (Rows.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder($"INSERT INTO {table} VALUES ");
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var instant = DateTimeOffset.UnixEpoch.AddTicks(row.Micros * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"('{row.Journey}', CAST('{instant}+00' AS TIMESTAMPTZ), {Text(row.Channel)}, {Text(row.Campaign)}, {Text(row.Kind)}, {(row.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NULL")}, {row.Seq})");
        }

        Execute(connection, sql.ToString());
    }

    public override string ToString() => $"seed {Seed}: {Rows.Count} rows, {Options}";

    private static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
