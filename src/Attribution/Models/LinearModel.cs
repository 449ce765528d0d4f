namespace Attribution.Models;

/// <summary>An equal share per eligible touchpoint (a channel met three times gets three shares).</summary>
internal sealed class LinearModel : IAttributionModel
{
    public static readonly LinearModel Instance = new();

    public string Name => "linear";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights) => weights.Fill(1);
}
