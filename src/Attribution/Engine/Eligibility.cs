using System.Runtime.CompilerServices;

namespace Attribution.Engine;

/// <summary>The eligibility rules every model shares, as loops over a journey's columns; used by the engine and by path extraction.</summary>
internal static class Eligibility
{
    /// <summary>Finds the touches eligible for the conversion at <paramref name="at"/> and clears them for the next conversion.</summary>
    /// <param name="ticks">All touch instants of the set (UTC ticks), sorted within each journey.</param>
    /// <param name="pending">In: the first touch after the journey's previous conversion. Out: the first touch after this one.</param>
    /// <param name="upTo">One past the journey's last touch at or before the conversion's instant (<c>JourneySet.ConversionTouchEnds</c>).</param>
    /// <param name="at">The conversion's instant.</param>
    /// <param name="lookbackTicks">The lookback window; a touch with Δt ≤ lookback is eligible.</param>
    /// <param name="first">The first eligible touch.</param>
    /// <returns>One past the last eligible touch; equal to <paramref name="first"/> when none is eligible.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Window(long[] ticks, ref int pending, int upTo, long at, long lookbackTicks, out int first)
    {
        // upTo (JourneySet.ConversionTouchEnds) already counts touches at the conversion's instant as before it; only
        // the lookback is left to apply, and it usually cuts nothing, so this loop rarely turns.
        first = pending;
        var oldest = at - lookbackTicks;
        while (first < upTo && ticks[first] < oldest)
        {
            first++;
        }

        pending = upTo;
        return upTo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeepIncluded(int[] channels, bool[] excluded, int first, int upTo, Span<int> kept)
    {
        var count = 0;
        for (var i = first; i < upTo; i++)
        {
            if (!excluded[channels[i]])
            {
                kept[count++] = i;
            }
        }

        return count;
    }

    /// <summary>Maps excluded channel names to a flag per channel id of <paramref name="journeys"/>; null when nothing is excluded.</summary>
    /// <exception cref="ArgumentException"><paramref name="requireKnown"/> is set and a name does not occur in the data (a typo would otherwise be ignored).</exception>
    public static bool[]? ResolveExclusions(Journeys.JourneySet journeys, IReadOnlyCollection<string> excludedChannels, bool requireKnown)
    {
        if (excludedChannels.Count == 0)
        {
            return null;
        }

        var excluded = new bool[journeys.ChannelTable.Count];
        foreach (var name in excludedChannels)
        {
            if (journeys.ChannelTable.TryGetId(name, out var id))
            {
                excluded[id] = true;
            }
            else if (requireKnown)
            {
                throw new ArgumentException(
                    $"Excluded channel '{name}' does not occur in the data. Channels in the data: {string.Join(", ", journeys.Channels)}.",
                    nameof(excludedChannels));
            }
        }

        return excluded;
    }
}
