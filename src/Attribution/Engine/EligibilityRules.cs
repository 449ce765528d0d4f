using Attribution.Journeys;

namespace Attribution.Engine;

/// <summary>The eligibility options of one run resolved against one journey set's ids: what windows depend on, and the
/// key under which a set keeps its computed windows.</summary>
internal sealed class EligibilityRules : IEquatable<EligibilityRules>
{
    public EligibilityRules(long[] lookbackByKind, ResetRule reset, bool[]? excluded, long periodFrom, long periodTo, int[]? stageOfKind, int stageCount)
    {
        LookbackByKind = lookbackByKind;
        Reset = reset;
        Excluded = excluded;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        StageOfKind = stageOfKind;
        StageCount = stageCount;
    }

    /// <summary>Gets the lookback per kind id: a touch with Δt ≤ lookback is eligible.</summary>
    public long[] LookbackByKind { get; }

    public ResetRule Reset { get; }

    /// <summary>Gets a flag per channel id, or null when no channel is excluded.</summary>
    public bool[]? Excluded { get; }

    /// <summary>Gets the first reported instant (UTC ticks), inclusive; <see cref="long.MinValue"/> without a period.</summary>
    public long PeriodFrom { get; }

    /// <summary>Gets the end of the reported instants, exclusive; <see cref="long.MaxValue"/> without a period.</summary>
    public long PeriodTo { get; }

    public bool HasPeriod => PeriodFrom != long.MinValue || PeriodTo != long.MaxValue;

    /// <summary>Gets the 1-based stage of each kind id (0 when the kind is no stage), or null without stages.</summary>
    public int[]? StageOfKind { get; }

    /// <summary>Gets the number of stages of the funnel (0 without).</summary>
    public int StageCount { get; }

    /// <summary>Gets the conversions restricted to their contacts' touches, or null when none is.</summary>
    public ContactRule? Contacts { get; init; }

    /// <summary>Resolves options against a set's ids: names that do not occur in the set are simply not there.</summary>
    public static EligibilityRules Resolve(JourneySet journeys, AttributionOptions options)
    {
        var rules = Resolve(journeys.ChannelTable, journeys.KindTable, options);
        return options.ConversionContacts is null ? rules : rules.With(ContactRule.Resolve(journeys, options.ConversionContacts));
    }

    /// <summary>The same rules with a contact rule.</summary>
    public EligibilityRules With(ContactRule? contacts)
        => new(LookbackByKind, Reset, Excluded, PeriodFrom, PeriodTo, StageOfKind, StageCount) { Contacts = contacts };

    /// <summary>Resolves options against names by id (a set's tables, or one journey's own names).</summary>
    public static EligibilityRules Resolve(IReadOnlyList<string> channels, IReadOnlyList<string> kinds, AttributionOptions options)
    {
        bool[]? excluded = null;
        if (options.ExcludedChannels.Count > 0)
        {
            var names = new HashSet<string>(options.ExcludedChannels, StringComparer.Ordinal);
            for (var id = 0; id < channels.Count; id++)
            {
                if (names.Contains(channels[id]))
                {
                    excluded ??= new bool[channels.Count];
                    excluded[id] = true;
                }
            }
        }

        var lookbacks = new long[kinds.Count];
        for (var k = 0; k < lookbacks.Length; k++)
        {
            lookbacks[k] = options.LookbackByKind.TryGetValue(kinds[k], out var lookback) ? lookback.Ticks : options.Lookback.Ticks;
        }

        int[]? stageOfKind = null;
        if (options.Stages.Count > 0)
        {
            stageOfKind = new int[kinds.Count];
            for (var k = 0; k < stageOfKind.Length; k++)
            {
                for (var s = 0; s < options.Stages.Count; s++)
                {
                    if (string.Equals(options.Stages[s], kinds[k], StringComparison.Ordinal))
                    {
                        stageOfKind[k] = s + 1;
                    }
                }
            }
        }

        var period = options.Period;
        return new EligibilityRules(
            lookbacks,
            options.Reset,
            excluded,
            period?.From.UtcTicks ?? long.MinValue,
            period?.To.UtcTicks ?? long.MaxValue,
            stageOfKind,
            options.Stages.Count);
    }

    public bool Equals(EligibilityRules? other)
        => other is not null
            && Reset == other.Reset
            && PeriodFrom == other.PeriodFrom
            && PeriodTo == other.PeriodTo
            && StageCount == other.StageCount
            && LookbackByKind.AsSpan().SequenceEqual(other.LookbackByKind)
            && Same(Excluded, other.Excluded)
            && Same(StageOfKind, other.StageOfKind)
            && ReferenceEquals(Contacts?.Source, other.Contacts?.Source);

    public override bool Equals(object? obj) => Equals(obj as EligibilityRules);

    public override int GetHashCode() => HashCode.Combine(Reset, PeriodFrom, PeriodTo, StageCount, LookbackByKind.Length);

    private static bool Same<T>(T[]? a, T[]? b)
        where T : IEquatable<T>
        => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
