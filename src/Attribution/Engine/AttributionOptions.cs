namespace Attribution.Engine;

/// <summary>Which touchpoints are eligible for a conversion, and how the engine runs; shared by every model.</summary>
/// <remarks>
/// A conversion is credited from the touchpoints of its journey that came after the journey's previous conversion and
/// no earlier than <see cref="Lookback"/> before it (Δt ≤ lookback). A touchpoint at the same instant as a conversion
/// counts as before it. Touchpoints of <see cref="ExcludedChannels"/> earn nothing unless every eligible touchpoint is
/// excluded, in which case they keep the credit (last-non-direct semantics).
/// </remarks>
public sealed record AttributionOptions
{
    /// <summary>Gets how far back before a conversion a touchpoint may be and still earn credit.</summary>
    /// <value>The default value is 90 days. Must be positive; <see cref="TimeSpan.MaxValue"/> means no limit.</value>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromDays(90);

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
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be −1 (all cores) or positive.");
        }
    }
}
