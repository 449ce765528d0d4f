namespace Attribution.Models;

/// <summary>Creates the built-in rule-based models.</summary>
/// <example>
/// <code>
/// IAttributionModel decay = AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromDays(3) });
/// IAttributionModel positions = AttributionModels.UShaped(new UShapedModelOptions { First = 0.3, Middle = 0.4, Last = 0.3 });
/// IAttributionModel mine = AttributionModels.Custom("weekday", a => a.Instant.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1);
/// </code>
/// </example>
public static class AttributionModels
{
    /// <summary>Gets the names <see cref="Create(string)"/> accepts, one per rule-based model (without aliases).</summary>
    public static IReadOnlyList<string> RuleBasedNames { get; } = ["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "custom"];

    /// <summary>Gets the model that gives all credit to the first eligible touchpoint.</summary>
    public static IAttributionModel FirstTouch => FirstTouchModel.Instance;

    /// <summary>Gets the model that gives all credit to the last eligible touchpoint.</summary>
    public static IAttributionModel LastTouch => LastTouchModel.Instance;

    /// <summary>Gets the model that gives every eligible touchpoint an equal share (per touch, not per channel).</summary>
    public static IAttributionModel Linear => LinearModel.Instance;

    /// <summary>Creates the time-decay model: weight 2^(−Δt / h), Δt the exact time from the touch to the conversion, h the half-life; normalised.</summary>
    /// <param name="options">The options; defaults (7-day half-life) when null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The half-life is not positive.</exception>
    public static IAttributionModel TimeDecay(TimeDecayModelOptions? options = null) => new TimeDecayModel(options ?? new());

    /// <summary>Creates the U-shaped (position-based) model.</summary>
    /// <param name="options">The ratios; 40/20/40 when null.</param>
    /// <returns>The model.</returns>
    /// <remarks>n = 1: [1]; n = 2: [f/(f+l), l/(f+l)] (an even split when f + l = 0); n ≥ 3: f, m/(n−2) for each middle touch, l.</remarks>
    /// <exception cref="ArgumentException">A ratio is negative or not finite, or the ratios do not add up to 1 (±1e-9).</exception>
    public static IAttributionModel UShaped(UShapedModelOptions? options = null) => new UShapedModel(options ?? new());

    /// <summary>Creates the channel-weights model (<c>custom</c> in the CLI): a touch's weight is its channel's weight, normalised.</summary>
    /// <param name="options">The weights per channel; unlisted channels weigh <see cref="ChannelWeightsModelOptions.DefaultWeight"/>.</param>
    /// <returns>The model. A conversion whose eligible touches all weigh 0 is reported unattributed.</returns>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or a channel name is empty.</exception>
    public static IAttributionModel ChannelWeights(ChannelWeightsModelOptions options) => new ChannelWeightsModel(options);

    /// <summary>Creates a model whose weight per touch comes from <paramref name="weight"/>; the engine normalises the weights.</summary>
    /// <param name="name">The model's name in reports.</param>
    /// <param name="weight">Returns a finite, non-negative weight for one touch. Called from several threads at once.</param>
    /// <returns>The model. A conversion whose touches all weigh 0 is reported unattributed; a negative or non-finite weight makes the engine throw.</returns>
    public static IAttributionModel Custom(string name, Func<TouchpointWeightArguments, double> weight) => new CustomWeightModel(name, weight);

    /// <summary>Creates a rule-based model by name with default options.</summary>
    /// <param name="name"><c>first-touch</c>, <c>last-touch</c>, <c>linear</c>, <c>time-decay</c>, <c>u-shaped</c> (alias <c>position-based</c>) or <c>custom</c> (channel weights, every channel 1); case-insensitive.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The name is not one of these.</exception>
    public static IAttributionModel Create(string name) => Create(name, null, null, null);

    /// <summary>Creates a rule-based model by name with the options that apply to it (the others are ignored).</summary>
    /// <param name="name">The model's name; see <see cref="Create(string)"/>.</param>
    /// <param name="timeDecay">Options for <c>time-decay</c>, or null for defaults.</param>
    /// <param name="uShaped">Options for <c>u-shaped</c>, or null for defaults.</param>
    /// <param name="channelWeights">Options for <c>custom</c>, or null for every channel weighing 1.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The name is not a rule-based model, or the options are invalid.</exception>
    public static IAttributionModel Create(string name, TimeDecayModelOptions? timeDecay, UShapedModelOptions? uShaped, ChannelWeightsModelOptions? channelWeights)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "first-touch" or "first" => FirstTouch,
            "last-touch" or "last" => LastTouch,
            "linear" => Linear,
            "time-decay" => TimeDecay(timeDecay),
            "u-shaped" or "position-based" => UShaped(uShaped),
            "custom" => ChannelWeights(channelWeights ?? new()),
            _ => throw new ArgumentException(
                $"Unknown model '{name}'. Known models: {string.Join(", ", RuleBasedNames)} (alias: position-based).",
                nameof(name)),
        };
    }
}
