namespace Attribution.B2B;

/// <summary>How <see cref="SuspiciousChannels.Detect"/> groups the data and the thresholds of its signals.</summary>
/// <remarks>Every threshold of every signal is here; the defaults are the ones the README documents. A pooled share is the
/// share among all the other channels (or campaigns) together.</remarks>
public sealed record SuspiciousChannelOptions
{
    /// <summary>Gets whether rows are campaigns rather than channels (touches without a campaign are <c>(none)</c>).</summary>
    /// <value>The default value is <see langword="false"/>: one row per channel.</value>
    public bool ByCampaign { get; init; }

    /// <summary>Gets the least number of first-stage conversions (credited by last touch) a row needs for any signal to fire;
    /// below it the row is "insufficient data" and never flagged.</summary>
    /// <value>The default value is 30. Must be at least 1.</value>
    public int MinLeads { get; init; } = 30;

    /// <summary>Gets the level of the one-sided binomial test of the no-progress signal: it fires only when P(X ≤ k) is
    /// below this.</summary>
    /// <value>The default value is 0.01. Between 0 and 1, exclusive.</value>
    public double NoProgressMaxPValue { get; init; } = 0.01;

    /// <summary>Gets the fraction of the pooled progress share under which the no-progress signal fires (share &lt; pooled × this).</summary>
    /// <value>The default value is 1/3. Between 0 and 1, inclusive of 1.</value>
    public double NoProgressMaxRatio { get; init; } = 1.0 / 3;

    /// <summary>Gets how recent an earlier first-stage conversion of the same journey makes a first-stage conversion a duplicate.</summary>
    /// <value>The default value is 30 days (an earlier conversion at most 30 days before counts). Must be positive.</value>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Gets how many times the pooled duplicate share a row's share must exceed.</summary>
    /// <value>The default value is 3. Must be positive.</value>
    public double DuplicateMultiple { get; init; } = 3;

    /// <summary>Gets the least duplicate share that fires.</summary>
    /// <value>The default value is 0.10. Between 0 and 1.</value>
    public double DuplicateMinShare { get; init; } = 0.10;

    /// <summary>Gets how soon after its last touch a conversion counts as injected.</summary>
    /// <value>The default value is 10 seconds (at most 10 s after the touch counts). Must be positive.</value>
    public TimeSpan InjectionWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how many times the pooled injection share a row's share must exceed.</summary>
    /// <value>The default value is 5. Must be positive.</value>
    public double InjectionMultiple { get; init; } = 5;

    /// <summary>Gets the least injection share that fires.</summary>
    /// <value>The default value is 0.20. Between 0 and 1.</value>
    public double InjectionMinShare { get; init; } = 0.20;

    /// <summary>Gets the level α of the Kolmogorov–Smirnov critical value reported beside the injection signal.</summary>
    /// <value>The default value is 0.01. Between 0 and 1, exclusive.</value>
    public double TimingAlpha { get; init; } = 0.01;

    /// <summary>Gets the ratio of last-touch share to linear share of value above which the hijack signal fires.</summary>
    /// <value>The default value is 2. Must be positive.</value>
    public double HijackMinRatio { get; init; } = 2;

    /// <summary>Gets the least last-touch share of value the hijack signal needs.</summary>
    /// <value>The default value is 0.05. Between 0 and 1.</value>
    public double HijackMinLastTouchShare { get; init; } = 0.05;

    /// <summary>Gets how many calendar days before a day its touch count is compared with (the days among them with touches).</summary>
    /// <value>The default value is 28. Must be at least 2.</value>
    public int BurstWindowDays { get; init; } = 28;

    /// <summary>Gets the least number of days with touches, among the window's days before it, a day needs before it can be a burst.</summary>
    /// <value>The default value is 14. Between 1 and <see cref="BurstWindowDays"/>.</value>
    public int BurstMinHistoryDays { get; init; } = 14;

    /// <summary>Gets how many standard deviations above the trailing mean a day's touch count must be to be a burst.</summary>
    /// <value>The default value is 4. Must be positive.</value>
    public double BurstDeviations { get; init; } = 4;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinLeads, 1, nameof(MinLeads));
        Open(NoProgressMaxPValue, nameof(NoProgressMaxPValue));
        if (!(NoProgressMaxRatio > 0 && NoProgressMaxRatio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(NoProgressMaxRatio), NoProgressMaxRatio, "NoProgressMaxRatio must be above 0 and at most 1.");
        }

        Guard.Positive(DuplicateWindow, nameof(DuplicateWindow));
        Positive(DuplicateMultiple, nameof(DuplicateMultiple));
        Fraction(DuplicateMinShare, nameof(DuplicateMinShare));
        Guard.Positive(InjectionWindow, nameof(InjectionWindow));
        Positive(InjectionMultiple, nameof(InjectionMultiple));
        Fraction(InjectionMinShare, nameof(InjectionMinShare));
        Open(TimingAlpha, nameof(TimingAlpha));
        Positive(HijackMinRatio, nameof(HijackMinRatio));
        Fraction(HijackMinLastTouchShare, nameof(HijackMinLastTouchShare));
        ArgumentOutOfRangeException.ThrowIfLessThan(BurstWindowDays, 2, nameof(BurstWindowDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(BurstMinHistoryDays, 1, nameof(BurstMinHistoryDays));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BurstMinHistoryDays, BurstWindowDays, nameof(BurstMinHistoryDays));
        Positive(BurstDeviations, nameof(BurstDeviations));
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive number.");
        }
    }

    private static void Fraction(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");
        }
    }

    private static void Open(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1, exclusive.");
        }
    }
}
