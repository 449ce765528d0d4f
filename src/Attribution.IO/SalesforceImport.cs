namespace Attribution.IO;

/// <summary>What <see cref="SalesforceExport.Read"/> made of a Salesforce export: the event log, the people→account mapping
/// and the opportunities' contact roles, with what the import had to report.</summary>
public sealed class SalesforceImport
{
    internal SalesforceImport(
        IReadOnlyList<EventLogRow> events,
        IReadOnlyList<PersonAccount> accounts,
        IReadOnlyList<ContactRole> contactRoles,
        IReadOnlyList<string> opportunitiesWithoutAmount,
        int membersNotResponded)
    {
        Events = events;
        Accounts = accounts;
        ContactRoles = contactRoles;
        OpportunitiesWithoutAmount = opportunitiesWithoutAmount;
        MembersNotResponded = membersNotResponded;
    }

    /// <summary>Gets the event log: touches and conversions, ordered by journey id (ordinal), then instant (a touch before a
    /// conversion at the same instant), then leads, opportunities and campaign members in file order.</summary>
    public IReadOnlyList<EventLogRow> Events { get; }

    /// <summary>Gets the people→account mapping: every contact with an account, in file order, then every converted lead's
    /// contact that <c>Contact.csv</c> does not list, with the lead's <c>ConvertedAccountId</c>.</summary>
    public IReadOnlyList<PersonAccount> Accounts { get; }

    /// <summary>Gets the opportunities' contact roles, in file order; the conversion id is the opportunity id.</summary>
    public IReadOnlyList<ContactRole> ContactRoles { get; }

    /// <summary>Gets the ids of the opportunities without an <c>Amount</c>, in file order; their conversions have value 0.</summary>
    public IReadOnlyList<string> OpportunitiesWithoutAmount { get; }

    /// <summary>Gets the number of campaign members that have not responded (<c>HasResponded</c> false): they are not touches.</summary>
    public int MembersNotResponded { get; }
}
