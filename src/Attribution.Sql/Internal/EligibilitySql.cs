using System.Globalization;
using System.Text;
using Attribution.Engine;

namespace Attribution.Sql.Internal;

/// <summary>The engine's eligibility rules (<c>EligibilityWindows</c> in the core) as common table expressions: the one
/// home of those rules in SQL, shared by the credit and the path queries.</summary>
/// <remarks>
/// <para>CTEs: <c>ev</c> the rows; <c>tp</c> the touches (x: excluded channel); <c>cv</c> the conversions (c: id, prev:
/// the instant of the conversion that resets the window, lo: the oldest instant the lookback allows, rep: inside the
/// period, stg: stage number, s1 … sk: the instant of the latest earlier conversion of each stage); <c>pos</c> the eligible
/// touches of every reported conversion after the excluded-channel rule, with i their 1-based position, n their count and
/// tmax the newest instant.</para>
/// <para>A touch at instant u is eligible for a conversion at instant t when u ≤ t (touches at the conversion's instant
/// are before it), u ≥ t − lookback (Δt ≤ lookback) and u &gt; the instant of the resetting conversion: the engine's
/// window [max(reset end, lookback cut), end), since a conversion's end is the count of touches at or before its instant.
/// Two conversions resetting each other at one instant leave the later one an empty window, as in the engine.</para>
/// </remarks>
internal sealed class EligibilitySql
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    public EligibilitySql(SqlDialect dialect, SqlEventSource source, AttributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "The dialect must be DuckDb or PostgreSql.");
        }

        // The engine's own validation, so that the SQL accepts exactly the options the engine accepts.
        _ = new AttributionEngine(options);
        Dialect = dialect;
        Source = source;
        Options = options;
    }

    public SqlDialect Dialect { get; }

    public SqlEventSource Source { get; }

    public AttributionOptions Options { get; }

    public int StageCount => Options.Stages.Count;

    /// <summary>The ORDER BY of touches inside a journey: the engine's stable order, then names for a deterministic tie.</summary>
    public const string TouchOrder = "t, o, ch, cp";

    /// <summary>The ORDER BY of conversions inside a journey.</summary>
    public const string ConversionOrder = "t, o, kind, v";

    /// <summary>Appends <c>WITH ev, tp, cv, win[, kept], pos</c>; the caller continues with <c>, next AS (…)</c>.</summary>
    public void AppendCommonTables(StringBuilder sql)
    {
        var order = Source.OrderColumn is null ? "CAST(0 AS BIGINT)" : "src." + SqlDialectRules.Identifier(Source.OrderColumn);
        // Text columns through VARCHAR, so that a Parquet column of nulls (typed INTEGER) or a CSV read as text works too.
        sql.Append("WITH ev AS (\n  SELECT CAST(src.\"journey_id\" AS VARCHAR) AS j, ")
            .Append(SqlDialectRules.EpochMicros(Dialect, "src.\"timestamp\""))
            .Append(" AS t, CAST(src.\"channel\" AS VARCHAR) AS ch, NULLIF(CAST(src.\"campaign\" AS VARCHAR), '') AS cp, NULLIF(CAST(src.\"conversion\" AS VARCHAR), '') AS kind, ")
            .Append("CAST(NULLIF(CAST(src.\"value\" AS VARCHAR), '') AS DOUBLE PRECISION) AS v, ")
            .Append(order).Append(" AS o\n  FROM ").Append(Source.From).Append(" AS src\n),\n");

        sql.Append("tp AS (\n  SELECT j, t, ch, cp, o, ").Append(ExcludedExpression()).Append(" AS x FROM ev WHERE kind IS NULL\n),\n");

        sql.Append("cv AS (\n  SELECT j, t, kind, COALESCE(v, CAST(1 AS DOUBLE PRECISION)) AS v, o,\n")
            .Append("    row_number() OVER (ORDER BY j, ").Append(ConversionOrder).Append(") AS c,\n")
            .Append("    ").Append(ResetExpression()).Append(" AS prev,\n")
            .Append("    t - ").Append(LookbackExpression()).Append(" AS lo,\n")
            .Append("    ").Append(PeriodExpression()).Append(" AS rep,\n")
            .Append("    ").Append(StageExpression()).Append(" AS stg");
        for (var s = 1; s <= StageCount; s++)
        {
            sql.Append(CultureInfo.InvariantCulture, $",\n    max(CASE WHEN kind = {SqlDialectRules.Text(Options.Stages[s - 1])} THEN t END) OVER (PARTITION BY j ORDER BY {ConversionOrder} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS s{s}");
        }

        sql.Append("\n  FROM (SELECT j, t, kind, v, o FROM ev WHERE kind IS NOT NULL) q\n),\n");

        sql.Append("win AS (\n  SELECT cv.c, cv.kind, cv.v, cv.stg, ");
        for (var s = 1; s <= StageCount; s++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"cv.s{s}, ");
        }

        sql.Append("tp.t, tp.o, tp.ch, tp.cp, tp.x\n  FROM cv JOIN tp ON tp.j = cv.j AND tp.t <= cv.t AND tp.t >= cv.lo AND (cv.prev IS NULL OR tp.t > cv.prev)\n  WHERE cv.rep\n),\n");

        var eligible = "win";
        if (Options.ExcludedChannels.Count > 0)
        {
            // Excluded touches earn nothing unless the whole window is excluded: then they keep the credit.
            sql.Append("kept AS (\n  SELECT * FROM (SELECT win.*, sum(CASE WHEN x THEN 0 ELSE 1 END) OVER (PARTITION BY c) AS inc FROM win) q WHERE NOT x OR inc = 0\n),\n");
            eligible = "kept";
        }

        sql.Append("pos AS (\n  SELECT ").Append(eligible).Append(".*, row_number() OVER (PARTITION BY c ORDER BY ").Append(TouchOrder)
            .Append(") AS i, count(*) OVER (PARTITION BY c) AS n, max(t) OVER (PARTITION BY c) AS tmax FROM ").Append(eligible).Append("\n)");
    }

    private string ExcludedExpression()
    {
        if (Options.ExcludedChannels.Count == 0)
        {
            return "FALSE";
        }

        var names = Options.ExcludedChannels.Order(StringComparer.Ordinal).Select(SqlDialectRules.Text);
        return $"(ch IN ({string.Join(", ", names)}))";
    }

    private string ResetExpression() => Options.Reset switch
    {
        ResetRule.SameKind => $"lag(t) OVER (PARTITION BY j, kind ORDER BY {ConversionOrder})",
        ResetRule.Any => $"lag(t) OVER (PARTITION BY j ORDER BY {ConversionOrder})",
        _ => "CAST(NULL AS BIGINT)",
    };

    private string LookbackExpression()
    {
        // Δt ≤ lookback in ticks; on whole microseconds, 10·Δµs ≤ L ⇔ Δµs ≤ ⌊L / 10⌋.
        static string Micros(TimeSpan lookback) => SqlDialectRules.Integer(lookback.Ticks / 10);
        var byKind = Options.LookbackByKind
            .OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => new KeyValuePair<string, string>(p.Key, Micros(p.Value)));
        var expression = SqlDialectRules.CaseOfName("kind", byKind, Micros(Options.Lookback));
        return expression.StartsWith("CASE", StringComparison.Ordinal) ? "(" + expression + ")" : expression;
    }

    private string PeriodExpression()
    {
        if (Options.Period is not { } period)
        {
            return "TRUE";
        }

        // from ≤ instant < to in ticks; an instant of u µs is u·10 + epoch ticks, so u ≥ ⌈(from − epoch) / 10⌉ and
        // u < ⌈(to − epoch) / 10⌉.
        var from = CeilingDivide(period.From.UtcTicks - UnixEpochTicks, 10);
        var to = CeilingDivide(period.To.UtcTicks - UnixEpochTicks, 10);
        return $"(t >= {SqlDialectRules.Integer(from)} AND t < {SqlDialectRules.Integer(to)})";
    }

    private string StageExpression()
    {
        var stages = Options.Stages.Select((name, s) => new KeyValuePair<string, string>(name, SqlDialectRules.Integer(s + 1)));
        return SqlDialectRules.CaseOfName("kind", stages, "0");
    }

    private static long CeilingDivide(long a, long b)
    {
        var q = Math.DivRem(a, b, out var r);
        return r > 0 ? q + 1 : q;
    }
}
