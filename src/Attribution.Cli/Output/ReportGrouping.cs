namespace Attribution.Cli.Output;

/// <summary>What the rows of a report are keyed by.</summary>
internal enum ReportGrouping
{
    /// <summary>One row per channel.</summary>
    Channel,

    /// <summary>One row per campaign, touches without one under <c>(none)</c>.</summary>
    Campaign,

    /// <summary>One row per touch type (<c>online</c>, <c>offline</c> …).</summary>
    TouchType,
}
