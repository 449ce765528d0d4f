using System.Collections.ObjectModel;

namespace Attribution.Reports;

/// <summary>The intervals of one model, per conversion kind.</summary>
public sealed class ModelIntervals
{
    internal ModelIntervals(string model, bool isDataDriven, KindIntervals[] kinds)
    {
        Model = model;
        IsDataDriven = isDataDriven;
        Kinds = new ReadOnlyCollection<KindIntervals>(kinds);
    }

    /// <summary>Gets the model's name.</summary>
    public string Model { get; }

    /// <summary>Gets whether the model was fitted again on every resample (Markov chain, Shapley).</summary>
    public bool IsDataDriven { get; }

    /// <summary>Gets the intervals of every conversion kind, in the order of the data's kinds.</summary>
    public IReadOnlyList<KindIntervals> Kinds { get; }

    /// <summary>Gets the intervals of one conversion kind.</summary>
    /// <param name="kind">The kind, for example <c>order</c>.</param>
    /// <returns>That kind's intervals.</returns>
    /// <exception cref="KeyNotFoundException">The data has no conversion of that kind.</exception>
    public KindIntervals ForKind(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var result in Kinds)
        {
            if (result.Kind == kind)
            {
                return result;
            }
        }

        throw new KeyNotFoundException($"The data has no conversion of kind '{kind}'. Its kinds: {string.Join(", ", Kinds.Select(k => k.Kind))}.");
    }
}
