using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.IO.Tests.Salesforce;

/// <summary>The flow of samples/SalesforceImport.cs on the shipped export: import, the accounts mapping, W-shaped on the
/// funnel lead → opportunity → order with the opportunities' contact roles, checked by hand from
/// samples/salesforce/make-export.cs.</summary>
/// <remarks>
/// Touches per account (responded members at their FirstRespondedDate, midnight UTC), in sorted order:
/// Northwind (contacts 1 Alice, 2 Bob, 3 Carol, 4 Dan; lead 1 on Jan 8): t1 Jan 15 webinar (Alice), t2 Jan 15 webinar (Bob),
/// t3 Feb 11 conference (Alice), t4 Feb 11 conference (Carol), t5 Feb 20 email (Bob), t6 Mar 18 roundtable (Alice),
/// t7 Mar 18 roundtable (Dan), t8 Apr 22 trade show (Carol).
/// Contoso (5 Erin, 6 Frank, 7 Grace; lead 2 on Jan 12): s1 Jan 15 webinar (Frank), s2 Jan 22 email (Erin), s3 Mar 2 paid
/// search (Frank), s4 Mar 3 email (Grace), s5 Mar 18 roundtable (Erin).
/// Fabrikam (8 Heidi, 9 Ivan; leads 3 on Feb 1 17:54 and 6 on Mar 9 11:57): f1 Feb 1 00:00 paid search (Heidi), f2 Feb 11
/// conference (Heidi), f3 Mar 9 08:09 partners (Ivan), f4 Mar 25 partners (Heidi), f5 Apr 22 trade show (Ivan).
/// W-shaped: 30 to the first touch M0, 30 to the last before the latest lead M1, 30 to the last M2, 10 shared by the rest;
/// missing milestones renormalise.
/// </remarks>
public sealed class SalesforceAccountsTests
{
    private static readonly Lazy<(JourneySet Journeys, AttributionResult Result)> Run = new(() =>
    {
        var import = SalesforceExport.Read(SampleDirectory());
        var builder = new MemoryStream();
        using (var writer = new StreamWriter(builder, leaveOpen: true))
        {
            EventLogCsvWriter.Write(writer, import.Events);
        }

        builder.Position = 0;
        var journeys = EventLogCsvReader.Read(builder, new EventLogCsvOptions { Accounts = AccountCsvReader.ToAccountMap(import.Accounts) });
        var options = new AttributionOptions
        {
            Lookback = TimeSpan.FromDays(90),
            Stages = ["lead", "opportunity", "order"],
            ConversionContacts = AccountCsvReader.ToConversionContacts(import.ContactRoles),
            IncludeTouchpointCredits = true,
        };
        return (journeys, new AttributionEngine(options).Run(journeys, AttributionModels.Create("w-shaped")));
    });

    [Fact]
    public void Journeys_AreTheAccountsAndThePeopleWithoutOne()
    {
        // 3 accounts; contact 10 (no AccountId) and the unconverted leads 4 and 5 keep their own journeys.
        Run.Value.Journeys.Count.Should().Be(6);
        Run.Value.Journeys.PeopleWithoutAccount.Should().Be(3);
        Run.Value.Journeys.DuplicateConversionsRemoved.Should().Be(0);
    }

    [Fact]
    public void Opportunities_AreCreditedFromTheirContactsTouches()
    {
        var shares = ContributionRecords.From(Run.Value.Result)
            .Where(r => r.ConversionKind == "opportunity")
            .GroupBy(r => r.ConversionId!)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Campaign, r => r.Share));

        // Opportunity 1 (Mar 2, roles Alice, Bob, Carol): t1..t5; M0 t1, no touch before lead 1 (M1 missing), M2 t5; rest
        // t2, t3, t4 share 10: of 70, webinar (t1 + t2) 30 + 10/3 = 10/21, conference 2 × 10/3 = 2/21, email 30 = 9/21.
        shares["0065g0000000001AAA"].Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["Pipeline Analytics Webinar"] = 10.0 / 21, ["SaaStr Annual 2026"] = 2.0 / 21, ["Q1 Nurture Email"] = 9.0 / 21,
        }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());

        // Opportunity 4 (May 4, roles Alice, Dan): after opportunity 1, t6 and t7 (Carol's t8 is no contact): roundtable 1.
        shares["0065g0000000004AAA"].Should().Equal(new Dictionary<string, double> { ["Customer Roundtable Berlin"] = 1 });

        // Opportunity 2 (Mar 16, roles Erin, Frank): s1, s2, s3 (Grace's s4 is no contact): M0 s1, M2 s3, rest s2: webinar
        // 3/7, email 1/7, paid search 3/7.
        shares["0065g0000000002AAA"].Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["Pipeline Analytics Webinar"] = 3.0 / 7, ["Q1 Nurture Email"] = 1.0 / 7, ["Paid Search - Brand"] = 3.0 / 7,
        }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());

        // Opportunity 5 (May 20, no roles: the whole account): after opportunity 2, s5 alone: roundtable 1.
        shares["0065g0000000005AAA"].Should().Equal(new Dictionary<string, double> { ["Customer Roundtable Berlin"] = 1 });

        // Opportunity 3 (Apr 1, roles Heidi, Ivan): f1..f4; M0 f1, M1 the last before lead 6 (Mar 9 11:57) f3, M2 f4, rest
        // f2: paid search 0.3, conference 0.1, partners 0.3 + 0.3.
        shares["0065g0000000003AAA"].Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["Paid Search - Brand"] = 0.3, ["SaaStr Annual 2026"] = 0.1, ["Partner Referral Program"] = 0.6,
        }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    public void CampaignTotals_AddUpTheOpportunities()
    {
        var opportunities = Run.Value.Result.ForKind("opportunity");

        // Roundtable: opportunities 4 and 5 whole, 12500 + 30000. Webinar: 48000 × 10/21 + 22000 × 3/7 = 22857.14… + 9428.57….
        opportunities.ByCampaign.Single(c => c.Key == "Customer Roundtable Berlin").Value.Should().BeApproximately(42500, 1e-9);
        opportunities.ByCampaign.Single(c => c.Key == "Pipeline Analytics Webinar").Value.Should().BeApproximately(48000 * 10.0 / 21 + 22000 * 3.0 / 7, 1e-9);
        opportunities.UnattributedConversions.Should().Be(0);
    }

    private static string SampleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "salesforce");
            if (File.Exists(Path.Combine(dir.FullName, "Attribution.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/salesforce was not found above the test's directory.");
    }
}
