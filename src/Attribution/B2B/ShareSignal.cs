namespace Attribution.B2B;

/// <summary>A signal that compares a row's share of something (duplicate leads, conversions right after the touch) with the
/// pooled share of every other row.</summary>
/// <remarks>Fires when <see cref="Share"/> &gt; <see cref="Threshold"/> (= multiple × pooled share) and
/// <see cref="Share"/> ≥ <see cref="MinShare"/>.</remarks>
/// <param name="Count">How many of the row's conversions have the property.</param>
/// <param name="Total">The row's conversions considered.</param>
/// <param name="Share">Count / Total; null when Total is 0.</param>
/// <param name="OtherCount">How many conversions of every other row have the property.</param>
/// <param name="OtherTotal">The conversions of every other row considered.</param>
/// <param name="PooledShare">OtherCount / OtherTotal; null when OtherTotal is 0.</param>
/// <param name="Threshold">The multiple option × the pooled share: the share must exceed it; null with the pooled share.</param>
/// <param name="MinShare">The least share that fires.</param>
/// <param name="Fired">Whether the signal fired (never for a row with insufficient data).</param>
public sealed record ShareSignal(int Count, int Total, double? Share, int OtherCount, int OtherTotal, double? PooledShare, double? Threshold, double MinShare, bool Fired);
