namespace Attribution.Models;

/// <summary>An equal share per eligible touchpoint (a channel met three times gets three shares).</summary>
internal sealed class LinearModel : IAttributionModel
{
    public static readonly LinearModel Instance = new();

    public string Name => "linear";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        // A plain loop: windows are a handful of touches, too few for Fill's size dispatch to pay.
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 1;
        }
    }
}
