using System.Runtime.CompilerServices;

namespace Attribution.Engine.Kernels;

/// <summary>Last-touch: one credit per conversion, share 1.</summary>
internal readonly struct LastTouchKernel : ICreditKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        var last = window.Count - 1;
        rollup.Add(window.Channels[last], window.RollupKeys[last], 1);
        return true;
    }
}
