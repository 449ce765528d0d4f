using System.Globalization;

namespace Attribution.Reports;

/// <summary>How explanations print numbers, durations and instants: invariant culture, short, and the same everywhere.</summary>
internal static class ExplanationText
{
    /// <summary>Six significant digits: enough to check the arithmetic by hand, short enough to read.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A duration in the units the options take: whole days as <c>9d</c>, else hours, minutes or seconds.</summary>
    public static string Duration(TimeSpan duration)
    {
        var ticks = duration.Ticks;
        return ticks % TimeSpan.TicksPerDay == 0 ? FormattableString.Invariant($"{ticks / TimeSpan.TicksPerDay}d")
            : ticks % TimeSpan.TicksPerHour == 0 ? FormattableString.Invariant($"{ticks / TimeSpan.TicksPerHour}h")
            : ticks % TimeSpan.TicksPerMinute == 0 ? FormattableString.Invariant($"{ticks / TimeSpan.TicksPerMinute}m")
            : Number(duration.TotalSeconds) + "s";
    }

    /// <summary>An instant in UTC, to the second.</summary>
    public static string Instant(DateTimeOffset instant)
        => InstantText.Utc(instant);
}
