using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

public sealed class ChannelWeightsModelTests
{
    private static readonly IAttributionModel SearchTwiceDisplayNever = AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
    {
        Weights = new Dictionary<string, double> { ["search"] = 2, ["display"] = 0 },
    });

    [Fact]
    public void Attribute_ListedWeightsAndOneForUnlisted_Normalised()
    {
        // search 2, email (unlisted) 1, display 0, email 1: sum 4 → 0.5, 0.25, 0, 0.25.
        var shares = Shares(SearchTwiceDisplayNever, Touch(-4, "search"), Touch(-3, "email"), Touch(-2, "display"), Touch(-1, "email"));

        shares.Should().Equal(0.5, 0.25, 0, 0.25);
    }

    [Fact]
    public void Attribute_AllEligibleWeightsZero_ConversionIsUnattributed()
    {
        var journey = JourneyOf("j", [Touch(-2, "display"), Touch(-1, "display")], Conv(0, 40));

        var attribution = SearchTwiceDisplayNever.Attribute(journey);
        var result = Run(SearchTwiceDisplayNever, null, journey);

        attribution.Credits.Should().BeEmpty();
        attribution.Unattributed.Should().Equal(Conv(0, 40));
        result.Unattributed.Should().Be(new CreditTotal("(unattributed)", 1, 40));
        result.CreditedConversions.Should().Be(0);
        result.Channel("display").Should().Be(new CreditTotal("display", 0, 0));
    }

    [Fact]
    public void Attribute_DefaultWeightZero_OnlyListedChannelsEarn()
    {
        // search 3, email 0 (default), social 1: sum 4 → 0.75, 0, 0.25.
        var model = AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double> { ["search"] = 3, ["social"] = 1 },
            DefaultWeight = 0,
        });

        Shares(model, Touch(-3, "search"), Touch(-2, "email"), Touch(-1, "social")).Should().Equal(0.75, 0, 0.25);
    }

    [Fact]
    public void Attribute_ChannelNamesAreCaseSensitive()
    {
        // "Search" is not "search": it weighs the default 1, against 2 for "search" → 2/3, 1/3.
        Shares(SearchTwiceDisplayNever, Touch(-2, "search"), Touch(-1, "Search")).Should().Equal([2.0 / 3, 1.0 / 3], Close);
    }

    [Fact]
    public void Attribute_SameModelOverTwoJourneySets_ResolvesEachSetsChannels()
    {
        // The model caches weights by channel id; a second set numbers its channels differently.
        var first = Run(SearchTwiceDisplayNever, null, JourneyOf("a", [Touch(-2, "search"), Touch(-1, "email")], Conv(0)));
        var second = Run(SearchTwiceDisplayNever, null, JourneyOf("b", [Touch(-2, "email"), Touch(-1, "search")], Conv(0)));

        first.Channel("search").Conversions.Should().BeApproximately(2.0 / 3, 1e-15);
        second.Channel("search").Conversions.Should().BeApproximately(2.0 / 3, 1e-15);
        second.Channel("email").Conversions.Should().BeApproximately(1.0 / 3, 1e-15);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ChannelWeights_BadWeight_ThrowsNamingWeights(double weight)
    {
        var act = () => AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double> { ["search"] = weight },
        });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options.Weights");
    }

    [Fact]
    public void ChannelWeights_BlankChannelName_ThrowsNamingWeights()
    {
        var act = () => AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double> { [" "] = 1 },
        });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options.Weights");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ChannelWeights_BadDefaultWeight_ThrowsNamingIt(double weight)
    {
        var act = () => AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { DefaultWeight = weight });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options.DefaultWeight");
    }

    [Fact]
    public void Name_IsChannelWeights() => SearchTwiceDisplayNever.Name.Should().Be("channel-weights");
}
