namespace Attribution.Reports;

/// <summary>The spend on one channel or one campaign, summed over its spend lines.</summary>
/// <param name="Key">The channel or campaign name.</param>
/// <param name="Channels">For a campaign, the channels its spend lines name, in order of first appearance; for a channel, that channel.</param>
/// <param name="Cost">The summed cost.</param>
public sealed record SpendTotal(string Key, IReadOnlyList<string> Channels, double Cost)
{
    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
