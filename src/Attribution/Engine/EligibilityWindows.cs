using System.Diagnostics;
using Attribution.Journeys;

namespace Attribution.Engine;

/// <summary>Every conversion's eligible touches under one set of rules, computed once per (set, rules): the one home of
/// the eligibility rules. The engine, <see cref="DataDriven.PathSet"/> and the statistics read these windows; nothing
/// else walks journeys to decide what is eligible.</summary>
/// <remarks>
/// <para>Conversion c may be credited from the touches [<see cref="Starts"/>[c], <see cref="Ends"/>[c]) of its journey
/// (global touch indices): those sorted before it (touches at its instant count as before it), after the journey's
/// previous conversion, and no more than the lookback before it (Δt ≤ lookback).</para>
/// <para>Excluded channels earn nothing unless every touch of the window is excluded, in which case they keep the
/// credit. <see cref="Flags"/>[c] has <see cref="Filtered"/> when the window holds both kinds, so that its excluded
/// touches are to be skipped; a window of only included or only excluded touches is used whole.</para>
/// </remarks>
internal sealed class EligibilityWindows
{
    /// <summary>The window holds excluded and included touches: skip the excluded ones.</summary>
    public const byte Filtered = 1;

    private EligibilityWindows(JourneySet journeys, EligibilityRules rules, int[] starts, byte[]? flags)
    {
        Journeys = journeys;
        Rules = rules;
        Starts = starts;
        Flags = flags;
    }

    public JourneySet Journeys { get; }

    public EligibilityRules Rules { get; }

    /// <summary>Gets the first eligible touch per conversion (a global touch index).</summary>
    public int[] Starts { get; }

    /// <summary>Gets one past the last eligible touch per conversion.</summary>
    public int[] Ends => Journeys.ConversionTouchEnds;

    /// <summary>Gets a flag per conversion, or null when no conversion has one.</summary>
    public byte[]? Flags { get; }

    /// <summary>Gets the windows of a set under options, computing them on first use and reusing them after.</summary>
    public static EligibilityWindows For(JourneySet journeys, AttributionOptions options)
        => journeys.GetWindows(EligibilityRules.Resolve(journeys, options));

    /// <summary>Computes the windows of every conversion of a set; called by the set's cache only.</summary>
    internal static EligibilityWindows Compute(JourneySet journeys, EligibilityRules rules)
    {
        var starts = new int[journeys.ConversionCount];
        var flags = rules.Excluded is null ? null : new byte[starts.Length];
        var any = false;
        for (var j = 0; j < journeys.Count; j++)
        {
            var c0 = journeys.ConversionOffsets[j];
            var c1 = journeys.ConversionOffsets[j + 1];
            if (c0 == c1)
            {
                continue;
            }

            var t0 = journeys.TouchOffsets[j];
            any |= ComputeJourney(
                journeys.TouchTicks.AsSpan(t0, journeys.TouchOffsets[j + 1] - t0),
                journeys.TouchChannels.AsSpan(t0, journeys.TouchOffsets[j + 1] - t0),
                journeys.ConversionTicks.AsSpan(c0, c1 - c0),
                journeys.ConversionTouchEnds.AsSpan(c0, c1 - c0),
                t0,
                rules,
                starts.AsSpan(c0, c1 - c0),
                flags is null ? default : flags.AsSpan(c0, c1 - c0));
        }

        return new EligibilityWindows(journeys, rules, starts, any ? flags : null);
    }

    /// <summary>The rule for one journey, shared by the columnar set and the one-journey API.</summary>
    /// <param name="touchTicks">The journey's touch instants, sorted.</param>
    /// <param name="touchChannels">The journey's touch channel ids (ids of <paramref name="rules"/>' exclusion table).</param>
    /// <param name="conversionTicks">The journey's conversion instants, sorted.</param>
    /// <param name="ends">Per conversion, one past its last touch at or before its instant (offset by <paramref name="offset"/>).</param>
    /// <param name="offset">The global index of the journey's first touch: starts are written as global indices.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="starts">Out: per conversion, its first eligible touch (global).</param>
    /// <param name="flags">Out: per conversion, <see cref="Filtered"/> or 0; empty when nothing is excluded.</param>
    /// <returns>Whether some conversion got a flag.</returns>
    public static bool ComputeJourney(
        ReadOnlySpan<long> touchTicks,
        ReadOnlySpan<int> touchChannels,
        ReadOnlySpan<long> conversionTicks,
        ReadOnlySpan<int> ends,
        int offset,
        EligibilityRules rules,
        Span<int> starts,
        Span<byte> flags)
    {
        Debug.Assert(conversionTicks.Length == ends.Length && ends.Length == starts.Length, "one window per conversion");
        var excluded = rules.Excluded;
        var any = false;

        // Both cut points only move forward: the reset is the previous conversion's end, and the lookback's oldest
        // instant grows with the conversion's, so the whole journey costs one pass over its touches.
        var reset = 0;
        var cut = 0;
        for (var c = 0; c < conversionTicks.Length; c++)
        {
            var end = ends[c] - offset;
            var oldest = conversionTicks[c] - rules.LookbackTicks;
            while (cut < end && touchTicks[cut] < oldest)
            {
                cut++;
            }

            var start = Math.Min(Math.Max(reset, cut), end);
            starts[c] = start + offset;
            reset = end;

            if (excluded is not null && start < end)
            {
                var included = 0;
                for (var t = start; t < end; t++)
                {
                    included += excluded[touchChannels[t]] ? 0 : 1;
                }

                // Only a mix needs filtering: all included is the plain window, and all excluded keep the credit.
                if (included > 0 && included < end - start)
                {
                    flags[c] = Filtered;
                    any = true;
                }
            }
        }

        return any;
    }

    /// <summary>Gets the first touch of a journey's non-converting tail: the touches after its last conversion (all of
    /// them when it never converted).</summary>
    public int TailStart(int journey)
    {
        var c1 = Journeys.ConversionOffsets[journey + 1];
        return c1 == Journeys.ConversionOffsets[journey] ? Journeys.TouchOffsets[journey] : Ends[c1 - 1];
    }

    /// <summary>Writes the eligible touches of a range, with the excluded-channel rule applied, into <paramref name="touches"/>.</summary>
    /// <returns>The number written.</returns>
    public int Collect(int start, int end, Span<int> touches) => Collect(Journeys.TouchChannels, Rules.Excluded, start, end, touches);

    /// <summary>The excluded-channel rule over a range of touches: the included ones, or all of them when none is included.</summary>
    /// <param name="channels">Channel ids by touch index.</param>
    /// <param name="excluded">A flag per channel id, or null.</param>
    /// <param name="start">The range's first touch.</param>
    /// <param name="end">One past its last.</param>
    /// <param name="touches">Where the kept touch indices go.</param>
    /// <returns>The number kept.</returns>
    public static int Collect(ReadOnlySpan<int> channels, bool[]? excluded, int start, int end, Span<int> touches)
    {
        var count = 0;
        if (excluded is not null)
        {
            for (var t = start; t < end; t++)
            {
                if (!excluded[channels[t]])
                {
                    touches[count++] = t;
                }
            }

            if (count > 0)
            {
                return count;
            }
        }

        for (var t = start; t < end; t++)
        {
            touches[count++] = t;
        }

        return count;
    }
}
