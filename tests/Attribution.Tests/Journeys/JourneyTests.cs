using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

public sealed class JourneyTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_BlankId_ThrowsNamingId(string id)
    {
        var act = () => new Journey(id, [Touch(-1, "a")]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
    }

    [Fact]
    public void Constructor_NeitherTouchpointsNorConversions_Throws()
    {
        var act = () => new Journey("j", [], []);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("touchpoints");
    }

    [Fact]
    public void Constructor_DefaultTouchpoint_Throws()
    {
        var act = () => new Journey("j", [default(Touchpoint)]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("touchpoints");
    }

    [Fact]
    public void Constructor_DefaultConversion_Throws()
    {
        var act = () => new Journey("j", [Touch(-1, "a")], [default(Conversion)]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("conversions");
    }

    [Fact]
    public void Constructor_OnlyConversions_IsAllowed()
    {
        var journey = new Journey("j", [], [Conv(0)]);

        journey.Touchpoints.Should().BeEmpty();
        journey.Conversions.Should().ContainSingle();
    }

    [Fact]
    public void Constructor_NullConversions_MeansNone()
        => new Journey("j", [Touch(0, "a")], null).Conversions.Should().BeEmpty();

    [Fact]
    public void Constructor_SortsByInstant_StableAtEqualInstants()
    {
        // Input order: c(+2), x(0), a(−1), y(0), b(−1): sorted by time, ties kept in input order → a, b, x, y, c.
        var journey = new Journey(
            "j",
            [Touch(2, "c"), Touch(0, "x"), Touch(-1, "a"), Touch(0, "y"), Touch(-1, "b")],
            [Conv(3, 30), Conv(1, 10), Conv(1, 11)]);

        journey.Touchpoints.Select(t => t.Channel).Should().Equal("a", "b", "x", "y", "c");
        journey.Conversions.Select(c => c.Value).Should().Equal(10, 11, 30);
    }

    [Fact]
    public void Constructor_SortsByInstantNotByLocalTime()
    {
        // 10:00+02:00 is 08:00Z, before 09:00Z, although its local clock reads later.
        var early = new Touchpoint(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)), "early");
        var late = new Touchpoint(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), "late");

        new Journey("j", [late, early]).Touchpoints.Select(t => t.Channel).Should().Equal("early", "late");
    }

    [Fact]
    public void Constructor_CopiesItsInput()
    {
        var touches = new[] { Touch(-1, "a") };
        var journey = new Journey("j", touches);

        touches[0] = Touch(-1, "changed");

        journey.Touchpoints.Single().Channel.Should().Be("a");
    }
}
