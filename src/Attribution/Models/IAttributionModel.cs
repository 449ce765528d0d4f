namespace Attribution.Models;

/// <summary>An attribution rule: given the touchpoints eligible for one conversion, how much of its credit each one earns.</summary>
/// <remarks>
/// <para>A model only weighs touchpoints. Which touchpoints are eligible (lookback window, earlier conversions,
/// excluded channels), how weights become credits, and every roll-up are the engine's work, shared by all models.</para>
/// <para>The engine scales the weights a model writes so that they add up to 1 and multiplies them by the conversion's
/// value: a model may write relative weights (1, 1, 2) as well as shares (0.25, 0.25, 0.5). When every weight is 0 the
/// conversion is reported as unattributed. A negative, NaN or infinite weight is a bug in the model and makes the engine
/// throw <see cref="InvalidOperationException"/>.</para>
/// <para>Models are immutable and are called from several threads at once; <see cref="ComputeWeights"/> must not
/// allocate if the model is to keep the engine's zero-allocation promise.</para>
/// </remarks>
public interface IAttributionModel
{
    /// <summary>Gets the model's name as reports show it, for example <c>linear</c> or <c>time-decay</c>.</summary>
    string Name { get; }

    /// <summary>Writes one non-negative weight per eligible touchpoint.</summary>
    /// <param name="touchpoints">The eligible touchpoints of one conversion, in time order; never empty.</param>
    /// <param name="weights">Where to write the weights: exactly <c>touchpoints.Count</c> elements, contents unspecified on entry.</param>
    void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights);
}
