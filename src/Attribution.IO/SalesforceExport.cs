using Attribution.IO.Internal;
using static Attribution.IO.Internal.SalesforceValues;

namespace Attribution.IO;

/// <summary>Reads a Salesforce export — one CSV file per standard object, with the fields' API names as headers — into an
/// event log, the people→account mapping and the opportunities' contact roles.</summary>
/// <remarks>
/// <para>The directory holds <c>Campaign.csv</c>, <c>CampaignMember.csv</c>, <c>Contact.csv</c>, <c>Lead.csv</c>,
/// <c>Opportunity.csv</c> and <c>OpportunityContactRole.csv</c> (file names matched ignoring case). Headers are matched
/// by field API name ignoring case, in any order; other fields are ignored. The fields read:</para>
/// <list type="table">
/// <listheader><term>Object</term><description>Fields and what becomes of them</description></listheader>
/// <item><term><c>Campaign</c></term><description><c>Id</c>, <c>Name</c> (the touches' campaign), <c>Type</c> (their
/// channel), <c>StartDate</c>, <c>EndDate</c> (checked, not used).</description></item>
/// <item><term><c>CampaignMember</c></term><description><c>CampaignId</c>, <c>ContactId</c>, <c>LeadId</c>, <c>Status</c>,
/// <c>HasResponded</c>, <c>FirstRespondedDate</c>, <c>CreatedDate</c>: one touch per member that has responded, at
/// <c>FirstRespondedDate</c> (else <c>CreatedDate</c>), with status <c>Status</c> and touch type <c>offline</c> when the
/// campaign's type is one of <see cref="SalesforceExportOptions.OfflineCampaignTypes"/>, <c>online</c> otherwise. Members
/// that have not responded are counted in <see cref="SalesforceImport.MembersNotResponded"/>.</description></item>
/// <item><term><c>Contact</c></term><description><c>Id</c>, <c>AccountId</c>: the people→account mapping.</description></item>
/// <item><term><c>Lead</c></term><description><c>Id</c>, <c>CreatedDate</c>, <c>ConvertedContactId</c>,
/// <c>ConvertedAccountId</c>: a <c>lead</c> conversion at <c>CreatedDate</c>, value 1, id the lead's id.</description></item>
/// <item><term><c>Opportunity</c></term><description><c>Id</c>, <c>AccountId</c>, <c>CreatedDate</c>, <c>CloseDate</c>,
/// <c>IsWon</c>, <c>IsClosed</c>, <c>Amount</c>: an <c>opportunity</c> conversion at <c>CreatedDate</c> and, when won, an
/// <c>order</c> conversion at <c>CloseDate</c>, both worth <c>Amount</c> (0 when blank, and listed in
/// <see cref="SalesforceImport.OpportunitiesWithoutAmount"/>), with the opportunity's id as conversion id, on the journey of
/// the account.</description></item>
/// <item><term><c>OpportunityContactRole</c></term><description><c>OpportunityId</c>, <c>ContactId</c>, <c>Role</c>,
/// <c>IsPrimary</c>: the contact roles.</description></item>
/// </list>
/// <para><b>Journeys.</b> A touch or a lead conversion belongs to the contact (<c>ContactId</c>); a member that is only a
/// lead belongs to the lead, or, once the lead is converted, to its <c>ConvertedContactId</c>, so a converted lead's history
/// joins its contact. Opportunities belong to the account (<c>journey_id</c> = <c>AccountId</c>). The mapping lists each
/// contact with its <c>AccountId</c>; a converted lead's contact absent from <c>Contact.csv</c> gets the lead's
/// <c>ConvertedAccountId</c> (the contact's own <c>AccountId</c> wins when both are known).</para>
/// <para><b>Values.</b> A date (<c>2026-03-01</c>) is midnight UTC; a date-time (<c>2026-03-01T09:30:00.000+0000</c>, also
/// with <c>Z</c> or <c>+00:00</c>) is the instant written. Checkboxes are <c>true</c> or <c>false</c>, ignoring case.</para>
/// <para><b>Errors.</b> A missing file, a missing field, a malformed value, a duplicate id, an id that points to no row
/// (a member's campaign or lead, a contact role's opportunity), a member with neither contact nor lead, a responded
/// member's campaign without a type, and an opportunity without an account or won but not closed are
/// <see cref="AttributionDataException"/>s naming the file, line and field. Nothing is returned unless the whole export
/// is valid.</para>
/// </remarks>
/// <example>
/// <code>
/// SalesforceImport import = SalesforceExport.Read("export");
/// EventLogCsvWriter.Write("events.csv", import.Events);
/// AccountCsvWriter.WriteMapping("people.csv", import.Accounts);
/// </code>
/// </example>
public static class SalesforceExport
{
    /// <summary>The kind of the conversion a lead makes.</summary>
    public const string LeadKind = "lead";

    /// <summary>The kind of the conversion an opportunity makes when created.</summary>
    public const string OpportunityKind = "opportunity";

    /// <summary>The kind of the conversion a won opportunity makes when closed.</summary>
    public const string OrderKind = "order";

    /// <summary>The touch type of a member of an offline campaign.</summary>
    public const string OfflineTouchType = "offline";

    /// <summary>The touch type of a member of any other campaign.</summary>
    public const string OnlineTouchType = Journeys.Touchpoint.DefaultTouchType;

    /// <summary>Reads an export directory.</summary>
    /// <param name="directory">The directory holding one CSV file per object.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The event log, the mapping, the contact roles and the counts to report.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty, or an offline campaign type is blank.</exception>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="AttributionDataException">A file or field is missing, or a row is malformed (see the remarks).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static SalesforceImport Read(string directory, SalesforceExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new SalesforceExportOptions();
        ArgumentNullException.ThrowIfNull(options.OfflineCampaignTypes, nameof(options));
        var offline = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in options.OfflineCampaignTypes)
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                throw new ArgumentException("An offline campaign type is empty or blank; list campaign types such as Event or Trade Show.", nameof(options));
            }

            offline.Add(type.Trim());
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The Salesforce export directory '{directory}' does not exist.");
        }

        // Every file is read (and so checked) before any row is made, so a broken export fails on its first problem.
        var campaigns = SalesforceTable.Read(directory, SalesforceObjects.Campaign, ["Id", "Name", "Type", "StartDate", "EndDate"]);
        var members = SalesforceTable.Read(directory, SalesforceObjects.CampaignMember, ["CampaignId", "ContactId", "LeadId", "Status", "HasResponded", "FirstRespondedDate", "CreatedDate"]);
        var contacts = SalesforceTable.Read(directory, SalesforceObjects.Contact, ["Id", "AccountId"]);
        var leads = SalesforceTable.Read(directory, SalesforceObjects.Lead, ["Id", "CreatedDate", "ConvertedContactId", "ConvertedAccountId"]);
        var opportunities = SalesforceTable.Read(directory, SalesforceObjects.Opportunity, ["Id", "AccountId", "CreatedDate", "CloseDate", "IsWon", "IsClosed", "Amount"]);
        var roles = SalesforceTable.Read(directory, SalesforceObjects.OpportunityContactRole, ["OpportunityId", "ContactId", "Role", "IsPrimary"]);

        var events = new List<EventLogRow>();
        var campaignRows = Index(campaigns);
        for (var r = 0; r < campaigns.Count; r++)
        {
            OptionalDate(campaigns, r, 3);
            OptionalDate(campaigns, r, 4);
        }

        var contactAccounts = Index(contacts);
        var leadRows = Index(leads);
        var opportunityRows = Index(opportunities);
        ReadLeads(leads, events);
        var withoutAmount = ReadOpportunities(opportunities, events);
        var membersNotResponded = ReadMembers(members, campaigns, campaignRows, leads, leadRows, offline, events);
        var contactRoles = ReadRoles(roles, opportunityRows);
        var accounts = Mapping(contacts, leads);

        // A stable sort: rows at the same journey and instant keep the order they were made in.
        var order = new int[events.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var x = events[a];
            var y = events[b];
            var c = string.CompareOrdinal(x.JourneyId, y.JourneyId);
            if (c == 0)
            {
                c = x.Timestamp.UtcTicks.CompareTo(y.Timestamp.UtcTicks);
            }

            if (c == 0)
            {
                c = x.IsConversion.CompareTo(y.IsConversion);
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        var sorted = new EventLogRow[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = events[order[i]];
        }

        return new SalesforceImport(sorted, accounts, contactRoles, withoutAmount, membersNotResponded);
    }

    private static int ReadMembers(
        SalesforceTable members,
        SalesforceTable campaigns,
        Dictionary<string, int> campaignRows,
        SalesforceTable leads,
        Dictionary<string, int> leadRows,
        HashSet<string> offline,
        List<EventLogRow> events)
    {
        const int CampaignId = 0, ContactId = 1, LeadId = 2, Status = 3, HasResponded = 4, FirstRespondedDate = 5, CreatedDate = 6;
        var notResponded = 0;
        for (var r = 0; r < members.Count; r++)
        {
            var campaignId = members.Get(r, CampaignId);
            if (campaignId.Length == 0)
            {
                throw members.Error(r, CampaignId, "is empty; every campaign member belongs to a campaign");
            }

            if (!campaignRows.TryGetValue(campaignId, out var campaign))
            {
                throw members.Error(r, CampaignId, $"'{campaignId}' is not the Id of any row of {campaigns.SourceName}");
            }

            var journey = members.Get(r, ContactId);
            if (journey.Length == 0)
            {
                var leadId = members.Get(r, LeadId);
                if (leadId.Length == 0)
                {
                    throw members.Error(r, ContactId, "and LeadId are both empty; a campaign member is a contact or a lead");
                }

                if (!leadRows.TryGetValue(leadId, out var lead))
                {
                    throw members.Error(r, LeadId, $"'{leadId}' is not the Id of any row of {leads.SourceName}");
                }

                // A converted lead's history joins its contact's.
                var converted = leads.Get(lead, 2);
                journey = converted.Length > 0 ? converted : leadId;
            }

            if (!ReadBoolean(members, r, HasResponded))
            {
                // Checked all the same, so a malformed date is an error whichever members respond.
                ReadInstant(members, r, CreatedDate);
                OptionalDate(members, r, FirstRespondedDate);
                notResponded++;
                continue;
            }

            DateTimeOffset instant;
            if (members.Get(r, FirstRespondedDate).Length > 0)
            {
                instant = ReadInstant(members, r, FirstRespondedDate);
                OptionalDate(members, r, CreatedDate);
            }
            else
            {
                instant = ReadInstant(members, r, CreatedDate);
            }

            var type = campaigns.Get(campaign, 2);
            if (type.Length == 0)
            {
                throw campaigns.Error(campaign, 2, $"is empty; the type of campaign '{campaignId}' is the channel of its members' touches (first responded member: {members.SourceName}:{members.LineOf(r)})");
            }

            var touchType = offline.Contains(type) ? OfflineTouchType : OnlineTouchType;
            events.Add(EventLogRow.Touch(journey, instant, type, campaigns.Get(campaign, 1), touchType, members.Get(r, Status)));
        }

        return notResponded;
    }

    private static void ReadLeads(SalesforceTable leads, List<EventLogRow> events)
    {
        for (var r = 0; r < leads.Count; r++)
        {
            var instant = ReadInstant(leads, r, 1);
            var converted = leads.Get(r, 2);
            var id = leads.Get(r, 0);
            events.Add(EventLogRow.Conversion(converted.Length > 0 ? converted : id, instant, LeadKind, 1, id));
        }
    }

    private static string[] ReadOpportunities(SalesforceTable opportunities, List<EventLogRow> events)
    {
        const int Id = 0, AccountId = 1, CreatedDate = 2, CloseDate = 3, IsWon = 4, IsClosed = 5, Amount = 6;
        var withoutAmount = new List<string>();
        for (var r = 0; r < opportunities.Count; r++)
        {
            var id = opportunities.Get(r, Id);
            var account = opportunities.Get(r, AccountId);
            if (account.Length == 0)
            {
                throw opportunities.Error(r, AccountId, $"is empty; the conversions of opportunity '{id}' belong to its account's journey");
            }

            var created = ReadInstant(opportunities, r, CreatedDate);
            var won = ReadBoolean(opportunities, r, IsWon);
            var closed = ReadBoolean(opportunities, r, IsClosed);
            if (won && !closed)
            {
                throw opportunities.Error(r, IsWon, $"is true but IsClosed is false; opportunity '{id}' can only be won once closed");
            }

            var amount = ReadAmount(opportunities, r, Amount);
            if (amount is null)
            {
                withoutAmount.Add(id);
            }

            var value = amount ?? 0;
            events.Add(EventLogRow.Conversion(account, created, OpportunityKind, value, id));
            if (won)
            {
                events.Add(EventLogRow.Conversion(account, ReadInstant(opportunities, r, CloseDate), OrderKind, value, id));
            }
            else
            {
                OptionalDate(opportunities, r, CloseDate);
            }
        }

        return [.. withoutAmount];
    }

    private static ContactRole[] ReadRoles(SalesforceTable roles, Dictionary<string, int> opportunityRows)
    {
        var result = new ContactRole[roles.Count];
        for (var r = 0; r < roles.Count; r++)
        {
            var opportunity = roles.Get(r, 0);
            if (opportunity.Length == 0)
            {
                throw roles.Error(r, 0, "is empty; a contact role belongs to an opportunity");
            }

            if (!opportunityRows.ContainsKey(opportunity))
            {
                throw roles.Error(r, 0, $"'{opportunity}' is not the Id of any opportunity of the export");
            }

            var contact = roles.Get(r, 1);
            if (contact.Length == 0)
            {
                throw roles.Error(r, 1, "is empty; a contact role names a contact");
            }

            var role = roles.Get(r, 2);
            result[r] = new ContactRole(opportunity, contact, role.Length == 0 ? null : role, ReadBoolean(roles, r, 3));
        }

        return result;
    }

    private static PersonAccount[] Mapping(SalesforceTable contacts, SalesforceTable leads)
    {
        var mapping = new List<PersonAccount>();
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < contacts.Count; r++)
        {
            var account = contacts.Get(r, 1);
            if (account.Length > 0)
            {
                mapping.Add(new PersonAccount(contacts.Get(r, 0), account));
                mapped.Add(contacts.Get(r, 0));
            }
        }

        // Contact.csv lists each contact's current account; a lead's ConvertedAccountId only fills in the contacts it lacks.
        for (var r = 0; r < leads.Count; r++)
        {
            var contact = leads.Get(r, 2);
            var account = leads.Get(r, 3);
            if (contact.Length > 0 && account.Length > 0 && mapped.Add(contact))
            {
                mapping.Add(new PersonAccount(contact, account));
            }
        }

        return [.. mapping];
    }

    /// <summary>Maps each row's <c>Id</c> (field 0) to its row, rejecting empty and repeated ids.</summary>
    private static Dictionary<string, int> Index(SalesforceTable table)
    {
        var rows = new Dictionary<string, int>(table.Count, StringComparer.Ordinal);
        for (var r = 0; r < table.Count; r++)
        {
            var id = table.Get(r, 0);
            if (id.Length == 0)
            {
                throw table.Error(r, 0, $"is empty; every {table.ObjectName} has an Id");
            }

            if (!rows.TryAdd(id, r))
            {
                throw table.Error(r, 0, $"'{id}' is repeated; it is also the Id on line {table.LineOf(rows[id])}");
            }
        }

        return rows;
    }

    private static void OptionalDate(SalesforceTable table, int row, int field)
    {
        if (table.Get(row, field).Length > 0)
        {
            ReadInstant(table, row, field);
        }
    }
}
