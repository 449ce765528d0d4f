namespace Attribution.B2B;

/// <summary>The burst signal of one row: days whose touch count is far above the days before them.</summary>
/// <remarks>
/// <para>Days are UTC calendar days from the row's first touch to its last; a day without touches in between counts as 0.
/// A day is compared with the up to <see cref="SuspiciousChannelOptions.BurstWindowDays"/> days just before it (never
/// before the row's first day), and only when there are at least <see cref="SuspiciousChannelOptions.BurstMinHistoryDays"/>
/// of them. With mean μ and population standard deviation σ (divided by the number of days) of those counts, the day is a
/// burst when its count &gt; μ + k·σ. When σ is 0, any count above μ is a burst.</para>
/// <para>Fires when there is at least one burst day.</para>
/// </remarks>
/// <param name="Days">The burst days, in date order.</param>
/// <param name="DaysTested">How many days had enough history to be tested.</param>
/// <param name="Fired">Whether the signal fired (never for a row with insufficient data).</param>
public sealed record BurstSignal(IReadOnlyList<BurstDay> Days, int DaysTested, bool Fired);
