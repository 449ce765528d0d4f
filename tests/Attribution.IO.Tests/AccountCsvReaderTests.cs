using System.Text;
using Attribution.B2B;

namespace Attribution.IO.Tests;

public sealed class AccountCsvReaderTests
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReadMapping_ReadsPeriodsAsDatesOrInstants()
    {
        var map = AccountCsvReader.ReadMapping(Csv("Person_ID , account_id,from,to\nben,globex,,2026-03-01\nben,acme,2026-03-01T00:00:00Z,\n"));
        map.Memberships.Should().Equal(
            new AccountMembership("ben", "globex", null, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            new AccountMembership("ben", "acme", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), null));
        map.AccountAt("ben", new DateTimeOffset(2026, 2, 28, 23, 59, 59, TimeSpan.Zero)).Should().Be("globex");
        map.AccountAt("ben", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)).Should().Be("acme");
    }

    [Fact]
    public void ReadMapping_Overlap_NamesBothLines()
    {
        var act = () => AccountCsvReader.ReadMapping(Csv("person_id,account_id,from\nanna,acme,\nbob,acme,\nanna,globex,2026-01-01\n"), "people.csv");
        act.Should().Throw<AttributionDataException>().WithMessage("people.csv:4*from*'anna'*line 2 and this line*");
    }

    [Fact]
    public void ReadMapping_BadDateAndMissingColumn_AreErrors()
    {
        var bad = () => AccountCsvReader.ReadMapping(Csv("person_id,account_id,to\nanna,acme,March\n"), "people.csv");
        bad.Should().Throw<AttributionDataException>().WithMessage("people.csv:2*to*'March' is not a date*");
        var missing = () => AccountCsvReader.ReadMapping(Csv("person,account_id\nanna,acme\n"), "people.csv");
        missing.Should().Throw<AttributionDataException>().WithMessage("*person_id*");
    }

    [Fact]
    public void ReadContactRoles_ReadsTheWriterFormat()
    {
        var text = new StringWriter();
        AccountCsvWriter.WriteContactRoles(text, [new ContactRole("opp1", "anna", "Decision Maker", true), new ContactRole("opp1", "ben", null, false)]);
        var roles = AccountCsvReader.ReadContactRoles(Csv(text.ToString()));
        roles.Should().Equal(new ContactRole("opp1", "anna", "Decision Maker", true), new ContactRole("opp1", "ben", null, false));

        var all = AccountCsvReader.ToConversionContacts(roles);
        all.TryGetPeople("opp1", out var people).Should().BeTrue();
        people.Should().Equal("anna", "ben");
        AccountCsvReader.ToConversionContacts(roles, primaryOnly: true).TryGetPeople("opp1", out var primary).Should().BeTrue();
        primary.Should().Equal("anna");
    }

    [Fact]
    public void ReadContactRoles_BadPrimary_IsAnError()
    {
        var act = () => AccountCsvReader.ReadContactRoles(Csv("conversion_id,person_id,primary\nopp1,anna,maybe\n"), "roles.csv");
        act.Should().Throw<AttributionDataException>().WithMessage("roles.csv:2*primary*'maybe' is not true or false*");
    }

    [Fact]
    public void ReadIdentities_ChainsResolve_CycleNamesIdsAndLines()
    {
        AccountCsvReader.ReadIdentities(Csv("alias_id,canonical_id\na,b\nb,c\n")).Resolve("a").Should().Be("c");
        var act = () => AccountCsvReader.ReadIdentities(Csv("alias_id,canonical_id\nx,a\na,b\nb,a\n"), "ids.csv");
        act.Should().Throw<AttributionDataException>().WithMessage("ids.csv:3*'a' → 'b' → 'a'*lines 3, 4*");
    }

    [Fact]
    public void EventLogReader_WithAccountsAndIdentities()
    {
        var options = new EventLogCsvOptions
        {
            Accounts = new AccountMap([new AccountMembership("anna", "acme")]),
            Identities = new IdentityMap([new IdentityAlias("lead-1", "anna")]),
        };
        var set = EventLogCsvReader.Read(Csv("journey_id,timestamp,channel,conversion,conversion_id\nlead-1,2026-03-01T00:00:00Z,email,,\nacme,2026-03-02T00:00:00Z,,order,o1\nacme,2026-03-03T00:00:00Z,,order,o1\n"), options);
        set.JourneyIds.Should().Equal("acme");
        set.GetTouchpointPerson(0).Should().Be("anna");
        set.DuplicateConversionsRemoved.Should().Be(1);
    }
}
