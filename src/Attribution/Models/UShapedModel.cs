namespace Attribution.Models;

/// <summary>Position-based credit: a share to the first touch, a share to the last, the rest split among the middle.</summary>
/// <remarks>
/// n = 1: [1]. n = 2: [f / (f + l), l / (f + l)], or an even split when f + l = 0.
/// n ≥ 3: f, then m / (n − 2) for each middle touch, then l.
/// </remarks>
internal sealed class UShapedModel : IAttributionModel
{
    private readonly double first;
    private readonly double middle;
    private readonly double last;

    public UShapedModel(UShapedModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.FiniteNonNegative(options.First, "options.First");
        Guard.FiniteNonNegative(options.Middle, "options.Middle");
        Guard.FiniteNonNegative(options.Last, "options.Last");
        var sum = options.First + options.Middle + options.Last;
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"The U-shaped ratios must add up to 1, but {options.First} + {options.Middle} + {options.Last} = {sum}."),
                nameof(options));
        }

        first = options.First;
        middle = options.Middle;
        last = options.Last;
    }

    public string Name => "u-shaped";

    /// <summary>Gets the ratios (f, m, l), for explanations.</summary>
    internal (double First, double Middle, double Last) Ratios => (first, middle, last);

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        var n = weights.Length;
        if (n == 1)
        {
            weights[0] = 1;
        }
        else if (n == 2)
        {
            var ends = first + last;
            weights[0] = ends > 0 ? first : 1;
            weights[1] = ends > 0 ? last : 1;
        }
        else
        {
            // A plain loop: windows are a handful of touches, too few for Fill's size dispatch to pay.
            var share = middle / (n - 2);
            for (var i = 1; i < n - 1; i++)
            {
                weights[i] = share;
            }

            weights[0] = first;
            weights[^1] = last;
        }
    }

    /// <summary>Gets the shares of the first, each middle and the last touch of an n-touch window, exactly as the
    /// engine's general path turns <see cref="ComputeWeights"/>' weights into shares (sum in index order, 1 / sum, times
    /// each weight), so the engine's per-length table gives the same bits.</summary>
    internal (double First, double Middle, double Last) Shares(int n)
    {
        if (n == 1)
        {
            return (1, 0, 0);
        }

        Span<double> w = n <= 64 ? stackalloc double[n] : new double[n];
        ComputeWeights(default, w);
        var sum = 0.0;
        foreach (var x in w)
        {
            sum += x;
        }

        var scale = 1 / sum;
        return (w[0] * scale, n > 2 ? w[1] * scale : 0, w[n - 1] * scale);
    }
}
