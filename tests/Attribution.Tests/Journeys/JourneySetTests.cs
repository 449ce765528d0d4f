using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

public sealed class JourneySetTests
{
    [Fact]
    public void Create_RoundTripsJourneysInUtc()
    {
        var plusTwo = new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.FromHours(2));
        var journeys = new[]
        {
            new Journey("ann", [new Touchpoint(plusTwo, "email", "spring"), Touch(-1, "search")], [new Conversion(T0, 120, "order", "o-7")]),
            new Journey("bob", [Touch(-3, "display")]),
            new Journey("cid", [], [Conv(0, 5)]),
        };

        var set = JourneySet.Create(journeys);

        set.Count.Should().Be(3);
        set.JourneyIds.Should().Equal("ann", "bob", "cid");
        set.Channels.Should().Equal("search", "email", "display");
        set.Campaigns.Should().Equal("spring");
        set.Kinds.Should().Equal("order", "conversion");

        var ann = set.GetJourney(0);
        ann.Id.Should().Be("ann");
        ann.Touchpoints.Should().Equal(Touch(-1, "search"), new Touchpoint(plusTwo.ToUniversalTime(), "email", "spring"));
        ann.Touchpoints[1].Instant.Offset.Should().Be(TimeSpan.Zero);
        ann.Conversions.Should().Equal(new Conversion(T0, 120, "order", "o-7"));
        set.GetJourney(1).Conversions.Should().BeEmpty();
        set.GetJourney(2).Touchpoints.Should().BeEmpty();
    }

    [Fact]
    public void Create_DuplicateIds_Throws()
    {
        var act = () => JourneySet.Create([new Journey("j", [Touch(0, "a")]), new Journey("j", [Touch(0, "b")])]);

        act.Should().Throw<ArgumentException>().WithMessage("*'j'*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Accessors_IndexOutOfRange_Throw(int index)
    {
        var set = JourneySet.Create([new Journey("j", [Touch(0, "a")], [Conv(0)])]);

        set.Invoking(s => s.GetJourney(index)).Should().Throw<ArgumentOutOfRangeException>();
        set.Invoking(s => s.GetTouchpoint(index)).Should().Throw<ArgumentOutOfRangeException>();
        set.Invoking(s => s.GetConversion(index)).Should().Throw<ArgumentOutOfRangeException>();
        set.Invoking(s => s.GetTouchpointRange(index)).Should().Throw<ArgumentOutOfRangeException>();
        set.Invoking(s => s.GetConversionRange(index)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
