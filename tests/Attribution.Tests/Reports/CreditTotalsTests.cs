using Attribution.Engine;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Reports;

public sealed class CreditTotalsTests
{
    [Fact]
    public void ByChannel_LooksUpByName()
    {
        // Linear on the fixture: search 150 + 100 = 250 over 1.5 conversions, email 150 over 0.5, display nothing.
        var result = new AttributionEngine().Run(Attribution.Journeys.JourneySet.Create(ReportFixtures.Journeys()), AttributionModels.Linear);

        result.ByChannel["search"].Should().Be(new CreditTotal("search", 1.5, 250));
        result.ByChannel["email"].Value.Should().Be(150);
        result.ByChannel["display"].Conversions.Should().Be(0);
        result.ByCampaign["brand"].Value.Should().Be(250);
        result.ByCampaign[AttributionResult.NoCampaignKey].Value.Should().Be(150);
        result.ByChannel[0].Key.Should().Be("search", "the position indexer still works");
    }

    [Fact]
    public void UnknownKey_ThrowsNamingTheKeyAndTheKnownOnes()
    {
        var result = new AttributionEngine().Run(Attribution.Journeys.JourneySet.Create(ReportFixtures.Journeys()), AttributionModels.Linear);

        var act = () => result.ByChannel["Search"];

        act.Should().Throw<KeyNotFoundException>().WithMessage("No credit total is keyed 'Search'; the keys are: search, email, display.");
        result.ByChannel.TryGetValue("social", out _).Should().BeFalse();
        result.ByChannel.TryGetValue("email", out var email).Should().BeTrue();
        email.Conversions.Should().Be(0.5);
        result.ByChannel.ContainsKey("display").Should().BeTrue();
    }
}
