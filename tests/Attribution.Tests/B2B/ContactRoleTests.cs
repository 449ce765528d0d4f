using Attribution.B2B;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.B2B;

/// <summary>Contact roles restrict a listed conversion's eligible touches to its people; other conversions use the whole account.</summary>
public sealed class ContactRoleTests
{
    // acme's people anna (email, day 1), ben (search, day 2), carl (webinar, day 3); opp1 (90, day 5, roles anna primary
    // and ben), opp2 (30, day 6, no roles), opp3 (5, day 7, dave only, who never touched).
    private static JourneySet Acme()
    {
        var builder = new JourneySetBuilder { Accounts = new AccountMap([new("anna", "acme"), new("ben", "acme"), new("carl", "acme"), new("dave", "acme")]) };
        var kind = builder.Kinds.GetOrAdd("opportunity");
        builder.AddTouchpoint(builder.JourneyIds.GetOrAdd("anna"), Day(1), builder.Channels.GetOrAdd("email"));
        builder.AddTouchpoint(builder.JourneyIds.GetOrAdd("ben"), Day(2), builder.Channels.GetOrAdd("search"));
        builder.AddTouchpoint(builder.JourneyIds.GetOrAdd("carl"), Day(3), builder.Channels.GetOrAdd("webinar"));
        builder.AddConversion(builder.JourneyIds.GetOrAdd("acme"), Day(5), 90, kind, "opp1");
        builder.AddConversion(builder.JourneyIds.GetOrAdd("acme"), Day(6), 30, kind, "opp2");
        builder.AddConversion(builder.JourneyIds.GetOrAdd("acme"), Day(7), 5, kind, "opp3");
        return builder.Build();
    }

    private static ConversionContacts Roles(bool primaryOnly) => new(new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["opp1"] = primaryOnly ? ["anna"] : ["anna", "ben"],
        ["opp3"] = primaryOnly ? [] : ["dave"],
    });

    private static Dictionary<string, double> ValueByChannel(AttributionOptions options)
    {
        var result = new AttributionEngine(options).Run(Acme(), AttributionModels.Linear);
        // Every channel of the set has a row; those without credit are left out here.
        var values = result.ByChannel.Where(c => c.Conversions != 0).ToDictionary(c => c.Key, c => c.Value);
        values["(unattributed)"] = result.UnattributedValue;
        return values;
    }

    [Fact]
    public void AllRoles_ListedConversionUsesItsPeople_UnlistedTheWholeAccount()
    {
        // opp1: anna and ben, 45 each; opp2: all three, 10 each; opp3: dave has no touch, unattributed (5).
        ValueByChannel(new AttributionOptions { Reset = ResetRule.Never, ConversionContacts = Roles(primaryOnly: false) })
            .Should().BeEquivalentTo(new Dictionary<string, double> { ["email"] = 55, ["search"] = 55, ["webinar"] = 10, ["(unattributed)"] = 5 });
    }

    [Fact]
    public void PrimaryOnly_ListedConversionUsesItsPrimaryContact()
    {
        // opp1: anna alone, 90; opp2: 10 each; opp3: no primary contact, unattributed (5).
        ValueByChannel(new AttributionOptions { Reset = ResetRule.Never, ConversionContacts = Roles(primaryOnly: true) })
            .Should().BeEquivalentTo(new Dictionary<string, double> { ["email"] = 100, ["search"] = 10, ["webinar"] = 10, ["(unattributed)"] = 5 });
    }

    [Fact]
    public void WithoutRoles_EveryConversionUsesTheWholeAccount()
    {
        // opp1 (90): 30 each; opp2 (30): 10 each; opp3 (5): 5/3 each.
        var third = 5.0 / 3;
        var values = ValueByChannel(new AttributionOptions { Reset = ResetRule.Never });
        values["email"].Should().BeApproximately(40 + third, 1e-9);
        values["webinar"].Should().BeApproximately(40 + third, 1e-9);
        values["(unattributed)"].Should().Be(0);
    }

    [Fact]
    public void ExcludedChannels_ApplyToTheContactsTouches()
    {
        // opp1's people touched email (excluded) and search: search takes all 90. opp2: search and webinar 15 each.
        ValueByChannel(new AttributionOptions { Reset = ResetRule.Never, ExcludedChannels = ["email"], ConversionContacts = Roles(primaryOnly: false) })
            .Should().BeEquivalentTo(new Dictionary<string, double> { ["search"] = 105, ["webinar"] = 15, ["(unattributed)"] = 5 });
    }

    [Fact]
    public void Milestones_AreTheContactsTouches()
    {
        // W-shaped on opp1 of stage 1 (one stage): first touch anna/email and last ben/search share the credit 50/50 (the
        // two milestones, no middle); carl's webinar on day 3, the account's last touch, is no contact of opp1.
        var options = new AttributionOptions { Reset = ResetRule.Never, Stages = ["opportunity"], ConversionContacts = Roles(primaryOnly: false) };
        var result = new AttributionEngine(options with { Period = new ReportingPeriod(Day(4), Day(5.5)) }).Run(Acme(), AttributionModels.Create("w-shaped"));
        result.ByChannel.Where(c => c.Conversions != 0).Should().BeEquivalentTo([new { Key = "email", Value = 45.0 }, new { Key = "search", Value = 45.0 }]);
    }

    [Fact]
    public void OneJourney_TheJourneyIsThePersonOfItsTouches()
    {
        var journey = new Journey("anna", [Touch(-1, "email")], [new Conversion(T0, 10, "order", "o1")]);
        var others = new ConversionContacts(new Dictionary<string, IReadOnlyCollection<string>> { ["o1"] = ["ben"] });
        var hers = new ConversionContacts(new Dictionary<string, IReadOnlyCollection<string>> { ["o1"] = ["anna"] });

        new AttributionEngine(new AttributionOptions { ConversionContacts = others }).Attribute(journey, AttributionModels.Linear).Credits.Should().BeEmpty();
        new AttributionEngine(new AttributionOptions { ConversionContacts = hers }).Attribute(journey, AttributionModels.Linear).Credits.Should().ContainSingle();
    }

    [Fact]
    public void TimeToConversion_StartsAtTheContactsFirstTouch()
    {
        var contacts = new ConversionContacts(new Dictionary<string, IReadOnlyCollection<string>> { ["opp1"] = ["carl"], ["opp3"] = ["dave"] });
        var bins = Attribution.Reports.JourneyStatistics.TimeToConversion(Acme(), new AttributionOptions { Reset = ResetRule.Never, ConversionContacts = contacts })
            .ToDictionary(b => b.Label, b => b.Count);

        // opp1 from carl's touch (day 3): 2 days, not 4; opp2 (unlisted) from anna's (day 1): 5 days; opp3: dave never touched, not counted.
        bins["1–3 d"].Should().Be(1);
        bins["3–7 d"].Should().Be(1);
        bins.Values.Sum().Should().Be(2);
    }

    [Fact]
    public void Explain_ATouchOfNoContact_SaysSo()
    {
        var journey = new Journey("anna", [Touch(-1, "email")], [new Conversion(T0, 10, "order", "o1")]);
        var others = new ConversionContacts(new Dictionary<string, IReadOnlyCollection<string>> { ["o1"] = ["ben"] });

        var explained = new AttributionEngine(new AttributionOptions { ConversionContacts = others }).Explain(journey, AttributionModels.Linear);

        explained.Conversions.Single().Touches.Single().Eligibility.Should().Be(Attribution.Reports.TouchEligibility.NotAContact);
    }
}
