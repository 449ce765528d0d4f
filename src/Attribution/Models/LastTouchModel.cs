namespace Attribution.Models;

/// <summary>All credit to the last eligible touchpoint.</summary>
internal sealed class LastTouchModel : IAttributionModel
{
    public static readonly LastTouchModel Instance = new();

    public string Name => "last-touch";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        // A plain loop: windows are a handful of touches, too few for Clear's size dispatch to pay.
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 0;
        }

        weights[^1] = 1;
    }
}
