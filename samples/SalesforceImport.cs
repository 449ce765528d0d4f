#!/usr/bin/env dotnet
#:project ../src/Attribution.IO/Attribution.IO.csproj

// From a CRM export to campaign credit: read the Salesforce export in samples/salesforce (made by
// samples/salesforce/make-export.cs), put every contact's campaign responses on their account's journey, credit each
// opportunity W-shaped to the campaigns its contacts (its contact roles) responded to, and print the contribution records
// per opportunity, the CRM's campaign-influence view.
// Run from the repository root with: dotnet run samples/SalesforceImport.cs
using System.Runtime.CompilerServices;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

// A deterministic (CI) build maps source paths to "/_/": then the export is found from the repository root.
var here = Path.GetDirectoryName(SourcePath())!;
var export = Path.Combine(Directory.Exists(here) ? here : "samples", "salesforce");
SalesforceImport import = SalesforceExport.Read(export);
var touches = import.Events.Count(e => !e.IsConversion);
var offline = import.Events.Count(e => e.TouchType == SalesforceExport.OfflineTouchType);
Console.WriteLine($"Imported {import.Events.Count} events: {touches} touches ({offline} offline), {import.Events.Count - touches} conversions; "
    + $"{import.MembersNotResponded} members had not responded; {import.OpportunitiesWithoutAmount.Count} opportunity without an Amount.");

// The event log as the CLI would read it, with the people→account mapping: every contact's rows join their account's
// journey, where the opportunities are (people without an account keep their own journey).
using var log = new MemoryStream();
using (var writer = new StreamWriter(log, leaveOpen: true))
{
    EventLogCsvWriter.Write(writer, import.Events);
}

log.Position = 0;
JourneySet journeys = EventLogCsvReader.Read(log, new EventLogCsvOptions { Accounts = AccountCsvReader.ToAccountMap(import.Accounts) });
Console.WriteLine($"{journeys.Count} journeys; {journeys.PeopleWithoutAccount} people without an account.");

// W-shaped on the funnel lead → opportunity → order; an opportunity with contact roles is credited only from its
// contacts' touches, one without (Contoso - Second Pilot) from the whole account's.
var options = new AttributionOptions
{
    Lookback = TimeSpan.FromDays(90),
    Stages = [SalesforceExport.LeadKind, SalesforceExport.OpportunityKind, SalesforceExport.OrderKind],
    ConversionContacts = AccountCsvReader.ToConversionContacts(import.ContactRoles),
    IncludeTouchpointCredits = true,
};
// Checked by hand in tests/Attribution.IO.Tests/Salesforce/SalesforceAccountsTests.cs: Northwind - Platform (48000) goes
// 10/21 to the webinar, 2/21 to the conference and 9/21 to the nurture email; Contoso - Pilot (22000) 3/7 webinar, 1/7
// email, 3/7 paid search (Grace's email is no contact of it); both second opportunities wholly to the Berlin roundtable;
// Fabrikam - Analytics (0) 0.3 paid search, 0.1 conference, 0.6 partners. Nothing is unattributed.
IAttributionModel model = AttributionModels.Create("w-shaped");
KindResult opportunities = new AttributionEngine(options).Run(journeys, model).ForKind(SalesforceExport.OpportunityKind);

Console.WriteLine();
Console.WriteLine($"Opportunity value credited per campaign ({model.Name}):");
foreach (var campaign in opportunities.ByCampaign.Where(c => c.Conversions != 0).OrderByDescending(c => c.Value))
{
    Console.WriteLine($"  {campaign.Key,-28} {campaign.Conversions,5:F2} opportunities {campaign.Value,10:F2}");
}

Console.WriteLine($"  {"(unattributed)",-28} {opportunities.UnattributedConversions,5:F2} opportunities {opportunities.UnattributedValue,10:F2}");

Console.WriteLine();
Console.WriteLine("Contribution records per opportunity:");
var result = new AttributionEngine(options).Run(journeys, model);
foreach (var opportunity in ContributionRecords.From(result).Where(r => r.ConversionKind == SalesforceExport.OpportunityKind).GroupBy(r => r.ConversionId))
{
    var first = opportunity.First();
    Console.WriteLine($"  {opportunity.Key} ({first.JourneyId}, {first.ConversionInstant:yyyy-MM-dd}, {first.ConversionValue:F2})");
    foreach (var record in opportunity)
    {
        Console.WriteLine($"    {record.Campaign,-28} {record.Channel,-14} {record.Share,6:P1} {record.Value,10:F2}");
    }
}

static string SourcePath([CallerFilePath] string path = "") => path;
