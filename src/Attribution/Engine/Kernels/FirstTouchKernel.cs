using System.Runtime.CompilerServices;

namespace Attribution.Engine.Kernels;

/// <summary>First-touch: one credit per conversion, share 1 (the general path's 1 × (1 / 1)).</summary>
internal readonly struct FirstTouchKernel : ICreditKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        rollup.Add(window.Channels[0], window.RollupKeys[0], 1);
        return true;
    }
}
