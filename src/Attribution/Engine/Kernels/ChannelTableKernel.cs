using System.Runtime.CompilerServices;

namespace Attribution.Engine.Kernels;

/// <summary>A weight per channel id (channel weights, a fitted Markov chain's removal effects), resolved when the model
/// was bound; the table was checked then (finite, not negative), so the loop does not check again.</summary>
internal readonly struct ChannelTableKernel : ICreditKernel
{
    private readonly double[] table;
    private readonly double[] weights;

    public ChannelTableKernel(double[] table, int maxLength)
    {
        this.table = table;
        weights = new double[Math.Max(1, maxLength)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Credit(in CreditWindow window, ref Rollup rollup)
    {
        var channels = window.Channels;
        var w = weights.AsSpan(0, channels.Length);
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            var x = table[channels[i]];
            w[i] = x;
            sum += x;
        }

        if (sum == 0)
        {
            return false;
        }

        var scale = WeightScaling.Scale(w, sum);
        var campaigns = window.RollupKeys;
        for (var i = 0; i < w.Length; i++)
        {
            rollup.Add(channels[i], campaigns[i], w[i] * scale);
        }

        return true;
    }
}
