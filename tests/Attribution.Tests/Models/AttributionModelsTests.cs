using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class AttributionModelsTests
{
    [Theory]
    [InlineData("first-touch", "first-touch")]
    [InlineData("first", "first-touch")]
    [InlineData("last-touch", "last-touch")]
    [InlineData("LAST", "last-touch")]
    [InlineData("linear", "linear")]
    [InlineData(" Time-Decay ", "time-decay")]
    [InlineData("u-shaped", "u-shaped")]
    [InlineData("position-based", "u-shaped")]
    [InlineData("custom", "custom")]
    public void Create_KnownName_ReturnsThatModel(string name, string expected)
        => AttributionModels.Create(name).Name.Should().Be(expected);

    [Fact]
    public void Create_EveryRuleBasedName_IsAccepted()
    {
        AttributionModels.RuleBasedNames.Should().Equal(
            "first-touch", "last-touch", "linear", "time-decay", "u-shaped", "j-shaped", "inverse-j", "w-shaped", "full-path", "milestones", "custom");
        AttributionModels.RuleBasedNames.Select(n => AttributionModels.Create(n).Name).Should().Equal(AttributionModels.RuleBasedNames);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingTheKnownOnes()
    {
        var act = () => AttributionModels.Create("markovv");

        act.Should().Throw<ArgumentException>().WithMessage("*'markovv'*first-touch*").Which.ParamName.Should().Be("name");
    }

    [Fact]
    public void Create_WithOptions_AppliesThemToTheNamedModelOnly()
    {
        // time-decay with h = 1 h: touches 1 h and 0 h before → 1/3, 2/3. u-shaped 0.3/0.5/0.2 over 2 → 0.6, 0.4.
        var decay = AttributionModels.Create("time-decay", new TimeDecayModelOptions { HalfLife = TimeSpan.FromHours(1) }, null, null);
        var shape = AttributionModels.Create("u-shaped", null, new UShapedModelOptions { First = 0.3, Middle = 0.5, Last = 0.2 }, null);
        var weights = AttributionModels.Create("custom", null, null, new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["a"] = 3 } });

        Shares(decay, new(T0.AddHours(-1), "a"), new(T0, "b")).Should().Equal([1.0 / 3, 2.0 / 3], Close);
        Shares(shape, Touches(2)).Should().Equal([0.6, 0.4], Close);
        Shares(weights, Touch(-2, "a"), Touch(-1, "b")).Should().Equal(0.75, 0.25);
    }

    [Fact]
    public void Create_CustomWithoutOptions_WeighsEveryChannelOne()
        => Shares(AttributionModels.Create("custom"), Touches(4)).Should().Equal(0.25, 0.25, 0.25, 0.25);
}
