using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>The results of several models over the same journeys, side by side.</summary>
public sealed class AttributionReport
{
    internal AttributionReport(JourneySet journeys, IReadOnlyList<AttributionResult> results)
    {
        Journeys = journeys;
        Results = results;
    }

    /// <summary>Gets the journeys that were attributed.</summary>
    public JourneySet Journeys { get; }

    /// <summary>Gets one result per model, in the order the models were given.</summary>
    public IReadOnlyList<AttributionResult> Results { get; }

    /// <summary>Gets the result of the model with the given name.</summary>
    /// <param name="model">The model's name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No model of this report has that name.</exception>
    public AttributionResult this[string model]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(model);
            foreach (var result in Results)
            {
                if (result.Model == model)
                {
                    return result;
                }
            }

            throw new KeyNotFoundException($"This report has no model named '{model}'. Its models: {string.Join(", ", Results.Select(r => r.Model))}.");
        }
    }
}
