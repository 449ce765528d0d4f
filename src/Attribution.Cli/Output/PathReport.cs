using Attribution.DataDriven;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>What models credit to each channel of a path file, where there are no journeys to allocate one by one.</summary>
/// <param name="Paths">The paths the models learnt from.</param>
/// <param name="Results">One result per model, in the order given.</param>
internal sealed record PathReport(PathSet Paths, IReadOnlyList<PathModelResult> Results)
{
    /// <summary>Gets the bootstrap intervals of the models, when asked for.</summary>
    public IntervalReport? Intervals { get; init; }

    /// <summary>Takes each fitted model's path-level attribution (a Markov chain's removal-effect shares, Shapley's credit of
    /// the training paths) and splits each path row by a rule-based model's weights (<see cref="PathAttribution.Run"/>).</summary>
    /// <exception cref="ArgumentException">A rule-based model needs timestamps (<see cref="PathAttribution.CanRun"/>).</exception>
    public static PathReport Create(PathSet paths, IEnumerable<IAttributionModel> models)
    {
        var results = new List<PathModelResult>();
        foreach (var model in models)
        {
            switch (model)
            {
                case MarkovModel markov:
                    results.Add(PathModelResult.Create(model.Name, paths, [.. markov.Results.Select(static r => new CreditTotal(r.Channel, r.AttributedConversions, r.AttributedValue))]));
                    break;
                case ShapleyModel shapley:
                    results.Add(PathModelResult.Create(model.Name, paths, shapley.ByChannel));
                    break;
                default:
                    var split = PathAttribution.Run(paths, model);
                    results.Add(new PathModelResult(model.Name, paths.TotalConversions, paths.TotalValue, split.UnattributedConversions, split.UnattributedValue, split.ByChannel));
                    break;
            }
        }

        return new PathReport(paths, results);
    }
}

/// <summary>One model's path-level credit.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="TotalConversions">The conversions of all paths.</param>
/// <param name="TotalValue">The conversion value of all paths.</param>
/// <param name="UnattributedConversions">The conversions the model credited to no channel.</param>
/// <param name="UnattributedValue">The value the model credited to no channel.</param>
/// <param name="Rows">The credit per channel.</param>
internal sealed record PathModelResult(string Model, double TotalConversions, double TotalValue, double UnattributedConversions, double UnattributedValue, IReadOnlyList<CreditTotal> Rows)
{
    /// <summary>Gets the unattributed row.</summary>
    public CreditTotal Unattributed => new(AttributionResult.UnattributedKey, UnattributedConversions, UnattributedValue);

    public static PathModelResult Create(string model, PathSet paths, IReadOnlyList<CreditTotal> rows)
    {
        double conversions = 0, value = 0;
        foreach (var row in rows)
        {
            conversions += row.Conversions;
            value += row.Value;
        }

        // The models hand out all of the total or (when every effect is 0) none of it; the remainder of a full split is
        // rounding, which an "(unattributed) 1e-16" row would only obscure.
        return new PathModelResult(
            model,
            paths.TotalConversions,
            paths.TotalValue,
            conversions > 0 ? 0 : paths.TotalConversions,
            value > 0 ? 0 : paths.TotalValue,
            rows);
    }
}
