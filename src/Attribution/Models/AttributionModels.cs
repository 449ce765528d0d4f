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
    public static IReadOnlyList<string> RuleBasedNames { get; } =
        ["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "j-shaped", "inverse-j", "w-shaped", "full-path", "milestones", "custom"];

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

    /// <summary>Creates the J-shaped preset: U-shaped with 20/20/60 (two touches: ¼ and ¾), named <c>j-shaped</c>.</summary>
    /// <returns>The model.</returns>
    public static IAttributionModel JShaped() => new NamedModel("j-shaped", UShaped(new UShapedModelOptions { First = 0.2, Middle = 0.2, Last = 0.6 }));

    /// <summary>Creates the inverse-J preset: U-shaped with 60/20/20 (two touches: ¾ and ¼), named <c>inverse-j</c>.</summary>
    /// <returns>The model.</returns>
    public static IAttributionModel InverseJ() => new NamedModel("inverse-j", UShaped(new UShapedModelOptions { First = 0.6, Middle = 0.2, Last = 0.2 }));

    /// <summary>Creates the W-shaped milestone model: 30 % each to the first touch (M0), the last touch before the first
    /// stage (M1) and the last touch before the second stage (M2), 10 % shared by the other touches.</summary>
    /// <returns>The model; it needs <see cref="Engine.AttributionOptions.Stages"/>.</returns>
    /// <remarks>Milestones beyond M2 count as rest; missing milestones renormalise (see <see cref="EligibleTouchpoints.Milestones"/>).
    /// A conversion whose kind is no stage gets M0 and its own last touch: 30/30 + rest.</remarks>
    public static IAttributionModel WShaped() => new MilestoneModel("w-shaped", [0.3, 0.3, 0.3], 0.1);

    /// <summary>Creates the full-path milestone model: 22.5 % each to M0, M1, M2 and M3, 10 % shared by the other touches.</summary>
    /// <returns>The model; it needs <see cref="Engine.AttributionOptions.Stages"/>.</returns>
    public static IAttributionModel FullPath() => new MilestoneModel("full-path", [0.225, 0.225, 0.225, 0.225], 0.1);

    /// <summary>Creates the milestone model with custom weights: the first touch, the milestone of each named stage, the rest.</summary>
    /// <param name="options">The weights; not negative and finite.</param>
    /// <returns>The model, named <c>milestones</c>; it needs <see cref="Engine.AttributionOptions.Stages"/>, and a stage name
    /// of <paramref name="options"/> that is no stage of the run is an error then.</returns>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or a stage name is empty.</exception>
    public static IAttributionModel Milestones(MilestoneModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Stages, "options.Stages");
        Guard.FiniteNonNegative(options.First, "options.First");
        Guard.FiniteNonNegative(options.Rest, "options.Rest");
        foreach (var (stage, weight) in options.Stages)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(stage, "options.Stages");
            Guard.FiniteNonNegative(weight, "options.Stages");
        }

        return new MilestoneModel("milestones", [], options.Rest, options);
    }

    /// <summary>Gives a model another name, so that variants of one model run side by side in one report.</summary>
    /// <param name="name">The name reports show.</param>
    /// <param name="model">The model.</param>
    /// <returns>A model that weighs exactly as <paramref name="model"/> does (at the same speed) under <paramref name="name"/>.</returns>
    /// <example><code>AttributionModels.WithName("early", AttributionModels.UShaped(new() { First = 0.5, Middle = 0.3, Last = 0.2 }))</code></example>
    public static IAttributionModel WithName(string name, IAttributionModel model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(model);
        return new NamedModel(name, model);
    }

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
    /// <param name="name"><c>first-touch</c>, <c>last-touch</c>, <c>linear</c>, <c>time-decay</c>, <c>u-shaped</c> (alias
    /// <c>position-based</c>), <c>j-shaped</c>, <c>inverse-j</c>, <c>w-shaped</c>, <c>full-path</c>, <c>milestones</c>
    /// (first 0.3, rest 0.1, no stage weights) or <c>custom</c> (channel weights, every channel 1); case-insensitive.</param>
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
            "j-shaped" => JShaped(),
            "inverse-j" => InverseJ(),
            "w-shaped" => WShaped(),
            "full-path" => FullPath(),
            "milestones" => Milestones(new MilestoneModelOptions()),
            "custom" => ChannelWeights(channelWeights ?? new()),
            _ => throw new ArgumentException(
                $"Unknown model '{name}'. Known models: {string.Join(", ", RuleBasedNames)} (alias: position-based).",
                nameof(name)),
        };
    }
}
