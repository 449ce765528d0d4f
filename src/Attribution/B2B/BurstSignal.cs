namespace Attribution.B2B;

/// <summary>The burst signal of one row: days whose touch count is far above the days before them.</summary>
/// <remarks>
/// <para>Days are UTC calendar days. A day is compared with the days that had touches among the
/// <see cref="SuspiciousChannelOptions.BurstWindowDays"/> calendar days just before it, and only when there are at least
/// <see cref="SuspiciousChannelOptions.BurstMinHistoryDays"/> of them: a day without touches is no sample of the channel's
/// rate (counted as 0, the fading tail of a channel — a touch now and then after weeks of silence — would be a burst every
/// time). With mean μ and population standard deviation σ (divided by the number of days) of those days' counts, the day
/// is a burst when its count &gt; μ + k·σ; when σ is 0, any count above μ is one.</para>
/// <para>Fires when there is at least one burst day.</para>
/// </remarks>
/// <param name="Days">The burst days, in date order.</param>
/// <param name="DaysTested">How many days had enough history to be tested.</param>
/// <param name="Fired">Whether the signal fired (never for a row with insufficient data).</param>
public sealed record BurstSignal(IReadOnlyList<BurstDay> Days, int DaysTested, bool Fired)
{
    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
