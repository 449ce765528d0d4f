using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>One fitted model per conversion kind under one name: each conversion is weighed by the model learnt from the
/// conversions of its own kind (a chain of leads credits leads, a chain of orders credits orders).</summary>
internal sealed class PerKindModel : IAttributionModel
{
    private readonly Dictionary<string, IAttributionModel> models;

    public PerKindModel(string name, Dictionary<string, IAttributionModel> models, bool fromFile = false)
    {
        Name = name;
        this.models = models;
        FromFile = fromFile;
    }

    public string Name { get; }

    /// <summary>Gets whether the model was loaded from a saved file that recorded the kind it learnt.</summary>
    public bool FromFile { get; }

    /// <summary>Gets the model of each kind.</summary>
    public IReadOnlyDictionary<string, IAttributionModel> Models => models;

    public IAttributionModel Bind(ModelBindingArguments arguments)
    {
        var bound = new Dictionary<string, IAttributionModel>(models.Count, StringComparer.Ordinal);
        foreach (var (kind, model) in models)
        {
            bound.Add(kind, model.Bind(arguments));
        }

        return new PerKindModel(Name, bound, FromFile);
    }

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        // The factory fits one model per kind of the data; a saved model has only the kind it learnt, and the conversions of
        // other kinds get no weight: unattributed under it rather than credited by a chain that never saw them.
        if (models.TryGetValue(touchpoints.ConversionKind, out var model))
        {
            model.ComputeWeights(touchpoints, weights);
        }
        else
        {
            weights.Clear();
        }
    }
}
