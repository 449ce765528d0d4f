#!/usr/bin/env dotnet
// Writes the small Salesforce export beside this file: three accounts, ten contacts, six leads (four converted), seven
// campaigns (online and offline types), thirty campaign members (responded, sent, registered, attended, no-show), five
// opportunities (won, lost, open, one without an Amount) and their contact roles. The story is written out below; only
// the clock times of records are drawn, from a seeded generator, so the files are the same on every run.
// Run from the repository root with: dotnet run samples/salesforce/make-export.cs
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

// A deterministic (CI) build maps source paths to "/_/": then the folder is found from the repository root.
var directory = Path.GetDirectoryName(SourcePath())!;
directory = Directory.Exists(directory) ? directory : Path.Combine("samples", "salesforce");
var random = new Random(20260301);

// Salesforce ids are 18 characters; the first three say the object.
static string Id(string prefix, int n) => $"{prefix}5g00000{n:D5}AAA";
string Account(int n) => Id("001", n);
string Contact(int n) => Id("003", n);
string Lead(int n) => Id("00Q", n);
string Campaign(int n) => Id("701", n);
string Opportunity(int n) => Id("006", n);

// A DateTime field as the API writes it, at a drawn office-hours time of the day.
string At(string day) => $"{day}T{random.Next(8, 18):D2}:{random.Next(0, 60):D2}:00.000+0000";

string[] accountNames = ["Northwind Traders", "Contoso Ltd", "Fabrikam Inc"];

// Contacts: first name, last name, title, account (0 = none).
(string First, string Last, string Title, int Account)[] contacts =
[
    ("Alice", "Ng", "VP Operations", 1), ("Bob", "Meyer", "Operations Analyst", 1), ("Carol", "Diaz", "IT Architect", 1),
    ("Dan", "Okafor", "CFO", 1), ("Erin", "Walsh", "Head of Data", 2), ("Frank", "Lutz", "Data Engineer", 2),
    ("Grace", "Kim", "Procurement Manager", 2), ("Heidi", "Berg", "COO", 3), ("Ivan", "Petrov", "BI Lead", 3),
    ("Judy", "Hale", "Consultant", 0),
];

// Leads: name, company, created (the day of the first campaign membership), converted contact (0 = not converted).
(string First, string Last, string Company, string Created, int Contact)[] leads =
[
    ("Alice", "Ng", "Northwind Traders", "2026-01-08", 1), ("Erin", "Walsh", "Contoso Ltd", "2026-01-12", 5),
    ("Heidi", "Berg", "Fabrikam Inc", "2026-02-01", 8), ("Mallory", "Chen", "Initech", "2026-01-13", 0),
    ("Niaj", "Rahman", "Globex", "2026-02-05", 0), ("Ivan", "Petrov", "Fabrikam Inc", "2026-03-09", 9),
];

// Campaigns: name, type, start, end, budgeted cost.
(string Name, string Type, string Start, string End, int Budget)[] campaigns =
[
    ("Pipeline Analytics Webinar", "Webinar", "2026-01-15", "2026-01-15", 4000),
    ("SaaStr Annual 2026", "Conference", "2026-02-10", "2026-02-12", 60000),
    ("Q1 Nurture Email", "Email", "2026-01-05", "2026-03-31", 1500),
    ("Paid Search - Brand", "Advertisement", "2026-01-01", "2026-06-30", 25000),
    ("Customer Roundtable Berlin", "Seminar", "2026-03-18", "2026-03-18", 8000),
    ("Hannover Messe Booth", "Trade Show", "2026-04-20", "2026-04-24", 45000),
    ("Partner Referral Program", "Partners", "2026-01-01", "2026-12-31", 10000),
];

// Members: campaign, contact (0 = none), lead (0 = none), status, responded, first responded date ("" = none),
// created date. A member added as a lead keeps only its LeadId here; one added after conversion has both ids.
(int Campaign, int Contact, int Lead, string Status, bool Responded, string Responded1st, string Created)[] members =
[
    (1, 0, 1, "Attended", true, "2026-01-15", "2026-01-09"),
    (1, 2, 0, "Attended", true, "2026-01-15", "2026-01-10"),
    (1, 0, 2, "No Show", false, "", "2026-01-12"),
    (1, 6, 0, "Attended", true, "2026-01-15", "2026-01-12"),
    (1, 0, 4, "Attended", true, "2026-01-15", "2026-01-13"),
    (2, 1, 1, "Attended", true, "2026-02-11", "2026-01-28"),
    (2, 3, 0, "Attended", true, "2026-02-11", "2026-01-29"),
    (2, 5, 2, "Registered", false, "", "2026-02-02"),
    (2, 8, 3, "Attended", true, "2026-02-11", "2026-02-04"),
    (2, 0, 5, "Registered", false, "", "2026-02-05"),
    (3, 1, 1, "Sent", false, "", "2026-02-16"),
    (3, 2, 0, "Responded", true, "2026-02-20", "2026-02-16"),
    (3, 4, 0, "Sent", false, "", "2026-02-16"),
    (3, 0, 2, "Responded", true, "2026-01-22", "2026-01-21"),
    (3, 7, 0, "Responded", true, "2026-03-03", "2026-02-16"),
    (3, 9, 0, "Sent", false, "", "2026-02-16"),
    (3, 0, 4, "Sent", false, "", "2026-02-16"),
    (4, 0, 3, "Responded", true, "2026-02-01", "2026-02-01"),
    (4, 6, 0, "Responded", true, "2026-03-02", "2026-03-02"),
    (4, 10, 0, "Responded", true, "2026-03-09", "2026-03-09"),
    (4, 0, 5, "Responded", true, "2026-03-04", "2026-03-04"),
    (5, 1, 1, "Attended", true, "2026-03-18", "2026-03-02"),
    (5, 4, 0, "Attended", true, "2026-03-18", "2026-03-02"),
    (5, 5, 2, "Attended", true, "2026-03-18", "2026-03-03"),
    (5, 7, 0, "No Show", false, "", "2026-03-04"),
    (6, 3, 0, "Attended", true, "2026-04-22", "2026-04-01"),
    (6, 9, 6, "Attended", true, "2026-04-22", "2026-04-02"),
    (6, 6, 0, "Registered", false, "", "2026-04-03"),
    (7, 8, 3, "Responded", true, "2026-03-25", "2026-03-20"),
    // A responded member without a FirstRespondedDate: the touch falls back to CreatedDate.
    (7, 0, 6, "Responded", true, "", "2026-03-09"),
];

// Opportunities: name, account, created, close date, won, closed, amount ("" = none entered), stage.
(string Name, int Account, string Created, string Close, bool Won, bool Closed, string Amount, string Stage)[] opportunities =
[
    ("Northwind - Platform", 1, "2026-03-02", "2026-04-20", true, true, "48000.00", "Closed Won"),
    ("Contoso - Pilot", 2, "2026-03-16", "2026-05-05", false, true, "22000.00", "Closed Lost"),
    ("Fabrikam - Analytics", 3, "2026-04-01", "2026-06-30", false, false, "", "Qualification"),
    ("Northwind - Expansion", 1, "2026-05-04", "2026-06-15", true, true, "12500.00", "Closed Won"),
    ("Contoso - Second Pilot", 2, "2026-05-20", "2026-07-31", false, false, "30000.00", "Proposal/Price Quote"),
];

// Contact roles: opportunity, contact, role, primary.
(int Opportunity, int Contact, string Role, bool Primary)[] roles =
[
    (1, 1, "Decision Maker", true), (1, 2, "Evaluator", false), (1, 3, "Technical Buyer", false),
    (2, 5, "Economic Buyer", true), (2, 6, "Influencer", false),
    (3, 8, "Decision Maker", true), (3, 9, "Technical Buyer", false),
    (4, 1, "Decision Maker", true), (4, 4, "Executive Sponsor", false),
];

static string Bool(bool value) => value ? "true" : "false";

Write("Campaign.csv", ["Id", "Name", "Type", "Status", "StartDate", "EndDate", "BudgetedCost", "IsActive"],
    campaigns.Select((c, i) => new[] { Campaign(i + 1), c.Name, c.Type, c.End.CompareTo("2026-06-01") < 0 ? "Completed" : "In Progress", c.Start, c.End, c.Budget.ToString(CultureInfo.InvariantCulture) + ".00", "true" }));
Write("Contact.csv", ["Id", "FirstName", "LastName", "Title", "Email", "AccountId", "CreatedDate"],
    contacts.Select((c, i) => new[] { Contact(i + 1), c.First, c.Last, c.Title, $"{c.First}.{c.Last}@example.com".ToLowerInvariant(), c.Account == 0 ? "" : Account(c.Account), At("2026-01-02") }));
Write("Lead.csv", ["Id", "FirstName", "LastName", "Company", "Status", "IsConverted", "CreatedDate", "ConvertedContactId", "ConvertedAccountId"],
    leads.Select((l, i) => new[]
    {
        Lead(i + 1), l.First, l.Last, l.Company, l.Contact == 0 ? "Working - Contacted" : "Closed - Converted", Bool(l.Contact != 0), At(l.Created),
        l.Contact == 0 ? "" : Contact(l.Contact), l.Contact == 0 ? "" : Account(contacts[l.Contact - 1].Account),
    }));
Write("CampaignMember.csv", ["Id", "CampaignId", "ContactId", "LeadId", "Status", "HasResponded", "FirstRespondedDate", "CreatedDate"],
    members.Select((m, i) => new[]
    {
        Id("00v", i + 1), Campaign(m.Campaign), m.Contact == 0 ? "" : Contact(m.Contact), m.Lead == 0 ? "" : Lead(m.Lead),
        m.Status, Bool(m.Responded), m.Responded1st, At(m.Created),
    }));
Write("Opportunity.csv", ["Id", "Name", "AccountId", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon", "CreatedDate"],
    opportunities.Select((o, i) => new[] { Opportunity(i + 1), o.Name, Account(o.Account), o.Stage, o.Amount, o.Close, Bool(o.Closed), Bool(o.Won), At(o.Created) }));
Write("OpportunityContactRole.csv", ["Id", "OpportunityId", "ContactId", "Role", "IsPrimary"],
    roles.Select((r, i) => new[] { Id("00K", i + 1), Opportunity(r.Opportunity), Contact(r.Contact), r.Role, Bool(r.Primary) }));
Console.WriteLine($"Wrote the export to {directory} ({accountNames.Length} accounts, {contacts.Length} contacts, {leads.Length} leads, {campaigns.Length} campaigns, {members.Length} members, {opportunities.Length} opportunities).");

// Data Loader quotes every field and ends lines with CRLF.
void Write(string name, string[] header, IEnumerable<string[]> rows)
{
    var text = new StringBuilder();
    foreach (var row in rows.Prepend(header))
    {
        text.Append(string.Join(",", row.Select(static f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
    }

    File.WriteAllText(Path.Combine(directory, name), text.ToString(), new UTF8Encoding(false));
}

static string SourcePath([CallerFilePath] string path = "") => path;
