using System.Text;
using Attribution.Engine;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Sql.Internal;

/// <summary>Writes the credit query: eligibility, the model's weights, shares scaled to 1 per conversion, totals.</summary>
internal static class CreditQuery
{
    public static string Build(SqlDialect dialect, SqlEventSource source, ModelDefinition model, AttributionOptions options)
    {
        var eligibility = new EligibilitySql(dialect, source, options);
        var sql = new StringBuilder();
        eligibility.AppendCommonTables(sql);
        ModelWeightSql.Append(sql, eligibility, model);
        var none = SqlDialectRules.Text(AttributionResult.NoCampaignKey);
        sql.Append(",\nsh AS (\n  SELECT c, kind, v, ch, cp, w, sum(w) OVER (PARTITION BY c) AS sw FROM wt\n),\n")
            .Append("cr AS (\n  SELECT c, kind, v, ch, cp, w / sw AS share FROM sh WHERE sw > 0\n)\n")
            .Append("SELECT 'channel' AS dimension, kind, ch AS name, sum(share) AS conversions, sum(share * v) AS value FROM cr GROUP BY kind, ch\n")
            .Append("UNION ALL\nSELECT 'campaign', kind, COALESCE(cp, ").Append(none).Append("), sum(share), sum(share * v) FROM cr GROUP BY kind, COALESCE(cp, ").Append(none).Append(")\n")
            .Append("UNION ALL\nSELECT 'unattributed', kind, ").Append(SqlDialectRules.Text(AttributionResult.UnattributedKey))
            .Append(", CAST(count(*) AS DOUBLE PRECISION), sum(v) FROM cv WHERE rep AND NOT EXISTS (SELECT 1 FROM cr WHERE cr.c = cv.c) GROUP BY kind\n")
            .Append("UNION ALL\nSELECT 'total', kind, '(total)', CAST(count(*) AS DOUBLE PRECISION), sum(v) FROM cv WHERE rep GROUP BY kind\n")
            .Append("ORDER BY 1, 2, 3\n");
        return sql.ToString();
    }
}
