using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class LastTouchModelTests
{
    [Fact]
    public void Attribute_GivesEverythingToTheLatestTouch()
    {
        // By time: search(−5), display(−3), email(−1) → email gets 1 × 80.
        var journey = JourneyOf("j", [Touch(-1, "email"), Touch(-5, "search"), Touch(-3, "display")], Conv(0, 80));

        var credits = AttributionModels.LastTouch.Attribute(journey).Credits;

        credits.Select(c => (c.Touchpoint.Channel, c.Share, c.Value)).Should().Equal(("search", 0, 0), ("display", 0, 0), ("email", 1, 80));
    }

    [Fact]
    public void Attribute_TiesAtTheLastInstant_GoToTheOneGivenLast()
    {
        var credits = AttributionModels.LastTouch.Attribute(JourneyOf("j", [Touch(-1, "x"), Touch(-1, "y")], Conv(0))).Credits;

        credits.Single(c => c.Share == 1).Touchpoint.Channel.Should().Be("y");
    }

    [Fact]
    public void Attribute_TouchAtTheConversionInstant_IsTheLastTouch()
    {
        // A touch at the conversion's own instant counts as before it, so it is the last eligible touch.
        var credits = AttributionModels.LastTouch.Attribute(JourneyOf("j", [Touch(-1, "a"), Touch(0, "b")], Conv(0))).Credits;

        credits.Single(c => c.Share == 1).Touchpoint.Channel.Should().Be("b");
    }

    [Fact]
    public void Name_IsLastTouch() => AttributionModels.LastTouch.Name.Should().Be("last-touch");
}
