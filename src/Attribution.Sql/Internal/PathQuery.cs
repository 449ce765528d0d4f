using System.Text;
using Attribution.Engine;

namespace Attribution.Sql.Internal;

/// <summary>Writes the path query: ChannelAttribution's aggregated paths under the engine's eligibility, as
/// <see cref="DataDriven.PathSet.FromJourneys"/> extracts them.</summary>
internal static class PathQuery
{
    /// <summary>The separator of channels in a path, as in ChannelAttribution's path CSV.</summary>
    public const string Separator = " > ";

    public static string Build(SqlDialect dialect, SqlEventSource source, AttributionOptions options, string? kind)
    {
        var eligibility = new EligibilitySql(dialect, source, options);
        var sql = new StringBuilder();
        eligibility.AppendCommonTables(sql);
        var ofKind = kind is null ? "TRUE" : "kind = " + SqlDialectRules.Text(kind);
        sql.Append(",\nconverting AS (\n  SELECT c, min(v) AS v, ").Append(SqlDialectRules.StringAgg("ch", Separator, "i"))
            .Append(" AS path FROM pos WHERE ").Append(ofKind).Append(" GROUP BY c\n),\n");

        // The tail: touches after the journey's last conversion of the kind (any kind without one; outside the period
        // too), or all of them; no lookback, the excluded-channel rule as in a window.
        sql.Append("tail AS (\n  SELECT tp.* FROM tp LEFT JOIN (SELECT j, max(t) AS last FROM cv WHERE ").Append(ofKind)
            .Append(" GROUP BY j) lc ON lc.j = tp.j WHERE lc.last IS NULL OR tp.t > lc.last\n),\n")
            .Append("tailkept AS (\n  SELECT * FROM (SELECT tail.*, sum(CASE WHEN x THEN 0 ELSE 1 END) OVER (PARTITION BY j) AS inc FROM tail) q WHERE NOT x OR inc = 0\n),\n")
            .Append("converting_not AS (\n  SELECT j, ").Append(SqlDialectRules.StringAgg("ch", Separator, EligibilitySql.TouchOrder))
            .Append(" AS path FROM tailkept GROUP BY j\n)\n")
            .Append("SELECT path, sum(conv) AS total_conversions, sum(val) AS total_conversion_value, sum(nul) AS total_null FROM (\n")
            .Append("  SELECT path, CAST(1 AS DOUBLE PRECISION) AS conv, v AS val, CAST(0 AS DOUBLE PRECISION) AS nul FROM converting\n")
            .Append("  UNION ALL SELECT path, 0, 0, 1 FROM converting_not\n")
            .Append("  UNION ALL SELECT NULL, 1, v, 0 FROM cv WHERE rep AND ").Append(ofKind).Append(" AND NOT EXISTS (SELECT 1 FROM pos WHERE pos.c = cv.c)\n")
            .Append(") u GROUP BY path ORDER BY path NULLS LAST\n");
        return sql.ToString();
    }
}
