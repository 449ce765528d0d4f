using System.Runtime.CompilerServices;

namespace Attribution.Engine.Kernels;

/// <summary>Linear: every touch gets 1 / n, from a per-length table (the general path's weights of 1 sum to n exactly,
/// and 1 × (1 / n) is 1 / n, so the bits are the same).</summary>
internal readonly struct LinearKernel : ICreditKernel
{
    private readonly double[] shares;

    public LinearKernel(int maxLength)
    {
        shares = new double[Math.Min(maxLength, LengthTable.MaxLength) + 1];
        for (var n = 1; n < shares.Length; n++)
        {
            shares[n] = 1 / (double)n;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        var n = window.Count;
        var share = (uint)n < (uint)shares.Length ? shares[n] : 1 / (double)n;
        var channels = window.Channels;
        var campaigns = window.RollupKeys;
        for (var i = 0; i < channels.Length; i++)
        {
            rollup.Add(channels[i], campaigns[i], share);
        }

        return true;
    }
}
