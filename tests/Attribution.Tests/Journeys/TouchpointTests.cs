using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

public sealed class TouchpointTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Constructor_EmptyOrBlankChannel_ThrowsNamingChannel(string channel)
    {
        var act = () => new Touchpoint(T0, channel);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("channel");
    }

    [Fact]
    public void Constructor_NullChannel_ThrowsArgumentNullNamingChannel()
    {
        var act = () => new Touchpoint(T0, null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("channel");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankCampaign_MeansNoCampaign(string? campaign)
        => new Touchpoint(T0, "email", campaign).Campaign.Should().BeNull();

    [Fact]
    public void Constructor_KeepsWhatItWasGiven()
    {
        var at = new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.FromHours(2));

        var touch = new Touchpoint(at, "email", "spring");

        touch.Instant.Should().Be(at);
        touch.Instant.Offset.Should().Be(TimeSpan.FromHours(2));
        touch.Channel.Should().Be("email");
        touch.Campaign.Should().Be("spring");
    }

    [Fact]
    public void Equality_IsByValue()
    {
        new Touchpoint(T0, "email", "spring").Should().Be(new Touchpoint(T0, "email", "spring"));
        new Touchpoint(T0, "email").Should().NotBe(new Touchpoint(T0, "search"));
    }
}
