using System.Runtime.CompilerServices;
using Attribution.Models;

namespace Attribution.Engine.Kernels;

/// <summary>Time-decay: the model's own weights (<see cref="TimeDecayModel.Weigh"/>, <see cref="Math.Exp"/> bit for bit), then
/// sum, scale and credit in one tight loop without the general path's checks (the weights are in (0, 1], the newest is 1).</summary>
internal readonly struct TimeDecayKernel : ICreditKernel
{
    private readonly TimeDecayModel model;
    private readonly double[] weights;

    public TimeDecayKernel(TimeDecayModel model, int maxLength)
    {
        this.model = model;
        weights = new double[Math.Max(1, maxLength)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        var w = weights.AsSpan(0, window.Count);
        model.Weigh(window.Ticks, w);
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            sum += w[i];
        }

        var scale = 1 / sum;
        var channels = window.Channels;
        var campaigns = window.RollupKeys;
        for (var i = 0; i < w.Length; i++)
        {
            rollup.Add(channels[i], campaigns[i], w[i] * scale);
        }

        return true;
    }
}
