namespace Attribution.Engine;

/// <summary>Which touchpoints are eligible for a conversion, and how the engine runs; shared by every model.</summary>
/// <remarks>
/// <para>A conversion of kind k is credited from the touchpoints of its journey sorted before it and after the journey's
/// previous conversion of kind k (<see cref="Reset"/>; <see cref="ResetRule.Any"/> and <see cref="ResetRule.Never"/> are
/// the alternatives), no earlier than kind k's lookback before it (Δt = conversion instant − touch instant ≤ lookback;
/// <see cref="LookbackByKind"/>, else <see cref="Lookback"/>). "Before" and "after" are the journey's sorted order:
/// stable by instant, and at equal instants touchpoints before conversions. Touchpoints of <see cref="ExcludedChannels"/>
/// earn nothing unless every eligible touchpoint is excluded, in which case they keep the credit (last-non-direct
/// semantics).</para>
/// <para>Results are per conversion kind; different kinds are never added together. <see cref="Period"/> limits which
/// conversions are reported, <see cref="Stages"/> names the funnel the milestone models (W-shaped, full-path) use.</para>
/// </remarks>
public sealed record AttributionOptions
{
    // One shared empty default, so that two default option sets are equal as records.
    private static readonly IReadOnlyDictionary<string, TimeSpan> NoLookbacks = new System.Collections.ObjectModel.ReadOnlyDictionary<string, TimeSpan>(new Dictionary<string, TimeSpan>());

    /// <summary>Gets how far back before a conversion a touchpoint may be and still earn credit.</summary>
    /// <value>The default value is 90 days. Must be positive; <see cref="TimeSpan.MaxValue"/> means no limit.</value>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Gets the lookback of particular conversion kinds, for example 365 days for <c>order</c> and 30 for <c>lead</c>.</summary>
    /// <value>The default value is empty: every kind uses <see cref="Lookback"/>. Each duration must be positive; a kind
    /// that does not occur in the data changes nothing.</value>
    public IReadOnlyDictionary<string, TimeSpan> LookbackByKind { get; init; } = NoLookbacks;

    /// <summary>Gets which earlier touches a conversion may be credited from.</summary>
    /// <value>The default value is <see cref="ResetRule.SameKind"/>.</value>
    public ResetRule Reset { get; init; } = ResetRule.SameKind;

    /// <summary>Gets the conversions reported: only those with from ≤ instant &lt; to; null for all.</summary>
    /// <value>The default value is <see langword="null"/>. Conversions outside the period still reset windows and mark stages.</value>
    public ReportingPeriod? Period { get; init; }

    /// <summary>Gets the funnel: an ordered list of conversion kinds, for example <c>lead</c>, <c>opportunity</c>, <c>order</c>.</summary>
    /// <value>The default value is empty. The milestone models need it: for a conversion of stage j, milestone M0 is its first
    /// eligible touch, Mi (i &lt; j) the last eligible touch sorted before the journey's latest conversion of stage i at or
    /// before it, and Mj its last eligible touch. Names must be distinct.</value>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>Gets the channels that earn credit only when nothing else is eligible, for example <c>direct</c>.</summary>
    /// <value>The default value is empty. A name that does not occur in the data attributed excludes nothing (a batch without <c>direct</c> touches is no error); the CLI checks what users type against the data.</value>
    public IReadOnlyCollection<string> ExcludedChannels { get; init; } = [];

    /// <summary>Gets whether results list the credit of every touchpoint for every conversion.</summary>
    /// <value>The default value is <see langword="false"/>: results hold totals per channel and campaign only.</value>
    public bool IncludeTouchpointCredits { get; init; }

    /// <summary>Gets the largest number of threads one run uses; −1 for as many as there are cores.</summary>
    /// <value>The default value is −1. Results are identical, bit for bit, for any value.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Gets where the engine reports how far a run has come, for progress displays on long runs.</summary>
    /// <value>The default value is <see langword="null"/>: no reports. The engine reports after each block of journeys
    /// (about 16,000), from whichever thread finished it, one report at a time and with rising counts, so a display
    /// never goes backwards; a report never changes the results.</value>
    public IProgress<AttributionProgress>? Progress { get; init; }

    internal void Validate()
    {
        Guard.Positive(Lookback, nameof(Lookback));
        ArgumentNullException.ThrowIfNull(ExcludedChannels, nameof(ExcludedChannels));
        ArgumentNullException.ThrowIfNull(LookbackByKind, nameof(LookbackByKind));
        ArgumentNullException.ThrowIfNull(Stages, nameof(Stages));
        // Validated on every one-journey call too: enumerate only what is there, so a default option set allocates nothing.
        if (LookbackByKind.Count > 0)
        {
            foreach (var (kind, lookback) in LookbackByKind)
            {
                if (lookback <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(LookbackByKind), lookback, $"The lookback of kind '{kind}' must be a positive duration.");
                }
            }
        }

        if (!Enum.IsDefined(Reset))
        {
            throw new ArgumentOutOfRangeException(nameof(Reset), Reset, "Reset must be SameKind, Any or Never.");
        }

        for (var i = 0; i < Stages.Count; i++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(Stages[i], nameof(Stages));
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(Stages[i], Stages[j], StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Stage '{Stages[i]}' is named twice; each stage of a funnel is a distinct conversion kind.", nameof(Stages));
                }
            }
        }
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be −1 (all cores) or positive.");
        }
    }

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
