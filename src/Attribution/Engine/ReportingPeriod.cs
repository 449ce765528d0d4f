namespace Attribution.Engine;

/// <summary>The conversions a run reports: those with <see cref="From"/> ≤ instant &lt; <see cref="To"/>.</summary>
/// <remarks>Conversions outside the period are not reported but still exist: they still reset windows and still mark
/// stages, and touches before <see cref="From"/> stay eligible within the lookback. So consecutive periods add up to the
/// whole, and no touch is credited twice for one kind.</remarks>
public readonly record struct ReportingPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="from">The first instant reported, inclusive.</param>
    /// <param name="to">The end of the period, exclusive.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public ReportingPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"A reporting period must end after it starts, but it runs from {from:O} to {to:O}.", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>Gets the first instant reported, inclusive.</summary>
    public DateTimeOffset From { get; }

    /// <summary>Gets the end of the period, exclusive.</summary>
    public DateTimeOffset To { get; }

    /// <summary>Gets whether an instant lies in the period.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True when <see cref="From"/> ≤ <paramref name="instant"/> &lt; <see cref="To"/>.</returns>
    public bool Contains(DateTimeOffset instant) => From <= instant && instant < To;
}
