using Attribution.B2B;
using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.B2B;

public sealed class AccountEngagementTests
{
    private static JourneySet Acme()
    {
        var builder = new JourneySetBuilder { Accounts = new AccountMap([new("anna", "acme"), new("ben", "acme")]) };
        void Touch(string person, double day, string channel, string campaign)
            => builder.AddTouchpoint(builder.JourneyIds.GetOrAdd(person), Day(day), builder.Channels.GetOrAdd(channel), builder.Campaigns.GetOrAdd(campaign));
        void Convert(double day, string kind)
            => builder.AddConversion(builder.JourneyIds.GetOrAdd("acme"), Day(day), 1, builder.Kinds.GetOrAdd(kind));

        Touch("anna", 1, "webinar", "spring-webinar");
        Touch("ben", 2, "webinar", "spring-webinar");   // at the lead's instant: before it, so no stage yet
        Convert(2, "lead");
        Touch("anna", 3, "email", "nurture");           // stage lead
        Convert(4, "opportunity");
        Touch("ben", 5, "webinar", "spring-webinar");   // stage opportunity
        Touch("anna", 6, "webinar", "spring-webinar");  // stage opportunity
        Touch("carl", 1, "social", "brand");            // no account: not reported, counted
        return builder.Build();
    }

    [Fact]
    public void ByCampaign_CountsTouchesPeopleAndStagesPerAccountAndCampaign()
    {
        var report = AccountEngagement.ByCampaign(Acme(), ["lead", "opportunity", "order"]);

        report.Stages.Should().Equal("(none)", "lead", "opportunity", "order");
        report.PeopleWithoutAccount.Should().Be(1);
        report.Rows.Should().HaveCount(2);
        var webinar = report.Rows[0];
        webinar.Should().BeEquivalentTo(new { Account = "acme", Campaign = "spring-webinar", Channel = "webinar", Touches = 4, People = 2, FirstEngagement = Day(1), LastEngagement = Day(6) });
        webinar.TouchesByStage.Should().Equal(2, 0, 2, 0);
        var email = report.Rows[1];
        email.Should().BeEquivalentTo(new { Account = "acme", Campaign = "nurture", Channel = "email", Touches = 1, People = 1, FirstEngagement = Day(3), LastEngagement = Day(3) });
        email.TouchesByStage.Should().Equal(0, 1, 0, 0);
    }

    [Fact]
    public void ByChannel_HasNoCampaign()
    {
        var report = AccountEngagement.ByChannel(Acme(), []);
        report.Stages.Should().Equal("(none)");
        report.Rows.Select(r => (r.Campaign, r.Channel, r.Touches, r.People, r.TouchesByStage[0])).Should().Equal((null, "webinar", 4, 2, 4), (null, "email", 1, 1, 1));
    }

    [Fact]
    public void StageNamedTwice_IsRejected()
    {
        var act = () => AccountEngagement.ByCampaign(Acme(), ["lead", "lead"]);
        act.Should().Throw<ArgumentException>();
    }
}
