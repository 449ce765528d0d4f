#!/usr/bin/env dotnet
#:project ../src/Attribution.IO/Attribution.IO.csproj

// From a CRM export to campaign credit: read the Salesforce export in samples/salesforce (made by
// samples/salesforce/make-export.cs), credit each opportunity to the campaigns its account's people responded to, and
// print the contribution records per opportunity, the CRM's campaign-influence view.
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

// Opportunities belong to accounts, touches to people: put every person's rows on their account's journey, as the
// people→account mapping says (people without an account keep their own journey).
var accountOf = import.Accounts.ToDictionary(a => a.PersonId, a => a.AccountId);

// Credit opportunities only: leads and orders would otherwise reset the opportunities' touches.
var rows = import.Events.Where(e => !e.IsConversion || e.Kind == SalesforceExport.OpportunityKind);
var journeys = JourneySet.Create(rows
    .GroupBy(e => accountOf.GetValueOrDefault(e.JourneyId, e.JourneyId))
    .Select(g => new Journey(
        g.Key,
        g.Where(e => !e.IsConversion).Select(e => new Touchpoint(e.Timestamp, e.Channel!, e.Campaign)),
        g.Where(e => e.IsConversion).Select(e => new Conversion(e.Timestamp, e.Value, e.Kind!, e.ConversionId)))));

IAttributionModel model = AttributionModels.Linear;
var engine = new AttributionEngine(new AttributionOptions { Lookback = TimeSpan.FromDays(90), IncludeTouchpointCredits = true });
AttributionResult result = engine.Run(journeys, model);

Console.WriteLine();
Console.WriteLine($"Opportunity value credited per campaign ({model.Name}):");
foreach (var campaign in result.ByCampaign.OrderByDescending(c => c.Value))
{
    Console.WriteLine($"  {campaign.Key,-28} {campaign.Conversions,5:F2} opportunities {campaign.Value,10:F2}");
}

Console.WriteLine($"  {"(unattributed)",-28} {result.UnattributedConversions,5:F2} opportunities {result.UnattributedValue,10:F2}");

Console.WriteLine();
Console.WriteLine("Contribution records per opportunity:");
foreach (var opportunity in ContributionRecords.From(result).GroupBy(r => r.ConversionId))
{
    var first = opportunity.First();
    Console.WriteLine($"  {opportunity.Key} ({first.JourneyId}, {first.ConversionInstant:yyyy-MM-dd}, {first.ConversionValue:F2})");
    foreach (var record in opportunity)
    {
        Console.WriteLine($"    {record.Campaign,-28} {record.Channel,-14} {record.Share,6:P1} {record.Value,10:F2}");
    }
}

static string SourcePath([CallerFilePath] string path = "") => path;
