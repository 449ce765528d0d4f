namespace Attribution.IO.Tests.Salesforce;

public sealed class SalesforceExportTests
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_MinimalExport_MakesTouchesConversionsMappingAndRoles()
    {
        using var export = new ExportDirectory();

        var import = SalesforceExport.Read(export.Path);

        // Journeys in ordinal order (A1 < L2 < P1); inside one, by instant, a touch before a conversion at the same instant
        // (L2's at 08:00Z). The 'Sent' member has not responded.
        import.Events.Should().Equal(
            EventLogRow.Conversion("A1", new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), "opportunity", 1000, "O1"),
            EventLogRow.Conversion("A1", new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), "order", 1000, "O1"),
            EventLogRow.Touch("L2", new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), "Trade Show", "Expo", "offline", "Attended"),
            EventLogRow.Conversion("L2", new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), "lead", 1, "L2"),
            EventLogRow.Conversion("P1", new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero), "lead", 1, "L1"),
            EventLogRow.Touch("P1", March1, "Webinar", "Spring Webinar", "online", "Responded"));
        import.MembersNotResponded.Should().Be(1);
        import.OpportunitiesWithoutAmount.Should().BeEmpty();
        import.Accounts.Should().Equal(new PersonAccount("P1", "A1"));
        import.ContactRoles.Should().Equal(new ContactRole("O1", "P1", "Decision Maker", true));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-01T00:00:00+00:00")]
    [InlineData("2026-03-01T09:30:00.000+0000", "2026-03-01T09:30:00+00:00")]
    [InlineData("2026-03-01T09:30:00.000Z", "2026-03-01T09:30:00+00:00")]
    [InlineData("2026-03-01T09:30:00Z", "2026-03-01T09:30:00+00:00")]
    [InlineData("2026-03-01T11:30:00.000+0200", "2026-03-01T11:30:00+02:00")]
    [InlineData("2026-03-01T04:30:00.000-0500", "2026-03-01T04:30:00-05:00")]
    [InlineData("2026-03-01T11:30:00.000+02:00", "2026-03-01T11:30:00+02:00")]
    [InlineData("2026-03-01T09:30:00.250+0000", "2026-03-01T09:30:00.25+00:00")]
    public void Read_SalesforceDateFormats_AreReadAsWritten(string written, string expected)
    {
        using var export = new ExportDirectory(("Lead", $"Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,{written},P1,A1\nL2,2026-03-05,,\n"));

        var lead = SalesforceExport.Read(export.Path).Events.Single(e => e.ConversionId == "L1");

        // Same instant and same offset as written (a date alone is midnight UTC).
        lead.Timestamp.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        lead.Timestamp.Offset.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Fact]
    public void Read_RespondedMemberWithoutFirstRespondedDate_IsAtCreatedDate()
    {
        using var export = new ExportDirectory();

        // Line 3 of the minimal members: FirstRespondedDate empty, CreatedDate 2026-03-05T08:00:00.000Z.
        SalesforceExport.Read(export.Path).Events.Single(e => e is { JourneyId: "L2", IsConversion: false })
            .Timestamp.Should().Be(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Read_OfflineCampaignTypes_AreConfigurableAndIgnoreCase()
    {
        using var export = new ExportDirectory();

        var import = SalesforceExport.Read(export.Path, new SalesforceExportOptions { OfflineCampaignTypes = [" webinar "] });

        // Webinar is now offline; Trade Show, not listed, is online.
        import.Events.Where(e => !e.IsConversion).Select(e => (e.Channel, e.TouchType))
            .Should().BeEquivalentTo([("Trade Show", "online"), ("Webinar", "offline")]);
    }

    [Fact]
    public void Read_OpportunityWithoutAmount_IsWorthZeroAndReported()
    {
        using var export = new ExportDirectory(("Opportunity",
            "Id,AccountId,CreatedDate,CloseDate,IsWon,IsClosed,Amount\n"
            + "O1,A1,2026-03-10,2026-04-01,true,true,\n"
            + "O2,A1,2026-03-11,,false,false,250.5\n"
            + "O3,A1,2026-03-12,2026-03-20,false,true,\n"));

        var import = SalesforceExport.Read(export.Path);

        import.OpportunitiesWithoutAmount.Should().Equal("O1", "O3");
        // O1 won: opportunity and order at 0; O2 open: one opportunity at 250.5; O3 lost: one opportunity at 0.
        import.Events.Where(e => e.JourneyId == "A1").Select(e => (e.Kind, e.ConversionId, e.Value)).Should().Equal(
            ("opportunity", "O1", 0.0), ("opportunity", "O2", 250.5), ("opportunity", "O3", 0.0), ("order", "O1", 0.0));
    }

    [Fact]
    public void Read_ConvertedLeadWhoseContactIsNotListed_MapsTheContactToTheLeadsAccount()
    {
        using var export = new ExportDirectory(
            ("Contact", "Id,AccountId\nP1,A1\nP2,\nP3,A9\n"),
            ("Lead", "Id,CreatedDate,ConvertedContactId,ConvertedAccountId\nL1,2026-02-01,P1,A1\nL2,2026-03-05,,\nL3,2026-02-02,P4,A4\nL4,2026-02-03,P3,A3\n"));

        var import = SalesforceExport.Read(export.Path);

        // P2 has no account; P4 is only known through its lead; P3's own AccountId (A9) wins over the lead's A3.
        import.Accounts.Should().Equal(new PersonAccount("P1", "A1"), new PersonAccount("P3", "A9"), new PersonAccount("P4", "A4"));
    }

    [Fact]
    public void Read_ExtraFieldsAnyOrderAndCaseInHeaders_AreAccepted()
    {
        using var export = new ExportDirectory(("Contact", "\"Email\",\"ACCOUNTID\",\"id\"\r\n\"p@example.com\",\"A1\",\"P1\"\r\n"));

        SalesforceExport.Read(export.Path).Accounts.Should().Equal(new PersonAccount("P1", "A1"));
    }

    [Fact]
    public void Read_FileNameInOtherCase_IsFound()
    {
        using var export = new ExportDirectory();
        File.Move(export.File("Contact"), Path.Combine(export.Path, "contact.CSV"));

        SalesforceExport.Read(export.Path).Accounts.Should().ContainSingle();
    }

    [Fact]
    public void Read_NullOrBlankArguments_Throw()
    {
        FluentActions.Invoking(() => SalesforceExport.Read(null!)).Should().Throw<ArgumentNullException>().WithParameterName("directory");
        FluentActions.Invoking(() => SalesforceExport.Read(" ")).Should().Throw<ArgumentException>().WithParameterName("directory");
        using var export = new ExportDirectory();
        FluentActions.Invoking(() => SalesforceExport.Read(export.Path, new SalesforceExportOptions { OfflineCampaignTypes = ["Event", ""] }))
            .Should().Throw<ArgumentException>().WithParameterName("options");
        FluentActions.Invoking(() => SalesforceExport.Read(Path.Combine(export.Path, "missing")))
            .Should().Throw<DirectoryNotFoundException>().WithMessage("*missing*does not exist*");
    }
}
