using System.Runtime.CompilerServices;

namespace Attribution.Engine.Kernels;

/// <summary>Turns a window's weights into shares: scale = 1 / Σw, without overflow at either end of the double range.</summary>
internal static class WeightScaling
{
    // Below this, 1 / sum overflows (sum < 2^-1024) or comes close to; the sums real models produce are far above it.
    private const double SmallestPlainSum = 1e-270;

    // Powers of two, so rescaling is exact for every weight that does not underflow.
    private static readonly double Up = Math.ScaleB(1, 600);
    private static readonly double Down = Math.ScaleB(1, -600);

    /// <summary>Gets 1 / <paramref name="sum"/>; for a sum that is tiny or overflowed to ∞, first rescales the weights by
    /// a power of two (exact) and sums again.</summary>
    /// <param name="weights">The weights, finite and not negative, not all 0; rescaled in place when needed.</param>
    /// <param name="sum">Their sum in index order.</param>
    /// <returns>The factor that turns each weight into its share.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scale(Span<double> weights, double sum)
        => sum >= SmallestPlainSum && sum <= double.MaxValue ? 1 / sum : Rescale(weights, sum);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Rescale(Span<double> weights, double sum)
    {
        // Down: every weight ≤ double.MaxValue × 2^-600, so any count of them sums to a finite number, and the largest
        // stays far above 0. Up: every weight ≤ sum < 2^-897 stays below 2^-297, and subnormals become exact normals.
        var factor = sum > double.MaxValue ? Down : Up;
        sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= factor;
            sum += weights[i];
        }

        return 1 / sum;
    }
}
