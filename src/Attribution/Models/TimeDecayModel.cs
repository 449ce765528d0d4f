namespace Attribution.Models;

/// <summary>Weight 2^(−Δt / h) per touchpoint, Δt the exact time from the touch to the conversion, h the half-life.</summary>
internal sealed class TimeDecayModel : IAttributionModel
{
    private readonly double decayPerTick;

    public TimeDecayModel(TimeDecayModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.Positive(options.HalfLife, "options.HalfLife");
        decayPerTick = Math.Log(2) / options.HalfLife.Ticks;
        HalfLife = options.HalfLife;
    }

    /// <summary>Gets the half-life h, for explanations.</summary>
    internal TimeSpan HalfLife { get; }

    public string Name => "time-decay";

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights) => Weigh(touchpoints.UtcTicks, weights);

    /// <summary>The formula, shared by <see cref="ComputeWeights"/> and the engine's time-decay kernel.</summary>
    internal void Weigh(ReadOnlySpan<long> ticks, Span<double> weights)
    {
        // Measured from the newest touch rather than from the conversion: the factor 2^(−Δt_newest / h) is common to
        // every weight and cancels when the engine normalises, and the newest weight is exactly 1, so weights cannot
        // all underflow to 0 however old the touches are.
        var last = weights.Length - 1;
        var newest = ticks[last];
        for (var i = 0; i < last; i++)
        {
            weights[i] = Math.Exp((ticks[i] - newest) * decayPerTick);
        }

        // exp(0) = 1 exactly: no call for the newest touch, which is every single-touch window.
        weights[last] = 1;
    }
}
