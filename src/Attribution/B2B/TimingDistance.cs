namespace Attribution.B2B;

/// <summary>Evidence beside the injection signal, never a signal itself: the two-sample Kolmogorov–Smirnov distance between
/// a row's touch-to-conversion times (last touch to conversion) and every other row's.</summary>
/// <remarks>One injecting channel in the pool shifts every other channel's distance too, so a distance above the critical
/// value does not say which channel is the culprit; read it beside the injection share.</remarks>
/// <param name="Count">The row's times, n.</param>
/// <param name="OtherCount">Every other row's times, m.</param>
/// <param name="Distance">D = sup |F_row(x) − F_others(x)|; null when either sample is empty.</param>
/// <param name="CriticalValue">c(α) · sqrt((n + m) / (n · m)), c(α) = sqrt(−ln(α / 2) / 2); null when either sample is empty.</param>
public sealed record TimingDistance(int Count, int OtherCount, double? Distance, double? CriticalValue)
{
    /// <summary>Gets whether the distance is above the critical value (the two distributions differ at level α).</summary>
    public bool AboveCritical => Distance > CriticalValue;
}
