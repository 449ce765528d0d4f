namespace Attribution.B2B;

/// <summary>The result of <see cref="SuspiciousChannels.Detect"/>: one row per channel (or campaign), most suspicious first.</summary>
public sealed class SuspiciousChannelReport
{
    internal SuspiciousChannelReport(IReadOnlyList<string> stages, SuspiciousChannelOptions options, IReadOnlyList<SuspiciousChannel> rows)
    {
        Stages = stages;
        Options = options;
        Rows = rows;
        Flagged = [.. rows.Where(static r => r.Score > 0).Select(static r => r.Key)];
    }

    /// <summary>Gets the funnel the signals read: the first stage's conversions are the leads, the second is progress.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Gets the grouping and thresholds used.</summary>
    public SuspiciousChannelOptions Options { get; }

    /// <summary>Gets one row per channel (or campaign) that has touches, by score (highest first), then by key (ordinal).</summary>
    public IReadOnlyList<SuspiciousChannel> Rows { get; }

    /// <summary>Gets the keys of the rows where at least one signal fired, in row order.</summary>
    public IReadOnlyList<string> Flagged { get; }
}
