using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>Descriptive statistics of journeys that do not depend on a model: common paths, path lengths, time to conversion.</summary>
/// <remarks>Paths and windows follow the engine's eligibility rules (see <see cref="PathSet.FromJourneys"/>).</remarks>
public static class JourneyStatistics
{
    private static readonly (double Days, string Label)[] TimeBins =
    [
        (1, "< 1 d"),
        (3, "1–3 d"),
        (7, "3–7 d"),
        (14, "7–14 d"),
        (30, "14–30 d"),
        (60, "30–60 d"),
        (90, "60–90 d"),
        (double.PositiveInfinity, "≥ 90 d"),
    ];

    /// <summary>The longest path length with a bar of its own in <see cref="PathLengths"/>; longer paths share the last bar.</summary>
    public const int MaxPathLengthBin = 10;

    /// <summary>Gets the most common paths.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="count">How many to return at most; not negative.</param>
    /// <returns>The paths by occurrences, then conversions, largest first; equal ones in their order in <paramref name="paths"/>.</returns>
    public static IReadOnlyList<PathSummary> TopPaths(PathSet paths, int count)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Enumerable.Range(0, paths.Count)
            .Select(p => Summarise(paths, p))
            .OrderByDescending(s => s.Occurrences)
            .ThenByDescending(s => s.Conversions)
            .Take(count)
            .ToArray();
    }

    /// <summary>Counts conversions by the length of their path.</summary>
    /// <param name="paths">The paths.</param>
    /// <returns>Bars for lengths 1 to <see cref="MaxPathLengthBin"/> − 1, then one for <see cref="MaxPathLengthBin"/> and more, each with its conversions.</returns>
    public static IReadOnlyList<HistogramBin> PathLengths(PathSet paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var counts = new double[MaxPathLengthBin];
        for (var p = 0; p < paths.Count; p++)
        {
            var length = Math.Min(paths.GetPath(p).Length, MaxPathLengthBin);
            counts[length - 1] += paths.GetConversions(p);
        }

        return counts.Select((c, i) => new HistogramBin(
            i == MaxPathLengthBin - 1 ? FormattableString.Invariant($"{MaxPathLengthBin}+") : FormattableString.Invariant($"{i + 1}"),
            c)).ToArray();
    }

    /// <summary>Counts conversions by the time from their first eligible touch to the conversion.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="options">The lookback; defaults when null. Other options are ignored.</param>
    /// <returns>Bars for &lt; 1 d, 1–3 d, 3–7 d, 7–14 d, 14–30 d, 30–60 d, 60–90 d and ≥ 90 d (each includes its lower bound); unattributed conversions are not counted.</returns>
    public static IReadOnlyList<HistogramBin> TimeToConversion(JourneySet journeys, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        options ??= new AttributionOptions();
        options.Validate();
        var windows = EligibilityWindows.For(journeys, options);
        var counts = new double[TimeBins.Length];
        int[]? kept = null;
        for (var c = 0; c < journeys.ConversionCount; c++)
        {
            var first = windows.Starts[c];
            if (first == windows.Ends[c] || !windows.IsReported(c))
            {
                continue;
            }

            // A conversion restricted to its contacts starts at its contacts' first touch, or is unattributed.
            if (windows.Rules.Contacts is { } contacts && contacts.Restricted[c])
            {
                kept ??= new int[journeys.MaxTouchpointsPerJourney];
                if (windows.Collect(c, kept) == 0)
                {
                    continue;
                }

                first = kept[0];
            }

            var days = TimeSpan.FromTicks(journeys.ConversionTicks[c] - journeys.TouchTicks[first]).TotalDays;
            var bin = 0;
            while (days >= TimeBins[bin].Days)
            {
                bin++;
            }

            counts[bin]++;
        }

        return counts.Select((c, i) => new HistogramBin(TimeBins[i].Label, c)).ToArray();
    }

    private static PathSummary Summarise(PathSet paths, int p)
    {
        var ids = paths.GetPath(p);
        var channels = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            channels[i] = paths.Channels[ids[i]];
        }

        return new PathSummary(channels, paths.GetConversions(p) + paths.GetNulls(p), paths.GetConversions(p), paths.GetValue(p));
    }
}
