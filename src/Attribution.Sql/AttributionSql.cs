using System.Data.Common;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Models;
using Attribution.Sql.Internal;

namespace Attribution.Sql;

/// <summary>The engine's eligibility rules and rule-based models as one SQL query, for event logs that live in a database
/// or in files bigger than memory: only the totals come back.</summary>
/// <remarks>
/// <para>The query reads an event table (<see cref="SqlEventSource"/>) and applies <see cref="AttributionOptions"/>
/// exactly as <see cref="AttributionEngine"/> does: lookback and lookback per kind (Δt ≤ lookback, in whole
/// microseconds), the reset rule, excluded channels with their fallback, the reporting period (by conversion instant;
/// conversions outside it still reset windows and mark stages) and funnel stages. Every rule-based model has a SQL form:
/// first-touch, last-touch, linear, time-decay, u-shaped, j-shaped, inverse-j, channel-weights, w-shaped,
/// full-path and milestones. Data-driven models (markov, shapley) are rejected; fit them in process on the path counts of
/// <see cref="PathQuery"/>.</para>
/// <para>The result has the columns <c>dimension</c> (<c>channel</c>, <c>campaign</c>, <c>unattributed</c>,
/// <c>total</c>), <c>kind</c>, <c>name</c>, <c>conversions</c> and <c>value</c>; channels and campaigns that earned
/// nothing have no row. Shares are summed in the database's order, so totals equal the engine's to about 1e-12
/// relative, not bit for bit.</para>
/// </remarks>
/// <example>
/// <code>
/// string sql = AttributionSql.CreditQuery(SqlDialect.DuckDb, new SqlEventSource("read_parquet('events.parquet')"),
///     new ModelDefinition("linear", "linear"), new AttributionOptions { Lookback = TimeSpan.FromDays(30) });
/// </code>
/// </example>
public static class AttributionSql
{
    /// <summary>Writes the query that credits every reported conversion of an event table under a rule-based model.</summary>
    /// <param name="dialect">The SQL engine the query is for.</param>
    /// <param name="source">The event table.</param>
    /// <param name="model">The model, by name and settings.</param>
    /// <param name="options">The eligibility rules; defaults when null.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The model is data-driven (no SQL form) or its settings are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">A milestone model runs without stages, or weighs a stage the run lacks.</exception>
    public static string CreditQuery(SqlDialect dialect, SqlEventSource source, ModelDefinition model, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        return Internal.CreditQuery.Build(dialect, source, model, options ?? new AttributionOptions());
    }

    /// <summary>Runs <see cref="CreditQuery"/> on an open connection and reads its totals.</summary>
    /// <param name="connection">An open connection to the engine of <paramref name="dialect"/>.</param>
    /// <param name="dialect">The SQL engine.</param>
    /// <param name="source">The event table.</param>
    /// <param name="model">The model, by name and settings.</param>
    /// <param name="options">The eligibility rules; defaults when null.</param>
    /// <returns>The totals, ordered by dimension, kind and name.</returns>
    /// <exception cref="ArgumentException">The model has no SQL form or its settings are invalid.</exception>
    /// <exception cref="InvalidOperationException">A milestone model runs without stages, or the query's result is not the expected shape.</exception>
    public static IReadOnlyList<SqlCreditTotal> RunCredits(DbConnection connection, SqlDialect dialect, SqlEventSource source, ModelDefinition model, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var query = CreditQuery(dialect, source, model, options);
        var totals = new List<SqlCreditTotal>();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var dimension = reader.GetString(0) switch
            {
                "channel" => SqlCreditDimension.Channel,
                "campaign" => SqlCreditDimension.Campaign,
                "unattributed" => SqlCreditDimension.Unattributed,
                "total" => SqlCreditDimension.Total,
                var other => throw new InvalidOperationException($"The credit query returned an unknown dimension '{other}'."),
            };
            totals.Add(new SqlCreditTotal(dimension, reader.GetString(1), reader.GetString(2), Number(reader.GetValue(3)), Number(reader.GetValue(4))));
        }

        return totals;
    }

    /// <summary>Writes the query that gives ChannelAttribution's aggregated paths of an event table under the engine's
    /// eligibility rules, the same paths as <see cref="PathSet.FromJourneys"/>: columns <c>path</c> (channels joined by
    /// <c> &gt; </c>), <c>total_conversions</c>, <c>total_conversion_value</c> and <c>total_null</c>.</summary>
    /// <param name="dialect">The SQL engine the query is for.</param>
    /// <param name="source">The event table.</param>
    /// <param name="options">The eligibility rules; defaults when null.</param>
    /// <param name="kind">The conversion kind to learn, or null for every kind; see <see cref="PathSet.FromJourneys"/>.</param>
    /// <returns>The query. A row whose <c>path</c> is NULL counts the conversions with no eligible touch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string PathQuery(SqlDialect dialect, SqlEventSource source, AttributionOptions? options = null, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Internal.PathQuery.Build(dialect, source, options ?? new AttributionOptions(), kind);
    }

    /// <summary>Runs <see cref="PathQuery"/> on an open connection and reads its paths, ready for
    /// <see cref="MarkovChain.Fit"/> and <see cref="ShapleyAttribution.Fit"/>.</summary>
    /// <param name="connection">An open connection to the engine of <paramref name="dialect"/>.</param>
    /// <param name="dialect">The SQL engine.</param>
    /// <param name="source">The event table.</param>
    /// <param name="options">The eligibility rules; defaults when null.</param>
    /// <param name="kind">The conversion kind to learn, or null for every kind.</param>
    /// <returns>The paths, with the conversions that had no eligible touch in <see cref="PathSet.UnattributedConversions"/>.</returns>
    /// <remarks>Paths are split on <c> &gt; </c>, so channel names must not hold that sequence.</remarks>
    public static PathSet RunPaths(DbConnection connection, SqlDialect dialect, SqlEventSource source, AttributionOptions? options = null, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var query = PathQuery(dialect, source, options, kind);
        var builder = new PathSetBuilder();
        var unattributed = 0.0;
        var unattributedValue = 0.0;
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var conversions = Number(reader.GetValue(1));
            var value = Number(reader.GetValue(2));
            if (reader.IsDBNull(0))
            {
                unattributed += conversions;
                unattributedValue += value;
                continue;
            }

            builder.Add(reader.GetString(0).Split(Internal.PathQuery.Separator), conversions, value, Number(reader.GetValue(3)));
        }

        return builder.Build(unattributed, unattributedValue);
    }

    private static double Number(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
