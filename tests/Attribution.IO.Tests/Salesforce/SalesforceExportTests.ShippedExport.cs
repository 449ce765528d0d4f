namespace Attribution.IO.Tests.Salesforce;

/// <summary>The import of samples/salesforce, with every number counted by hand from the story in
/// samples/salesforce/make-export.cs (ids: 001… accounts, 003…n contact n, 00Q…n lead n, 701…n campaign n, 006…n opportunity n).</summary>
public sealed class SalesforceExportShippedExportTests
{
    private static readonly Lazy<SalesforceImport> Shipped = new(() => SalesforceExport.Read(SampleDirectory()));

    private static SalesforceImport Import => Shipped.Value;

    private static string Contact(int n) => $"0035g00000{n:D5}AAA";

    private static string Lead(int n) => $"00Q5g00000{n:D5}AAA";

    private static string Account(int n) => $"0015g00000{n:D5}AAA";

    private static string Opportunity(int n) => $"0065g00000{n:D5}AAA";

    [Fact]
    public void Touches_AreTheRespondedMembersOnly()
    {
        // Members per campaign (responded): webinar 5 (4), conference 5 (3), email 7 (3), paid search 4 (4),
        // roundtable 4 (3), trade show 3 (2), partners 2 (2): 30 members, 21 touches, 9 not responded.
        Import.Events.Count(e => !e.IsConversion).Should().Be(21);
        Import.MembersNotResponded.Should().Be(9);

        // The not-responded statuses (Sent, Registered, No Show) never become touches.
        Import.Events.Where(e => !e.IsConversion).Select(e => e.Status).Distinct().Should().BeEquivalentTo(["Attended", "Responded"]);
    }

    [Fact]
    public void Touches_SplitOnlineAndOfflineByCampaignType()
    {
        // Offline: Conference 3 + Seminar 3 + Trade Show 2 = 8; online: Webinar 4 + Email 3 + Advertisement 4 + Partners 2 = 13.
        var touches = Import.Events.Where(e => !e.IsConversion).ToList();
        touches.Count(e => e.TouchType == "offline").Should().Be(8);
        touches.Count(e => e.TouchType == "online").Should().Be(13);
        touches.Where(e => e.TouchType == "offline").Select(e => e.Channel).Distinct().Should().BeEquivalentTo(["Conference", "Seminar", "Trade Show"]);
        touches.GroupBy(e => e.Channel).ToDictionary(g => g.Key!, g => g.Count()).Should().Equal(new Dictionary<string, int>
        {
            ["Webinar"] = 4, ["Conference"] = 3, ["Email"] = 3, ["Advertisement"] = 4, ["Seminar"] = 3, ["Trade Show"] = 2, ["Partners"] = 2,
        });
    }

    [Fact]
    public void Conversions_PerKind()
    {
        // 6 leads; 5 opportunities; 2 won (Northwind - Platform 48000, Northwind - Expansion 12500).
        var conversions = Import.Events.Where(e => e.IsConversion).ToList();
        conversions.Count(e => e.Kind == "lead").Should().Be(6);
        conversions.Count(e => e.Kind == "opportunity").Should().Be(5);
        conversions.Where(e => e.Kind == "order").Select(e => (e.JourneyId, e.ConversionId, e.Value, e.Timestamp)).Should().Equal(
            (Account(1), Opportunity(1), 48000.0, new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero)),
            (Account(1), Opportunity(4), 12500.0, new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero)));

        // Opportunities on their accounts: Northwind 2, Contoso 2, Fabrikam 1; values 48000 + 22000 + 0 + 12500 + 30000.
        conversions.Where(e => e.Kind == "opportunity").Select(e => e.JourneyId).Should().Equal(Account(1), Account(1), Account(2), Account(2), Account(3));
        conversions.Where(e => e.Kind == "opportunity").Sum(e => e.Value).Should().Be(112500);
    }

    [Fact]
    public void MissingAmount_IsReportedAndWorthZero()
    {
        // Fabrikam - Analytics (opportunity 3) has an empty Amount.
        Import.OpportunitiesWithoutAmount.Should().Equal(Opportunity(3));
        Import.Events.Single(e => e.ConversionId == Opportunity(3)).Value.Should().Be(0);
    }

    [Fact]
    public void ConvertedLeads_JoinTheirContacts()
    {
        // Members that are only a lead: lead 1 (webinar), 2 (email; its webinar no-show does not count), 3 (paid search),
        // 6 (partners) are converted into contacts 1, 5, 8, 9; leads 4 and 5 are not converted.
        var journeys = Import.Events.Select(e => e.JourneyId).ToHashSet();
        journeys.Should().NotContain([Lead(1), Lead(2), Lead(3), Lead(6)]);
        journeys.Should().Contain([Lead(4), Lead(5)]);

        var touchesPerJourney = Import.Events.Where(e => !e.IsConversion).GroupBy(e => e.JourneyId).ToDictionary(g => g.Key, g => g.Count());
        touchesPerJourney.Should().Equal(new Dictionary<string, int>
        {
            // Contact 1: webinar (as lead 1), conference, roundtable; contact 5: email (as lead 2), roundtable;
            // contact 8: paid search (as lead 3), conference, partners; contact 9: partners (as lead 6), trade show.
            [Contact(1)] = 3, [Contact(2)] = 2, [Contact(3)] = 2, [Contact(4)] = 1, [Contact(5)] = 2, [Contact(6)] = 2,
            [Contact(7)] = 1, [Contact(8)] = 3, [Contact(9)] = 2, [Contact(10)] = 1, [Lead(4)] = 1, [Lead(5)] = 1,
        });

        // Each lead conversion is on its contact once converted, on the lead otherwise.
        Import.Events.Where(e => e.Kind == "lead").Select(e => (e.ConversionId, e.JourneyId)).Should().BeEquivalentTo(
        [
            (Lead(1), Contact(1)), (Lead(2), Contact(5)), (Lead(3), Contact(8)), (Lead(6), Contact(9)), (Lead(4), Lead(4)), (Lead(5), Lead(5)),
        ]);
    }

    [Fact]
    public void RespondedMemberWithoutFirstRespondedDate_IsAtItsCreatedDate()
    {
        // The last member (partners, lead 6) has no FirstRespondedDate; its CreatedDate is 2026-03-09T08:09:00.000+0000.
        Import.Events.Single(e => e.Channel == "Partners" && e.JourneyId == Contact(9)).Timestamp
            .Should().Be(new DateTimeOffset(2026, 3, 9, 8, 9, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Mapping_IsEveryContactWithAnAccount()
    {
        // Contacts 1-4 Northwind, 5-7 Contoso, 8-9 Fabrikam; contact 10 has none.
        Import.Accounts.Should().Equal(
            Enumerable.Range(1, 9).Select(n => new PersonAccount(Contact(n), Account(n <= 4 ? 1 : n <= 7 ? 2 : 3))));
    }

    [Fact]
    public void ContactRoles_AreTheOpportunitiesRoles()
    {
        // Opportunity 1: 3 roles, 2: 2, 3: 2, 4: 2, 5: none; one primary each on 1-4.
        Import.ContactRoles.Should().HaveCount(9);
        Import.ContactRoles.GroupBy(r => r.ConversionId).ToDictionary(g => g.Key, g => g.Count())
            .Should().Equal(new Dictionary<string, int> { [Opportunity(1)] = 3, [Opportunity(2)] = 2, [Opportunity(3)] = 2, [Opportunity(4)] = 2 });
        Import.ContactRoles.Where(r => r.IsPrimary).Select(r => (r.ConversionId, r.PersonId, r.Role)).Should().Equal(
            (Opportunity(1), Contact(1), "Decision Maker"), (Opportunity(2), Contact(5), "Economic Buyer"),
            (Opportunity(3), Contact(8), "Decision Maker"), (Opportunity(4), Contact(1), "Decision Maker"));
    }

    [Fact]
    public void EventLog_ReadsBackWithTheEventLogReader()
    {
        var text = new StringWriter();
        EventLogCsvWriter.Write(text, Import.Events);

        var journeys = EventLogCsvReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), null, "events.csv");

        // 21 touches, 13 conversions (6 + 5 + 2), 15 journeys: contacts 1-10, leads 4 and 5, accounts 1-3.
        journeys.TouchpointCount.Should().Be(21);
        journeys.ConversionCount.Should().Be(13);
        journeys.Count.Should().Be(15);
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

        throw new DirectoryNotFoundException("samples/salesforce not found above " + AppContext.BaseDirectory);
    }
}
