using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class LinearModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Attribute_EveryTouchGetsOneNth(int n)
        => Shares(AttributionModels.Linear, Touches(n)).Should().AllSatisfy(s => s.Should().BeApproximately(1.0 / n, 1e-15));

    [Fact]
    public void Attribute_ChannelMetThreeTimes_GetsThreeShares()
    {
        // a, b, a, a: four touches of 1/4 each → a 3/4 × 200 = 150, b 1/4 × 200 = 50.
        var journey = JourneyOf("j", [Touch(-4, "a"), Touch(-3, "b"), Touch(-2, "a"), Touch(-1, "a")], Conv(0, 200));

        var result = Run(AttributionModels.Linear, null, journey);

        result.Channel("a").Should().Be(new CreditTotal("a", 0.75, 150));
        result.Channel("b").Should().Be(new CreditTotal("b", 0.25, 50));
    }

    [Fact]
    public void Name_IsLinear() => AttributionModels.Linear.Name.Should().Be("linear");
}
