using Attribution.DataDriven;

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
        ["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights", "j-shaped", "inverse-j", "w-shaped", "full-path", "milestones"];

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

    /// <summary>Creates the channel-weights model (<c>channel-weights</c>, alias <c>custom</c>): a touch's weight is its channel's weight, normalised.</summary>
    /// <param name="options">The weights per channel; unlisted channels weigh <see cref="ChannelWeightsModelOptions.DefaultWeight"/>.</param>
    /// <returns>The model. A conversion whose eligible touches all weigh 0 is reported unattributed.</returns>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or a channel name is empty.</exception>
    public static IAttributionModel ChannelWeights(ChannelWeightsModelOptions options) => new ChannelWeightsModel(options);

    /// <summary>Creates a model whose weight per touch comes from <paramref name="weight"/>; the engine normalises the weights.</summary>
    /// <param name="name">The model's name in reports.</param>
    /// <param name="weight">Returns a finite, non-negative weight for one touch. Called from several threads at once.</param>
    /// <returns>The model. A conversion whose touches all weigh 0 is reported unattributed; a negative or non-finite weight makes the engine throw.</returns>
    public static IAttributionModel Custom(string name, Func<TouchpointWeightArguments, double> weight) => new CustomWeightModel(name, weight);

    /// <summary>Gets the names of the models that learn from a <see cref="PathSet"/> before they allocate.</summary>
    public static IReadOnlyList<string> DataDrivenNames { get; } = ["markov", "shapley"];

    /// <summary>Gets the name of every model <see cref="Create(string, ModelSettings, PathSet)"/> builds: the rule-based
    /// ones, then the data-driven ones.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. RuleBasedNames, .. DataDrivenNames];

    /// <summary>Creates a rule-based model by name with default options.</summary>
    /// <param name="name"><c>first-touch</c>, <c>last-touch</c>, <c>linear</c>, <c>time-decay</c>, <c>u-shaped</c> (alias
    /// <c>position-based</c>), <c>j-shaped</c>, <c>inverse-j</c>, <c>w-shaped</c>, <c>full-path</c>, <c>milestones</c>
    /// (first 0.3, rest 0.1, no stage weights) or <c>channel-weights</c> (alias <c>custom</c>; every channel 1); case-insensitive.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The name is not one of these (a data-driven name needs training data).</exception>
    public static IAttributionModel Create(string name) => Create(name, new ModelSettings());

    /// <summary>Creates a rule-based model by name with the options of <paramref name="settings"/> that apply to it.</summary>
    /// <param name="name">The model's name or alias; see <see cref="Create(string)"/>.</param>
    /// <param name="settings">The options; each model reads only its own.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The name is no rule-based model (a data-driven one needs
    /// <see cref="Create(string, ModelSettings, PathSet)"/>), or its options are invalid.</exception>
    public static IAttributionModel Create(string name, ModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var canonical = Canonical(name);
        if (IsDataDriven(canonical))
        {
            throw new ArgumentException($"Model '{canonical}' learns from data: create it with training paths.", nameof(name));
        }

        return CreateCore(canonical, settings, null);
    }

    /// <summary>Creates any model by name: a rule-based one from its options, a data-driven one (<c>markov</c>,
    /// <c>shapley</c>) fitted on <paramref name="trainingPaths"/>.</summary>
    /// <param name="name">The model's name or alias, case-insensitive; one of <see cref="Names"/>.</param>
    /// <param name="settings">The options; each model reads only its own.</param>
    /// <param name="trainingPaths">The paths a data-driven model learns from; rule-based models ignore them.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The name is unknown, its options are invalid, or the paths cannot train it.</exception>
    public static IAttributionModel Create(string name, ModelSettings settings, PathSet trainingPaths)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(trainingPaths);
        return CreateCore(Canonical(name), settings, trainingPaths);
    }

    /// <summary>Gets whether a model learns from data before it allocates.</summary>
    /// <param name="name">The model's name or alias.</param>
    /// <returns>True for <c>markov</c> and <c>shapley</c>.</returns>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static bool IsDataDriven(string name) => DataDrivenNames.Contains(Canonical(name));

    /// <summary>Gets whether a model credits funnel milestones and so needs <see cref="Engine.AttributionOptions.Stages"/>.</summary>
    /// <param name="name">The model's name or alias.</param>
    /// <returns>True for <c>w-shaped</c>, <c>full-path</c> and <c>milestones</c>.</returns>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static bool NeedsStages(string name) => Canonical(name) is "w-shaped" or "full-path" or "milestones";

    /// <summary>Resolves a model's name or alias (case-insensitive, trimmed) to the name <see cref="Names"/> lists.</summary>
    /// <param name="name">The name or alias, for example <c>Position-Based</c>.</param>
    /// <param name="canonicalName">The name, for example <c>u-shaped</c>; null when <paramref name="name"/> is unknown.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGetCanonicalName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? canonicalName)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        canonicalName = key switch
        {
            "first" => "first-touch",
            "last" => "last-touch",
            "position-based" => "u-shaped",
            // The channel-weights model was called custom until AttributionModels.Custom came to mean a delegate model.
            "custom" => "channel-weights",
            _ => Names.Contains(key) ? key : null,
        };
        return canonicalName is not null;
    }

    private static string Canonical(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return TryGetCanonicalName(name, out var canonical)
            ? canonical
            : throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", Names)} (aliases: position-based for u-shaped, custom for channel-weights).", nameof(name));
    }

    private static IAttributionModel CreateCore(string canonical, ModelSettings settings, PathSet? paths) => canonical switch
    {
        "first-touch" => FirstTouch,
        "last-touch" => LastTouch,
        "linear" => Linear,
        "time-decay" => TimeDecay(settings.TimeDecay),
        "u-shaped" => UShaped(settings.UShaped),
        "j-shaped" => JShaped(),
        "inverse-j" => InverseJ(),
        "w-shaped" => WShaped(),
        "full-path" => FullPath(),
        "milestones" => Milestones(settings.Milestones),
        "channel-weights" => ChannelWeights(settings.ChannelWeights),
        "markov" => MarkovChain.Fit(paths!, settings.Markov),
        _ => ShapleyAttribution.Fit(paths!, settings.Shapley),
    };
}
