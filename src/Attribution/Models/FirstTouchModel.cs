namespace Attribution.Models;

/// <summary>All credit to the first eligible touchpoint.</summary>
internal sealed class FirstTouchModel : IAttributionModel
{
    public static readonly FirstTouchModel Instance = new();

    public string Name => "first-touch";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        // A plain loop: windows are a handful of touches, too few for Clear's size dispatch to pay.
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 0;
        }

        weights[0] = 1;
    }
}
