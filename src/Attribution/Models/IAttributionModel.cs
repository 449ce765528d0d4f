namespace Attribution.Models;

/// <summary>An attribution rule: given the touchpoints eligible for one conversion, how much of its credit each one earns.</summary>
/// <remarks>
/// <para>A model only weighs touchpoints. Which touchpoints are eligible (lookback window, earlier conversions,
/// excluded channels), how weights become credits, and every roll-up are the engine's work, shared by all models.</para>
/// <para>The engine scales the weights a model writes so that they add up to 1 and multiplies them by the conversion's
/// value: a model may write relative weights (1, 1, 2) as well as shares (0.25, 0.25, 0.5), and any finite positive
/// magnitude (from subnormals to <see cref="double.MaxValue"/>) is scaled without overflow. When every weight is 0 the
/// conversion is reported as unattributed. A negative, NaN or infinite weight is a bug in the model and makes the engine
/// throw <see cref="InvalidOperationException"/>.</para>
/// <para>Before a run the engine calls <see cref="Bind"/> once with the names of the data's channels and campaigns, and
/// then calls <see cref="ComputeWeights"/> on the model it returned: a model that looks names up (a weight per channel,
/// a fitted chain) resolves them to the data's ids there, once, instead of on every conversion.</para>
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

    /// <summary>Prepares the model for the touchpoints of one data set, once per run, before any <see cref="ComputeWeights"/>.</summary>
    /// <param name="arguments">The data's channel and campaign names, indexed by the ids that <see cref="EligibleTouchpoints"/> will hold.</param>
    /// <returns>The model to weigh that data's touchpoints with: by default this model itself; a model that resolves names
    /// returns a copy holding its tables by id. The returned model has the same <see cref="Name"/>.</returns>
    IAttributionModel Bind(ModelBindingArguments arguments) => this;
}
