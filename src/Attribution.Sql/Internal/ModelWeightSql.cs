using System.Globalization;
using System.Text;
using Attribution.Models;

namespace Attribution.Sql.Internal;

/// <summary>A rule-based model as SQL: the raw weight of each eligible touch (CTE <c>pos</c>: i, n, t, tmax, ch, stg,
/// s1 … sk), which the query then scales to 1 per conversion exactly as the engine does (all 0 → unattributed).</summary>
/// <remarks>The formulas are those of the core's model classes; the presets' numbers are the ones
/// <see cref="AttributionModels"/> documents. The equality tests run every model here against the engine.</remarks>
internal static class ModelWeightSql
{
    /// <summary>Appends the CTEs that end in <c>wt (c, kind, v, ch, cp, w)</c> after <c>pos</c>.</summary>
    /// <exception cref="ArgumentException">The model cannot be written in SQL, or its options are invalid.</exception>
    /// <exception cref="InvalidOperationException">A milestone model runs without stages, or names a stage the run lacks.</exception>
    public static void Append(StringBuilder sql, EligibilitySql eligibility, ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.IsDataDriven)
        {
            throw new ArgumentException(
                $"Model '{definition.Model}' learns from data and has no SQL form: compute the path counts in SQL (AttributionSql.PathQuery), then fit it in process on them.",
                nameof(definition));
        }

        // Builds the model once, so that its options are checked by the model's own rules.
        _ = definition.Create();
        var settings = definition.Settings;
        var dialect = eligibility.Dialect;
        switch (definition.Model)
        {
            case "first-touch":
                Weights(sql, "pos", "CASE WHEN i = 1 THEN 1.0 ELSE 0.0 END");
                break;
            case "last-touch":
                Weights(sql, "pos", "CASE WHEN i = n THEN 1.0 ELSE 0.0 END");
                break;
            case "linear":
                Weights(sql, "pos", "1.0");
                break;
            case "time-decay":
                // 2^(−Δt/h) measured from the newest touch (the engine's TimeDecayModel.Weigh): Δticks = 10·Δµs exactly.
                var perTick = Math.Log(2) / settings.TimeDecay.HalfLife.Ticks;
                Weights(sql, "pos", SqlDialectRules.Exp(dialect, $"CAST((t - tmax) * 10 AS DOUBLE PRECISION) * {SqlDialectRules.Double(perTick)}"));
                break;
            case "u-shaped":
                Weights(sql, "pos", UShaped(settings.UShaped.First, settings.UShaped.Middle, settings.UShaped.Last));
                break;
            case "j-shaped":
                Weights(sql, "pos", UShaped(0.2, 0.2, 0.6));
                break;
            case "inverse-j":
                Weights(sql, "pos", UShaped(0.6, 0.2, 0.2));
                break;
            case "channel-weights":
                var byChannel = settings.ChannelWeights.Weights
                    .OrderBy(static p => p.Key, StringComparer.Ordinal)
                    .Select(static p => new KeyValuePair<string, string>(p.Key, SqlDialectRules.Double(p.Value)));
                Weights(sql, "pos", SqlDialectRules.CaseOfName("ch", byChannel, SqlDialectRules.Double(settings.ChannelWeights.DefaultWeight)));
                break;
            case "w-shaped":
                Milestones(sql, eligibility, definition, [0.3, 0.3, 0.3], 0.1);
                break;
            case "full-path":
                Milestones(sql, eligibility, definition, [0.225, 0.225, 0.225, 0.225], 0.1);
                break;
            case "milestones":
                var options = settings.Milestones;
                foreach (var stage in options.Stages.Keys)
                {
                    if (!eligibility.Options.Stages.Contains(stage))
                    {
                        throw new InvalidOperationException(
                            $"The {definition.Name} model has a weight for '{stage}', which is no stage of the funnel ({string.Join(", ", eligibility.Options.Stages)}).");
                    }
                }

                var places = new double[eligibility.StageCount + 1];
                places[0] = options.First;
                for (var s = 1; s < places.Length; s++)
                {
                    places[s] = options.Stages.TryGetValue(eligibility.Options.Stages[s - 1], out var weight) ? weight : double.NaN;
                }

                Milestones(sql, eligibility, definition, places, options.Rest);
                break;
            default:
                throw new ArgumentException($"Model '{definition.Model}' has no SQL form.", nameof(definition));
        }
    }

    private static void Weights(StringBuilder sql, string from, string weight)
        => sql.Append(",\nwt AS (\n  SELECT c, kind, v, ch, cp, CAST(").Append(weight).Append(" AS DOUBLE PRECISION) AS w FROM ").Append(from).Append("\n)");

    // n = 1: [1]; n = 2: [f, l] or an even split when f + l = 0; n ≥ 3: f, m / (n − 2) each, l (UShapedModel).
    private static string UShaped(double first, double middle, double last)
    {
        var ends = first + last;
        var two = ends > 0 ? $"CASE WHEN i = 1 THEN {SqlDialectRules.Double(first)} ELSE {SqlDialectRules.Double(last)} END" : "1.0";
        return $"CASE WHEN n = 1 THEN 1.0 WHEN n = 2 THEN {two} WHEN i = 1 THEN {SqlDialectRules.Double(first)} WHEN i = n THEN {SqlDialectRules.Double(last)} "
            + $"ELSE {SqlDialectRules.Double(middle)} / CAST(n - 2 AS DOUBLE PRECISION) END";
    }

    /// <summary>The milestone rule (MilestoneModel and EligibilityWindows' milestone rows): place 0 is the first touch;
    /// for a conversion of stage j, place q &lt; j the last touch at or before the latest earlier conversion of stage q,
    /// place j its last touch; for a kind that is no stage, place 1 its last touch. A touch sums the weights of the places
    /// it holds; the rest weight is shared by the touches that hold none.</summary>
    private static void Milestones(StringBuilder sql, EligibilitySql eligibility, ModelDefinition definition, double[] places, double rest)
    {
        if (eligibility.StageCount == 0)
        {
            throw new InvalidOperationException(
                $"The {definition.Name} model credits funnel milestones and needs the funnel's stages: set AttributionOptions.Stages (in the CLI, --stages lead,opportunity,order).");
        }

        var count = Math.Min(eligibility.StageCount + 1, places.Length);
        sql.Append(",\nmpos AS (\n  SELECT pos.*");
        for (var q = 1; q < count; q++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", max(CASE WHEN t <= s{q} THEN i END) OVER (PARTITION BY c) AS m{q}");
        }

        sql.Append(" FROM pos\n),\nheld AS (\n  SELECT mpos.*, ");
        var weight = new List<string>();
        var holds = new List<string>();
        for (var q = 0; q < count; q++)
        {
            if (double.IsNaN(places[q]))
            {
                continue;
            }

            var condition = q == 0
                ? "i = 1"
                : q == 1
                    ? $"(stg = 0 AND i = n) OR (stg = 1 AND i = n) OR (stg > 1 AND i = m1)"
                    : $"(stg = {q} AND i = n) OR (stg > {q} AND i = m{q})";
            weight.Add($"CASE WHEN {condition} THEN {SqlDialectRules.Double(places[q])} ELSE 0.0 END");
            holds.Add($"CASE WHEN {condition} THEN 1 ELSE 0 END");
        }

        sql.Append(weight.Count == 0 ? "CAST(0 AS DOUBLE PRECISION)" : string.Join(" + ", weight)).Append(" AS h, ")
            .Append(holds.Count == 0 ? "0" : string.Join(" + ", holds)).Append(" AS hc FROM mpos\n),\n")
            .Append("rested AS (\n  SELECT held.*, sum(CASE WHEN hc = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY c) AS others FROM held\n)");
        Weights(sql, "rested", $"CASE WHEN hc > 0 THEN h ELSE {SqlDialectRules.Double(rest)} / CAST(others AS DOUBLE PRECISION) END");
    }
}
