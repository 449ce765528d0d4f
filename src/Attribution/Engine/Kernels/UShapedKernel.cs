using System.Runtime.CompilerServices;
using Attribution.Models;

namespace Attribution.Engine.Kernels;

/// <summary>U-shaped and its presets: the first, middle and last shares depend only on the window's length, so they
/// come from a table built once per run by <see cref="UShapedModel.Shares"/>, the one implementation of the formula.</summary>
internal readonly struct UShapedKernel : ICreditKernel
{
    private readonly UShapedModel model;
    private readonly (double First, double Middle, double Last)[] table;

    public UShapedKernel(UShapedModel model, int maxLength)
    {
        this.model = model;
        table = new (double, double, double)[Math.Min(maxLength, LengthTable.MaxLength) + 1];
        for (var n = 1; n < table.Length; n++)
        {
            table[n] = model.Shares(n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        var n = window.Count;
        var (first, middle, last) = (uint)n < (uint)table.Length ? table[n] : model.Shares(n);
        var channels = window.Channels;
        var campaigns = window.RollupKeys;
        rollup.Add(channels[0], campaigns[0], first);
        for (var i = 1; i < channels.Length - 1; i++)
        {
            rollup.Add(channels[i], campaigns[i], middle);
        }

        if (n > 1)
        {
            rollup.Add(channels[n - 1], campaigns[n - 1], last);
        }

        return true;
    }
}
