namespace Attribution.B2B;

/// <summary>How one account engaged with one campaign (or channel): one row of <see cref="AccountEngagement"/>.</summary>
public sealed record AccountEngagementRow
{
    internal AccountEngagementRow(string account, string? campaign, string channel, int touches, int people, DateTimeOffset first, DateTimeOffset last, int[] touchesByStage)
    {
        Account = account;
        Campaign = campaign;
        Channel = channel;
        Touches = touches;
        People = people;
        FirstEngagement = first;
        LastEngagement = last;
        TouchesByStage = touchesByStage;
    }

    /// <summary>Gets the account (the journey's id).</summary>
    public string Account { get; }

    /// <summary>Gets the campaign, <see cref="Reports.AttributionResult.NoCampaignKey"/> for touches without one, or
    /// <see langword="null"/> in a report by channel.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the channel.</summary>
    public string Channel { get; }

    /// <summary>Gets the number of touches.</summary>
    public int Touches { get; }

    /// <summary>Gets the number of distinct people who made them.</summary>
    public int People { get; }

    /// <summary>Gets the instant of the first touch (UTC).</summary>
    public DateTimeOffset FirstEngagement { get; }

    /// <summary>Gets the instant of the last touch (UTC).</summary>
    public DateTimeOffset LastEngagement { get; }

    /// <summary>Gets the touches made in each stage of the account, aligned with <see cref="AccountEngagement.Stages"/>.</summary>
    public IReadOnlyList<int> TouchesByStage { get; }

    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
