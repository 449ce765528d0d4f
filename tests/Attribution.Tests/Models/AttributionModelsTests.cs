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
    [InlineData("custom", "channel-weights")]
    [InlineData("channel-weights", "channel-weights")]
    public void Create_KnownName_ReturnsThatModel(string name, string expected)
        => AttributionModels.Create(name).Name.Should().Be(expected);

    [Fact]
    public void Create_EveryRuleBasedName_IsAccepted()
    {
        AttributionModels.RuleBasedNames.Should().Equal(
            "first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights", "j-shaped", "inverse-j", "w-shaped", "full-path", "milestones");
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
        var settings = new ModelSettings
        {
            TimeDecay = new TimeDecayModelOptions { HalfLife = TimeSpan.FromHours(1) },
            UShaped = new UShapedModelOptions { First = 0.3, Middle = 0.5, Last = 0.2 },
            ChannelWeights = new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["a"] = 3 } },
        };
        var decay = AttributionModels.Create("time-decay", settings);
        var shape = AttributionModels.Create("u-shaped", settings);
        var weights = AttributionModels.Create("custom", settings);

        Shares(decay, new(T0.AddHours(-1), "a"), new(T0, "b")).Should().Equal([1.0 / 3, 2.0 / 3], Close);
        Shares(shape, Touches(2)).Should().Equal([0.6, 0.4], Close);
        Shares(weights, Touch(-2, "a"), Touch(-1, "b")).Should().Equal(0.75, 0.25);
    }

    [Fact]
    public void Create_CustomWithoutOptions_WeighsEveryChannelOne()
        => Shares(AttributionModels.Create("custom"), Touches(4)).Should().Equal(0.25, 0.25, 0.25, 0.25);

    [Theory]
    // j-shaped 0.2/0.2/0.6: n = 2 → f/(f+l) = 0.2/0.8 = ¼, ¾; n = 3 → 0.2, 0.2, 0.6; n = 4 → 0.2, 0.2/2 = 0.1, 0.1, 0.6.
    [InlineData("j-shaped", 2, new[] { 0.25, 0.75 })]
    [InlineData("j-shaped", 3, new[] { 0.2, 0.2, 0.6 })]
    [InlineData("j-shaped", 4, new[] { 0.2, 0.1, 0.1, 0.6 })]
    // inverse-j 0.6/0.2/0.2: the mirror image.
    [InlineData("inverse-j", 1, new[] { 1.0 })]
    [InlineData("inverse-j", 2, new[] { 0.75, 0.25 })]
    [InlineData("inverse-j", 4, new[] { 0.6, 0.1, 0.1, 0.2 })]
    public void Create_Preset_GivesItsPositionShares(string name, int touches, double[] expected)
        => Shares(AttributionModels.Create(name), Touches(touches)).Should().Equal(expected, Close);

    [Fact]
    public void Create_Preset_KeepsItsRatiosWhatever_TheUShapedSettings()
    {
        // The settings' u-shaped ratios apply to u-shaped only: j-shaped over 3 touches stays 0.2, 0.2, 0.6.
        var settings = new ModelSettings { UShaped = new UShapedModelOptions { First = 0.5, Middle = 0.3, Last = 0.2 } };

        Shares(AttributionModels.Create("j-shaped", settings), Touches(3)).Should().Equal([0.2, 0.2, 0.6], Close);
        Shares(AttributionModels.Create("u-shaped", settings), Touches(3)).Should().Equal([0.5, 0.3, 0.2], Close);
    }

    [Theory]
    [InlineData("markov")]
    [InlineData("Shapley")]
    public void Create_DataDrivenWithoutPaths_ThrowsSayingItLearnsFromData(string name)
    {
        var act = () => AttributionModels.Create(name, new ModelSettings());

        act.Should().Throw<ArgumentException>().WithMessage("*learns from data*").Which.ParamName.Should().Be("name");
    }

    [Fact]
    public void Names_AreTheRuleBasedThenTheDataDriven()
    {
        AttributionModels.DataDrivenNames.Should().Equal("markov", "shapley");
        AttributionModels.Names.Should().Equal([.. AttributionModels.RuleBasedNames, "markov", "shapley"]);
        AttributionModels.IsDataDriven("MARKOV").Should().BeTrue();
        AttributionModels.IsDataDriven("position-based").Should().BeFalse();
        AttributionModels.Names.Where(AttributionModels.NeedsStages).Should().Equal("w-shaped", "full-path", "milestones");
    }

    [Theory]
    [InlineData(" Position-Based ", "u-shaped")]
    [InlineData("first", "first-touch")]
    [InlineData("shapley", "shapley")]
    public void TryGetCanonicalName_KnownNameOrAlias_GivesTheListedName(string name, string expected)
    {
        AttributionModels.TryGetCanonicalName(name, out var canonical).Should().BeTrue();
        canonical.Should().Be(expected);
    }

    [Fact]
    public void TryGetCanonicalName_UnknownName_IsFalse()
    {
        AttributionModels.TryGetCanonicalName("w-shape", out var canonical).Should().BeFalse();
        canonical.Should().BeNull();
    }

    [Fact]
    public void Create_MarkovWithPaths_FitsItOnThem()
    {
        // Paths a (1 conversion, 1 null) and b (1 null): P(conv) = ½ · ½ = ¼; without a it is 0 (effect 1), without b
        // still ¼ (effect 0). So a journey a, b credits a with all of it.
        var builder = new Attribution.DataDriven.PathSetBuilder();
        builder.Add(["a"], conversions: 1, value: 10, nulls: 1);
        builder.Add(["b"], conversions: 0, value: 0, nulls: 1);

        var model = AttributionModels.Create("markov", new ModelSettings(), builder.Build());

        Shares(model, Touch(-2, "a"), Touch(-1, "b")).Should().Equal([1.0, 0.0], Close);
    }
}
