namespace Attribution.Reports;

/// <summary>How <see cref="BootstrapIntervals"/> resamples: the confidence level, the number of resamples and the seed.</summary>
public sealed record IntervalOptions
{
    /// <summary>Gets the confidence level of the intervals, strictly between 0 and 1.</summary>
    /// <value>The default value is 0.9: the 5th to the 95th percentile.</value>
    public double Level { get; init; } = 0.9;

    /// <summary>Gets the number of bootstrap resamples, from 2 to 100,000.</summary>
    /// <value>The default value is 200.</value>
    public int Resamples { get; init; } = 200;

    /// <summary>Gets the seed: resample r draws from a random stream derived from (seed, r) alone, so the same seed gives
    /// the same intervals on any number of threads.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Gets whether to compute intervals per campaign as well as per channel (journeys only; rule-based models only).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeCampaigns { get; init; }

    /// <summary>Gets how many resamples may run at once; −1 for as many as the machine has cores.</summary>
    /// <value>The default value is −1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "The confidence level must lie strictly between 0 and 1, for example 0.9.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Resamples, 2, nameof(Resamples));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Resamples, 100_000, nameof(Resamples));
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Give −1 (all cores) or a positive number of threads.");
        }
    }
}
