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

    /// <summary>The conversion lies outside the reporting period: it is not reported (but it still reset windows and marked stages).</summary>
    public const byte OutsidePeriod = 2;

    private EligibilityWindows(JourneySet journeys, EligibilityRules rules, int[] starts, byte[]? flags, int[]? milestones)
    {
        Journeys = journeys;
        Rules = rules;
        Starts = starts;
        Flags = flags;
        Milestones = milestones;
    }

    public JourneySet Journeys { get; }

    public EligibilityRules Rules { get; }

    /// <summary>Gets the first eligible touch per conversion (a global touch index).</summary>
    public int[] Starts { get; }

    /// <summary>Gets one past the last eligible touch per conversion.</summary>
    public int[] Ends => Journeys.ConversionTouchEnds;

    /// <summary>Gets flags per conversion (<see cref="Filtered"/>, <see cref="OutsidePeriod"/>), or null when no conversion has one.</summary>
    public byte[]? Flags { get; }

    /// <summary>Gets, with stages, <see cref="MilestoneStride"/> global touch indices per conversion: M0 (the first eligible
    /// touch), M1 … Mj−1 (the last eligible touch before the journey's latest conversion of that stage at or before this
    /// one), Mj (the last eligible touch) for a conversion of stage j; for a conversion of a kind that is no stage, M0 and
    /// its last touch in the first two places. −1 where a milestone is missing. Null without stages.</summary>
    public int[]? Milestones { get; }

    /// <summary>Gets the number of milestone places per conversion: the stages and M0.</summary>
    public int MilestoneStride => Rules.StageCount + 1;

    /// <summary>Gets the windows of a set under options, computing them on first use and reusing them after.</summary>
    public static EligibilityWindows For(JourneySet journeys, AttributionOptions options)
        => journeys.GetWindows(EligibilityRules.Resolve(journeys, options));

    /// <summary>Gets whether a conversion is reported (inside the period, if there is one).</summary>
    public bool IsReported(int conversion) => Flags is null || (Flags[conversion] & OutsidePeriod) == 0;

    /// <summary>Computes the windows of every conversion of a set; called by the set's cache only.</summary>
    internal static EligibilityWindows Compute(JourneySet journeys, EligibilityRules rules)
    {
        var starts = new int[journeys.ConversionCount];
        var flags = rules.Excluded is null && !rules.HasPeriod ? null : new byte[starts.Length];
        var stride = rules.StageCount + 1;
        var milestones = rules.StageCount == 0 ? null : new int[starts.Length * stride];
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
            var touches = journeys.TouchOffsets[j + 1] - t0;
            any |= ComputeJourney(
                journeys.TouchTicks.AsSpan(t0, touches),
                journeys.TouchChannels.AsSpan(t0, touches),
                journeys.ConversionTicks.AsSpan(c0, c1 - c0),
                journeys.ConversionKinds.AsSpan(c0, c1 - c0),
                journeys.ConversionTouchEnds.AsSpan(c0, c1 - c0),
                t0,
                rules,
                starts.AsSpan(c0, c1 - c0),
                flags is null ? default : flags.AsSpan(c0, c1 - c0),
                milestones is null ? default : milestones.AsSpan(c0 * stride, (c1 - c0) * stride));
        }

        return new EligibilityWindows(journeys, rules, starts, any ? flags : null, milestones);
    }

    /// <summary>The rule for one journey, shared by the columnar set and the one-journey API.</summary>
    /// <param name="touchTicks">The journey's touch instants, sorted.</param>
    /// <param name="touchChannels">The journey's touch channel ids (ids of <paramref name="rules"/>' exclusion table).</param>
    /// <param name="conversionTicks">The journey's conversion instants, sorted.</param>
    /// <param name="conversionKinds">The journey's conversion kind ids (ids of <paramref name="rules"/>' kind tables).</param>
    /// <param name="ends">Per conversion, one past its last touch at or before its instant (offset by <paramref name="offset"/>).</param>
    /// <param name="offset">The global index of the journey's first touch: starts are written as global indices.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="starts">Out: per conversion, its first eligible touch (global).</param>
    /// <param name="flags">Out: per conversion, <see cref="Filtered"/> and <see cref="OutsidePeriod"/>; empty when the rules can set neither.</param>
    /// <param name="milestones">Out: per conversion, its milestone touches (global, −1 for none); empty without stages.</param>
    /// <param name="cuts">Out, when not empty (explanations): per conversion, its first touch inside the lookback (global).</param>
    /// <param name="resetBy">Out, with <paramref name="cuts"/>: per conversion, the journey's earlier conversion (local index)
    /// whose touches it may not use under the reset rule, −1 for none.</param>
    /// <returns>Whether some conversion got a flag.</returns>
    public static bool ComputeJourney(
        ReadOnlySpan<long> touchTicks,
        ReadOnlySpan<int> touchChannels,
        ReadOnlySpan<long> conversionTicks,
        ReadOnlySpan<int> conversionKinds,
        ReadOnlySpan<int> ends,
        int offset,
        EligibilityRules rules,
        Span<int> starts,
        Span<byte> flags,
        Span<int> milestones,
        Span<int> cuts = default,
        Span<int> resetBy = default)
    {
        Debug.Assert(conversionTicks.Length == ends.Length && ends.Length == starts.Length, "one window per conversion");
        var excluded = rules.Excluded;
        var kinds = rules.LookbackByKind.Length;
        var stages = rules.StageCount;
        var any = false;

        // Per kind, both cut points only move forward: the reset is the previous conversion's end, and the lookback's
        // oldest instant grows with the conversion's, so a journey costs one pass over its touches per kind it has.
        Span<int> resetOfKind = kinds <= 64 ? stackalloc int[kinds] : new int[kinds];
        Span<int> cutOfKind = kinds <= 64 ? stackalloc int[kinds] : new int[kinds];
        Span<int> stageEnds = stages <= 64 ? stackalloc int[stages + 1] : new int[stages + 1];
        resetOfKind.Clear();
        cutOfKind.Clear();
        stageEnds.Fill(-1);
        var resetAny = 0;
        for (var c = 0; c < conversionTicks.Length; c++)
        {
            var kind = conversionKinds[c];
            var end = ends[c] - offset;
            var at = conversionTicks[c];
            var oldest = at - rules.LookbackByKind[kind];
            var cut = cutOfKind[kind];
            while (cut < end && touchTicks[cut] < oldest)
            {
                cut++;
            }

            cutOfKind[kind] = cut;
            var reset = rules.Reset switch
            {
                ResetRule.SameKind => resetOfKind[kind],
                ResetRule.Any => resetAny,
                _ => 0,
            };
            var start = Math.Min(Math.Max(reset, cut), end);
            starts[c] = start + offset;
            if (!cuts.IsEmpty)
            {
                cuts[c] = cut + offset;
                resetBy[c] = ResetBy(conversionKinds, c, rules.Reset);
            }

            resetOfKind[kind] = end;
            resetAny = end;

            var filtered = false;
            if (excluded is not null && start < end)
            {
                var included = 0;
                for (var t = start; t < end; t++)
                {
                    included += excluded[touchChannels[t]] ? 0 : 1;
                }

                // Only a mix needs filtering: all included is the plain window, and all excluded keep the credit.
                filtered = included > 0 && included < end - start;
            }

            var flag = (byte)((filtered ? Filtered : 0) | (at < rules.PeriodFrom || at >= rules.PeriodTo ? OutsidePeriod : 0));
            if (flag != 0)
            {
                flags[c] = flag;
                any = true;
            }

            if (stages > 0)
            {
                var stage = rules.StageOfKind![kind];
                var row = milestones.Slice(c * (stages + 1), stages + 1);
                row.Fill(-1);
                if (start < end)
                {
                    var skip = filtered ? excluded : null;
                    row[0] = Global(First(touchChannels, skip, start, end), offset);
                    if (stage == 0)
                    {
                        row[1] = Global(Last(touchChannels, skip, start, end), offset);
                    }
                    else
                    {
                        for (var i = 1; i < stage; i++)
                        {
                            row[i] = stageEnds[i] < 0 ? -1 : Global(Last(touchChannels, skip, start, Math.Min(end, stageEnds[i])), offset);
                        }

                        row[stage] = Global(Last(touchChannels, skip, start, end), offset);
                    }
                }

                if (stage > 0)
                {
                    stageEnds[stage] = end;
                }
            }
        }

        return any;
    }

    /// <summary>Gets the first touch of a journey's non-converting tail: the touches after its last conversion of
    /// <paramref name="kind"/> (of any kind when −1), or all of them when it has none.</summary>
    public int TailStart(int journey, int kind = -1)
    {
        var kinds = Journeys.ConversionKinds;
        for (var c = Journeys.ConversionOffsets[journey + 1] - 1; c >= Journeys.ConversionOffsets[journey]; c--)
        {
            if (kind < 0 || kinds[c] == kind)
            {
                return Ends[c];
            }
        }

        return Journeys.TouchOffsets[journey];
    }

    /// <summary>The conversion whose end is the reset point of conversion <paramref name="c"/>: the previous one of its
    /// kind (same-kind), the previous one (any), none (never); as resetOfKind and resetAny above hold its end.</summary>
    private static int ResetBy(ReadOnlySpan<int> kinds, int c, ResetRule reset)
    {
        switch (reset)
        {
            case ResetRule.SameKind:
                for (var p = c - 1; p >= 0; p--)
                {
                    if (kinds[p] == kinds[c])
                    {
                        return p;
                    }
                }

                return -1;
            case ResetRule.Any:
                return c - 1;
            default:
                return -1;
        }
    }

    private static int Global(int local, int offset) => local < 0 ? -1 : local + offset;

    private static int First(ReadOnlySpan<int> channels, bool[]? skip, int start, int end)
    {
        for (var t = start; t < end; t++)
        {
            if (skip is null || !skip[channels[t]])
            {
                return t;
            }
        }

        return -1;
    }

    private static int Last(ReadOnlySpan<int> channels, bool[]? skip, int start, int end)
    {
        for (var t = end - 1; t >= start; t--)
        {
            if (skip is null || !skip[channels[t]])
            {
                return t;
            }
        }

        return -1;
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
