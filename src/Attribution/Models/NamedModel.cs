namespace Attribution.Models;

/// <summary>Another model under another name, so that variants of one model (or a fitted model and its reloaded copy)
/// can run side by side in one report.</summary>
internal sealed class NamedModel : IAttributionModel
{
    private readonly IAttributionModel model;

    public NamedModel(string name, IAttributionModel model)
    {
        Name = name;
        this.model = model;
    }

    public string Name { get; }

    /// <summary>Gets the model that weighs.</summary>
    internal IAttributionModel Inner => model;

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights) => model.ComputeWeights(touchpoints, weights);

    // The bound model is the inner one's: the engine picks its specialised kernel from it, and reports use this name.
    public IAttributionModel Bind(ModelBindingArguments arguments) => model.Bind(arguments);
}
