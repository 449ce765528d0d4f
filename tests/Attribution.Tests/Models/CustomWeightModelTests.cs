using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class CustomWeightModelTests
{
    [Fact]
    public void Attribute_DelegateWeights_AreNormalised()
    {
        // Weights position + 1 = 1, 2, 3; sum 6 → 1/6, 2/6, 3/6.
        var model = AttributionModels.Custom("rising", a => a.Position + 1);

        Shares(model, Touches(3)).Should().Equal([1.0 / 6, 2.0 / 6, 3.0 / 6], Close);
        model.Name.Should().Be("rising");
    }

    [Fact]
    public void Attribute_DelegateSeesTheTouchAndTheConversion()
    {
        var seen = new List<TouchpointWeightArguments>();
        var model = AttributionModels.Custom("spy", a =>
        {
            seen.Add(a);
            return 1;
        });
        var journey = JourneyOf("j", [Touch(-2.5, "search", "spring"), Touch(-1, "email")], Conv(0, 70));

        model.Attribute(journey);

        seen.Select(a => (a.Position, a.Count, a.Channel, a.Campaign, a.IsFirst, a.IsLast))
            .Should().Equal((0, 2, "search", "spring", true, false), (1, 2, "email", (string?)null, false, true));
        seen[0].Age.Should().Be(TimeSpan.FromDays(2.5));
        seen[0].Instant.Should().Be(Day(-2.5));
        seen[1].ConversionInstant.Should().Be(T0);
        seen[1].ConversionValue.Should().Be(70);
    }

    [Fact]
    public void Attribute_AllWeightsZero_ConversionIsUnattributed()
    {
        var model = AttributionModels.Custom("nothing", _ => 0);

        var result = model.Attribute(JourneyOf("j", [Touch(-1, "a"), Touch(-1, "b")], Conv(0, 9)));

        result.Credits.Should().BeEmpty();
        result.Unattributed.Should().Equal(Conv(0, 9));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Attribute_BadWeight_EngineThrowsNamingTheModel(double weight)
    {
        var model = AttributionModels.Custom("broken", _ => weight);

        var act = () => model.Attribute(JourneyOf("j", [Touch(-1, "a")], Conv(0)));

        act.Should().Throw<InvalidOperationException>().WithMessage("*'broken'*");
    }

    [Fact]
    public void Attribute_WeightsWhoseSumOverflows_AreScaledWithoutOverflow()
    {
        // MaxValue + MaxValue is ∞ in doubles; the engine rescales instead: two equal weights → ½ each.
        var model = AttributionModels.Custom("huge", _ => double.MaxValue);

        var result = model.Attribute(JourneyOf("j", [Touch(-2, "a"), Touch(-1, "b")], Conv(0, 10)));

        result.Credits.Select(c => c.Share).Should().Equal(0.5, 0.5);
        result.Credits.Select(c => c.Value).Should().Equal(5.0, 5.0);
    }

    [Fact]
    public void Custom_BlankName_ThrowsNamingName()
    {
        var act = () => AttributionModels.Custom(" ", _ => 1);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
    }
}
