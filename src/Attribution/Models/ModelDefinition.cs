using Attribution.DataDriven;

namespace Attribution.Models;

/// <summary>One model of a report as a configuration names it: the name reports show, which model it is, and its options;
/// so that variants of one model (an early and a late u-shaped, two half-lives) run side by side.</summary>
/// <example>
/// <code>
/// var early = new ModelDefinition("early", "u-shaped", new ModelSettings { UShaped = new() { First = 0.5, Middle = 0.3, Last = 0.2 } });
/// IAttributionModel model = early.Create();   // named "early"
/// </code>
/// </example>
public sealed record ModelDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="name">The name reports show.</param>
    /// <param name="model">The model's name or alias, one of <see cref="AttributionModels.Names"/>.</param>
    /// <param name="settings">The model's options; defaults when null.</param>
    /// <exception cref="ArgumentException">A name is empty or the model is unknown.</exception>
    public ModelDefinition(string name, string model, ModelSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (!AttributionModels.TryGetCanonicalName(model, out var canonical))
        {
            throw new ArgumentException($"Unknown model '{model}'. Known models: {string.Join(", ", AttributionModels.Names)} (alias: position-based).", nameof(model));
        }

        Name = name.Trim();
        Model = canonical;
        Settings = settings ?? new ModelSettings();
    }

    /// <summary>Gets the name reports show; a definition named as its model keeps the model's own name (an order-2 Markov
    /// chain is <c>markov-2</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the model's canonical name, one of <see cref="AttributionModels.Names"/>.</summary>
    public string Model { get; }

    /// <summary>Gets the model's options.</summary>
    public ModelSettings Settings { get; }

    /// <summary>Gets whether the model learns from data, so that <see cref="Create(PathSet)"/> needs training paths.</summary>
    public bool IsDataDriven => AttributionModels.IsDataDriven(Model);

    /// <summary>Creates the rule-based model under <see cref="Name"/>.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The model learns from data, or its options are invalid.</exception>
    public IAttributionModel Create() => Named(AttributionModels.Create(Model, Settings));

    /// <summary>Creates the model under <see cref="Name"/>, fitting a data-driven one on <paramref name="trainingPaths"/>.</summary>
    /// <param name="trainingPaths">The paths a data-driven model learns from; a rule-based one ignores them.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or the paths cannot train the model.</exception>
    public IAttributionModel Create(PathSet trainingPaths) => Named(AttributionModels.Create(Model, Settings, trainingPaths));

    // A definition named as its model keeps the model's own name (an order-2 chain stays markov-2) and is not wrapped.
    private IAttributionModel Named(IAttributionModel model)
        => model.Name == Name || Name == Model ? model : AttributionModels.WithName(Name, model);
}
