namespace Attribution.Engine;

/// <summary>The eligibility options of one run resolved against one journey set's ids: what windows depend on, and the
/// key under which a set keeps its computed windows.</summary>
internal sealed class EligibilityRules : IEquatable<EligibilityRules>
{
    public EligibilityRules(long lookbackTicks, bool[]? excluded)
    {
        LookbackTicks = lookbackTicks;
        Excluded = excluded;
    }

    /// <summary>Gets the lookback: a touch with Δt ≤ lookback is eligible.</summary>
    public long LookbackTicks { get; }

    /// <summary>Gets a flag per channel id, or null when no channel is excluded.</summary>
    public bool[]? Excluded { get; }

    /// <summary>Resolves options against a set: excluded names that do not occur in the set are simply not there.</summary>
    public static EligibilityRules Resolve(Journeys.JourneySet journeys, AttributionOptions options)
    {
        bool[]? excluded = null;
        foreach (var name in options.ExcludedChannels)
        {
            if (name is not null && journeys.ChannelTable.TryGetId(name, out var id))
            {
                excluded ??= new bool[journeys.ChannelTable.Count];
                excluded[id] = true;
            }
        }

        return new EligibilityRules(options.Lookback.Ticks, excluded);
    }

    public bool Equals(EligibilityRules? other)
        => other is not null
            && LookbackTicks == other.LookbackTicks
            && (Excluded is null ? other.Excluded is null : other.Excluded is not null && Excluded.AsSpan().SequenceEqual(other.Excluded));

    public override bool Equals(object? obj) => Equals(obj as EligibilityRules);

    public override int GetHashCode() => LookbackTicks.GetHashCode();
}
