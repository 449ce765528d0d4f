using System.Collections.ObjectModel;

namespace Attribution.Reports;

/// <summary>Bootstrap intervals of several models over the same data (<see cref="BootstrapIntervals"/>).</summary>
public sealed class IntervalReport
{
    internal IntervalReport(IntervalOptions options, ModelIntervals[] models)
    {
        Options = options;
        Models = new ReadOnlyCollection<ModelIntervals>(models);
    }

    /// <summary>Gets the level, resamples and seed the intervals were computed with.</summary>
    public IntervalOptions Options { get; }

    /// <summary>Gets one entry per model, in the order the models were given.</summary>
    public IReadOnlyList<ModelIntervals> Models { get; }

    /// <summary>Gets the intervals of the model with the given name.</summary>
    /// <param name="model">The model's name.</param>
    /// <exception cref="KeyNotFoundException">No model of this report has that name.</exception>
    public ModelIntervals this[string model]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(model);
            foreach (var result in Models)
            {
                if (result.Model == model)
                {
                    return result;
                }
            }

            throw new KeyNotFoundException($"This report has no model named '{model}'. Its models: {string.Join(", ", Models.Select(r => r.Model))}.");
        }
    }
}
