using System.Globalization;

namespace Attribution.IO.Internal;

/// <summary>The one rule for durations people type (command-line options, config files): a positive decimal number followed
/// by <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c>, such as <c>30d</c>, <c>1.5d</c>, <c>12h</c>, <c>90m</c> or <c>45s</c>.</summary>
internal static class Durations
{
    /// <summary>Parses a duration, rounded to the tick.</summary>
    /// <exception cref="FormatException">The text is no duration; the message says why and what is allowed, without naming
    /// where the text came from (the caller adds the option or JSON path).</exception>
    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2)
        {
            throw Bad(text);
        }

        var unit = char.ToLowerInvariant(trimmed[^1]);
        double unitSeconds = unit switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => double.NaN,
        };

        // A sign is read so that "-1d" is told it is not longer than zero; exponents are not durations people type.
        if (double.IsNaN(unitSeconds)
            || !double.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw Bad(text);
        }

        if (!double.IsFinite(amount))
        {
            throw new FormatException($"'{trimmed[..^1]}' in '{text}' is not a number; use a number followed by s, m, h or d (for example 30d).");
        }

        var seconds = amount * unitSeconds;
        if (!(seconds > 0))
        {
            throw new FormatException($"'{text}' must be longer than zero.");
        }

        // TimeSpan holds about 29,000 years; anything longer is a typo, not a window.
        if (seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            throw new FormatException($"'{text}' is too long a duration.");
        }

        var ticks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        if (ticks == 0)
        {
            throw new FormatException($"'{text}' is shorter than the shortest duration, 0.0000001s (one tick).");
        }

        return TimeSpan.FromTicks(ticks);
    }

    private static FormatException Bad(string text)
        => new($"'{text}' is not a duration; use a number followed by s, m, h or d (for example 30d, 1.5d, 90m).");
}
