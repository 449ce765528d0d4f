namespace Attribution.Models;

/// <summary>All credit to the last eligible touchpoint.</summary>
internal sealed class LastTouchModel : IAttributionModel
{
    public static readonly LastTouchModel Instance = new();

    public string Name => "last-touch";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        weights.Clear();
        weights[^1] = 1;
    }
}
