namespace Attribution.Reports;

/// <summary>Several models side by side: credit per channel (or campaign) under each model, its share of the total, and the spread between models.</summary>
/// <remarks>
/// Share = the key's credited value / the model's credited value (0 when the model credited nothing). Spread = the
/// largest share − the smallest share across models. Rows are sorted by spread, largest first, so the channels for
/// which the choice of model matters come first; equal spreads keep the order of first appearance in the data.
/// </remarks>
/// <example>
/// <code>
/// var report = engine.Run(journeys, [AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.Linear]);
/// foreach (var row in ModelComparison.ByChannel(report).Rows)
///     Console.WriteLine($"{row.Key}: spread {row.Spread:P1}");
/// </code>
/// </example>
public sealed class ModelComparison
{
    private ModelComparison(IReadOnlyList<string> models, IReadOnlyList<double> totals, IReadOnlyList<ModelComparisonRow> rows)
    {
        Models = models;
        Totals = totals;
        Rows = rows;
    }

    /// <summary>Gets the model names, in report order; every row's lists follow this order.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Gets each model's credited value.</summary>
    public IReadOnlyList<double> Totals { get; }

    /// <summary>Gets one row per channel or campaign, largest spread first.</summary>
    public IReadOnlyList<ModelComparisonRow> Rows { get; }

    /// <summary>Compares the models of a report per channel, for data with one conversion kind.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds; compare one kind with <see cref="ByChannel(AttributionReport, string)"/>.</exception>
    public static ModelComparison ByChannel(AttributionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Compare(report, r => r.ByChannel);
    }

    /// <summary>Compares the models of a report per channel for the conversions of one kind.</summary>
    /// <param name="report">The report.</param>
    /// <param name="kind">The conversion kind, for example <c>order</c>.</param>
    /// <returns>The comparison; shares are of each model's credited value of that kind.</returns>
    /// <exception cref="KeyNotFoundException">The data has no conversion of that kind.</exception>
    public static ModelComparison ByChannel(AttributionReport report, string kind)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(kind);
        return Compare(report, r => r.ForKind(kind).ByChannel);
    }

    /// <summary>Compares the models of a report per campaign (touches without a campaign as <see cref="AttributionResult.NoCampaignKey"/>), for data with one conversion kind.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds; compare one kind with <see cref="ByCampaign(AttributionReport, string)"/>.</exception>
    public static ModelComparison ByCampaign(AttributionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Compare(report, r => r.ByCampaign);
    }

    /// <summary>Compares the models of a report per campaign for the conversions of one kind.</summary>
    /// <param name="report">The report.</param>
    /// <param name="kind">The conversion kind.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="KeyNotFoundException">The data has no conversion of that kind.</exception>
    public static ModelComparison ByCampaign(AttributionReport report, string kind)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(kind);
        return Compare(report, r => r.ForKind(kind).ByCampaign);
    }

    private static ModelComparison Compare(AttributionReport report, Func<AttributionResult, IReadOnlyList<CreditTotal>> select)
    {
        var results = report.Results;
        var models = results.Select(r => r.Model).ToArray();

        // Every result of a report lists the same keys in the same order (they come from the same journey set).
        var keys = select(results[0]).Select(t => t.Key).ToArray();
        var totals = new double[results.Count];
        var conversions = new double[keys.Length][];
        var values = new double[keys.Length][];
        for (var k = 0; k < keys.Length; k++)
        {
            conversions[k] = new double[results.Count];
            values[k] = new double[results.Count];
        }

        for (var m = 0; m < results.Count; m++)
        {
            var list = select(results[m]);
            for (var k = 0; k < keys.Length; k++)
            {
                conversions[k][m] = list[k].Conversions;
                values[k][m] = list[k].Value;
                totals[m] += list[k].Value;
            }
        }

        var rows = new ModelComparisonRow[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            var shares = new double[results.Count];
            for (var m = 0; m < results.Count; m++)
            {
                shares[m] = totals[m] > 0 ? values[k][m] / totals[m] : 0;
            }

            rows[k] = new ModelComparisonRow(keys[k], conversions[k], values[k], shares);
        }

        return new ModelComparison(models, totals, rows.OrderByDescending(r => r.Spread).ToArray());
    }
}
