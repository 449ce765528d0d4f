using Attribution.B2B;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.B2B;

/// <summary>People on their accounts' journeys, over time; identities; duplicate conversion ids.</summary>
public sealed class AccountJourneysTests
{
    private static JourneySetBuilder Add(JourneySetBuilder builder, string journey, double day, string channel)
    {
        builder.AddTouchpoint(builder.JourneyIds.GetOrAdd(journey), Day(day), builder.Channels.GetOrAdd(channel));
        return builder;
    }

    private static JourneySetBuilder Convert(JourneySetBuilder builder, string journey, double day, double value, string kind = "order", string? id = null)
    {
        builder.AddConversion(builder.JourneyIds.GetOrAdd(journey), Day(day), value, builder.Kinds.GetOrAdd(kind), id);
        return builder;
    }

    [Fact]
    public void Accounts_PutEachRowOnTheAccountOfItsPersonAtItsInstant()
    {
        // ben is in globex until day 5 and in acme from then; anna always in acme; carl in none.
        var map = new AccountMap(
        [
            new AccountMembership("anna", "acme"),
            new AccountMembership("ben", "globex", To: Day(5)),
            new AccountMembership("ben", "acme", From: Day(5)),
        ]);
        var builder = new JourneySetBuilder { Accounts = map };
        Add(builder, "ben", 1, "email");          // globex
        Add(builder, "anna", 2, "search");        // acme
        Add(builder, "ben", 6, "webinar");        // acme
        Add(builder, "carl", 3, "social");        // carl's own journey
        Convert(builder, "acme", 7, 100, "opportunity", "opp1");   // an account's own row stays with it
        Convert(builder, "ben", 4, 10);           // globex
        var set = builder.Build();

        set.JourneyIds.Should().Equal("globex", "acme", "carl");
        set.PeopleWithoutAccount.Should().Be(1);
        set.IsAccount(0).Should().BeTrue();
        set.IsAccount(1).Should().BeTrue();
        set.IsAccount(2).Should().BeFalse();
        var acme = set.GetTouchpointRange(1);
        set.GetTouchpointPerson(acme.Start.Value).Should().Be("anna");
        set.GetTouchpointPerson(acme.Start.Value + 1).Should().Be("ben");

        var result = new AttributionEngine().Run(set, AttributionModels.Linear);

        // acme's opportunity (100): search (day 2) and webinar (day 6), 50 each; globex's order (10): email alone.
        result.ForKind("opportunity").ByChannel.Where(c => c.Conversions != 0).Should().BeEquivalentTo([
            new { Key = "search", Conversions = 0.5, Value = 50.0 },
            new { Key = "webinar", Conversions = 0.5, Value = 50.0 },
        ]);
        result.ForKind("order").ByChannel.Where(c => c.Conversions != 0).Should().BeEquivalentTo([new { Key = "email", Conversions = 1.0, Value = 10.0 }]);
    }

    [Fact]
    public void Accounts_PeriodEndIsExclusive()
    {
        var map = new AccountMap([new AccountMembership("ben", "globex", To: Day(5)), new AccountMembership("ben", "acme", From: Day(5))]);
        var set = Add(new JourneySetBuilder { Accounts = map }, "ben", 5, "email").Build();
        set.JourneyIds.Should().Equal("acme");
        set.PeopleWithoutAccount.Should().Be(0);
    }

    [Fact]
    public void Accounts_APersonOutsideEveryPeriodKeepsOwnJourneyAndIsCounted()
    {
        var map = new AccountMap([new AccountMembership("ben", "acme", From: Day(5))]);
        var set = Add(Add(new JourneySetBuilder { Accounts = map }, "ben", 1, "email"), "ben", 6, "search").Build();
        set.JourneyIds.Should().Equal("ben", "acme");
        set.PeopleWithoutAccount.Should().Be(1);
    }

    [Fact]
    public void AccountMap_OverlappingPeriods_NameBothEntries()
    {
        var act = () => new AccountMap(
        [
            new AccountMembership("anna", "acme"),
            new AccountMembership("ben", "globex", To: Day(5)),
            new AccountMembership("ben", "acme", From: Day(4)),
        ]);
        act.Should().Throw<ArgumentException>().WithMessage("Memberships 2 and 3: the periods of person 'ben' in 'globex'*and in 'acme'*overlap*");
    }

    [Fact]
    public void AccountMap_PeriodEndingBeforeItStarts_IsAnError()
    {
        var act = () => new AccountMap([new AccountMembership("ben", "acme", From: Day(5), To: Day(5))]);
        act.Should().Throw<ArgumentException>().WithMessage("Membership 1: the period of person 'ben' in account 'acme' ends*");
    }

    [Fact]
    public void Identities_ResolveChainsBeforeAttribution()
    {
        // lead1 → c1 → c2: all three rows join c2's journey.
        var identities = new IdentityMap([new IdentityAlias("lead1", "c1"), new IdentityAlias("c1", "c2")]);
        identities.Resolve("lead1").Should().Be("c2");
        identities.Resolve("other").Should().Be("other");
        var builder = new JourneySetBuilder { Identities = identities };
        Add(builder, "lead1", 1, "email");
        Add(builder, "c2", 2, "search");
        Convert(builder, "c1", 3, 10);
        var set = builder.Build();

        set.JourneyIds.Should().Equal("c2");
        set.PeopleWithoutAccount.Should().Be(0);
        var result = new AttributionEngine().Run(set, AttributionModels.Linear);

        // One journey, two touches: 5 each.
        result.ByChannel.Should().BeEquivalentTo([new { Key = "email", Value = 5.0 }, new { Key = "search", Value = 5.0 }]);
    }

    [Fact]
    public void Identities_ApplyBeforeAccounts()
    {
        var builder = new JourneySetBuilder
        {
            Identities = new IdentityMap([new IdentityAlias("lead1", "anna")]),
            Accounts = new AccountMap([new AccountMembership("anna", "acme")]),
        };
        var set = Add(builder, "lead1", 1, "email").Build();
        set.JourneyIds.Should().Equal("acme");
        set.GetTouchpointPerson(0).Should().Be("anna");
    }

    [Fact]
    public void Identities_Cycle_IsAnErrorNamingItsIds()
    {
        var act = () => new IdentityMap([new IdentityAlias("x", "a"), new IdentityAlias("a", "b"), new IdentityAlias("b", "c"), new IdentityAlias("c", "a")]);
        act.Should().Throw<ArgumentException>().WithMessage("The aliases form a cycle: 'a' → 'b' → 'c' → 'a'*");
    }

    [Fact]
    public void Identities_AnAliasOfTwoIds_IsAnError()
    {
        var act = () => new IdentityMap([new IdentityAlias("a", "b"), new IdentityAlias("a", "c")]);
        act.Should().Throw<ArgumentException>().WithMessage("Alias 2: 'a' is an alias of both 'b' and 'c'*");
    }

    [Fact]
    public void DuplicateConversionIds_InOneJourney_AreCountedOnce()
    {
        var builder = new JourneySetBuilder();
        Add(builder, "j", 0, "email");
        Convert(builder, "j", 2, 10, "order", "o1");        // a later copy: removed, though added first
        Convert(builder, "j", 1, 10, "order", "o1");        // first in sorted order: stays
        Convert(builder, "j", 1, 50, "opportunity", "o1");  // another kind of the same record: stays
        Convert(builder, "j", 3, 7, "order");               // no id: never a duplicate
        Convert(builder, "j", 4, 7, "order");
        Convert(builder, "k", 1, 10, "order", "o1");        // another journey: stays
        Add(builder, "k", 0, "search");
        var set = builder.Build();

        set.DuplicateConversionsRemoved.Should().Be(1);
        set.ConversionCount.Should().Be(5);
        set.GetConversionRange(0).Should().Be(new Range(0, 4));
        set.GetConversion(0).Instant.Should().Be(Day(1));
        var result = new AttributionEngine(new AttributionOptions { Reset = ResetRule.Never }).Run(set, AttributionModels.Linear);

        // Orders: o1 on day 1 (10), two without id (7 + 7) on j, o1 on k (10): 34 in all, not 44.
        result.ForKind("order").TotalValue.Should().Be(34);
    }

    [Fact]
    public void DuplicateConversionIds_AcrossMergedIdentities_AreCountedOnce()
    {
        // The same lead recorded under the lead and the contact: one journey once merged, one lead conversion.
        var builder = new JourneySetBuilder { Identities = new IdentityMap([new IdentityAlias("lead1", "c1")]) };
        Convert(builder, "lead1", 1, 1, "lead", "L1");
        Convert(builder, "c1", 2, 1, "lead", "L1");
        var set = builder.Build();
        set.DuplicateConversionsRemoved.Should().Be(1);
        set.ConversionCount.Should().Be(1);
        set.GetConversion(0).Instant.Should().Be(Day(1));
    }
}
