namespace Attribution.B2B;

/// <summary>The no-progress signal of one row: how many of its first-stage conversions (credited by last touch) reached the
/// next stage later in their journey, against the pooled share of every other row.</summary>
/// <remarks>Fires when P(X ≤ <see cref="Progressed"/>) for X ~ Binomial(<see cref="Leads"/>, <see cref="PooledShare"/>) is
/// below <see cref="SuspiciousChannelOptions.NoProgressMaxPValue"/> and <see cref="Share"/> &lt; <see cref="Threshold"/>
/// (= pooled × <see cref="SuspiciousChannelOptions.NoProgressMaxRatio"/>).</remarks>
/// <param name="Leads">The row's first-stage conversions, n.</param>
/// <param name="Progressed">How many of them were followed, in the same journey, by a conversion of the next stage, k.</param>
/// <param name="Share">k / n; null when n is 0.</param>
/// <param name="OtherLeads">The first-stage conversions of every other row.</param>
/// <param name="OtherProgressed">How many of those progressed.</param>
/// <param name="PooledShare">OtherProgressed / OtherLeads; null when there are no other leads.</param>
/// <param name="PValue">The one-sided exact binomial P(X ≤ k | n, pooled share); null when either share is undefined.</param>
/// <param name="Threshold">Pooled share × the ratio option: the share must be under it; null with the pooled share.</param>
/// <param name="Fired">Whether the signal fired (never for a row with insufficient data).</param>
public sealed record ProgressSignal(int Leads, int Progressed, double? Share, int OtherLeads, int OtherProgressed, double? PooledShare, double? PValue, double? Threshold, bool Fired);
