namespace Attribution.Models;

/// <summary>All credit to the first eligible touchpoint.</summary>
internal sealed class FirstTouchModel : IAttributionModel
{
    public static readonly FirstTouchModel Instance = new();

    public string Name => "first-touch";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        weights.Clear();
        weights[0] = 1;
    }
}
