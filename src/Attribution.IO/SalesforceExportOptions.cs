namespace Attribution.IO;

/// <summary>Options for <see cref="SalesforceExport"/>.</summary>
public sealed record SalesforceExportOptions
{
    /// <summary>Gets the campaign types (the <c>Type</c> of a <c>Campaign</c>) whose members' touches are <c>offline</c>;
    /// members of campaigns of any other type are <c>online</c>. Compared ignoring case and surrounding white space.</summary>
    /// <value>The default value is <c>Event</c>, <c>Conference</c>, <c>Trade Show</c> and <c>Seminar</c>.</value>
    public IReadOnlyCollection<string> OfflineCampaignTypes { get; init; } = ["Event", "Conference", "Trade Show", "Seminar"];

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
