using Attribution.Models;

namespace Attribution.DataDriven;

/// <summary>A Shapley model bound to one data set: its channel ids already mapped to the channels seen in training.</summary>
internal sealed class BoundShapleyModel : IAttributionModel
{
    private readonly ShapleyModel model;
    private readonly int[] map;

    public BoundShapleyModel(ShapleyModel model, int[] map)
    {
        this.model = model;
        this.map = map;
    }

    public string Name => model.Name;

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights) => model.ComputeWeights(touchpoints, weights, map);
}
