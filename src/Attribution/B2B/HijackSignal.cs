namespace Attribution.B2B;

/// <summary>The last-touch hijack signal of one row: its share of credited value under last-touch over its share under
/// linear, in one stage's kind.</summary>
/// <remarks>Each stage's kind is evaluated on its own (values of different kinds are never added); the signal shows the kind
/// with the highest ratio among those where it fires (ties: the earlier stage), else the earliest stage with credited value. Fires when
/// <see cref="Ratio"/> &gt; <see cref="SuspiciousChannelOptions.HijackMinRatio"/> and <see cref="LastTouchShare"/> ≥
/// <see cref="SuspiciousChannelOptions.HijackMinLastTouchShare"/>.</remarks>
/// <param name="Kind">The stage's conversion kind shown; null when no stage has credited value.</param>
/// <param name="LastTouchShare">The row's last-touch credited value ÷ the kind's last-touch credited value.</param>
/// <param name="LinearShare">The same under the linear model.</param>
/// <param name="Ratio">LastTouchShare ÷ LinearShare; null when the linear share is 0.</param>
/// <param name="Fired">Whether the signal fired (never for a row with insufficient data).</param>
public sealed record HijackSignal(string? Kind, double? LastTouchShare, double? LinearShare, double? Ratio, bool Fired);
