using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class FirstTouchModelTests
{
    [Fact]
    public void Attribute_GivesEverythingToTheEarliestTouch_WhateverTheInputOrder()
    {
        // Given out of order; by time: search(−5), email(−3), display(−1) → search gets 1 × 80.
        var journey = JourneyOf("j", [Touch(-3, "email"), Touch(-1, "display"), Touch(-5, "search")], Conv(0, 80));

        var credits = AttributionModels.FirstTouch.Attribute(journey).Credits;

        credits.Select(c => (c.Touchpoint.Channel, c.Share, c.Value)).Should().Equal(("search", 1, 80), ("email", 0, 0), ("display", 0, 0));
    }

    [Fact]
    public void Attribute_TiesAtTheFirstInstant_GoToTheOneGivenFirst()
    {
        Shares(AttributionModels.FirstTouch, Touch(-2, "x"), Touch(-2, "y")).Should().Equal(1, 0);
        Shares(AttributionModels.FirstTouch, Touch(-2, "y"), Touch(-2, "x")).Should().Equal(1, 0);
        AttributionModels.FirstTouch.Attribute(JourneyOf("j", [Touch(-2, "y"), Touch(-2, "x")], Conv(0)))
            .Credits[0].Touchpoint.Channel.Should().Be("y");
    }

    [Fact]
    public void Name_IsFirstTouch() => AttributionModels.FirstTouch.Name.Should().Be("first-touch");
}
