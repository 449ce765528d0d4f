using Attribution.Reports;

namespace Attribution.Tests.Reports;

public sealed class SpendTableTests
{
    [Fact]
    public void Constructor_SumsPerChannelAndPerCampaign_InOrderOfFirstAppearance()
    {
        var table = new SpendTable(
            [
                new SpendLine("social", "launch", null, 10),
                new SpendLine("search", "brand", null, 20),
                new SpendLine("social", null, null, 5),
                new SpendLine("display", "launch", null, 1.5),
            ],
            " usd ");

        // social 10 + 5 = 15; search 20; display 1.5. launch 10 + 1.5 = 11.5 on two channels; brand 20.
        table.Currency.Should().Be("usd");
        table.Total.Should().Be(36.5);
        table.ByChannel.Select(t => (t.Key, t.Cost)).Should().Equal(("social", 15), ("search", 20), ("display", 1.5));
        table.ByCampaign.Select(t => (t.Key, t.Cost)).Should().Equal(("launch", 11.5), ("brand", 20));
        table.ByCampaign[0].Channels.Should().Equal("social", "display");
        table.GetChannelSpend("email").Should().Be(0);
        table.GetCampaignSpend("launch").Should().Be(11.5);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SpendLine_BadCost_Throws(double cost)
    {
        var build = () => new SpendLine("search", null, null, cost);

        build.Should().Throw<ArgumentException>().WithParameterName(nameof(cost));
    }

    [Fact]
    public void SpendLine_BlankCampaign_MeansNone()
    {
        new SpendLine("search", "  ", null, 1).Campaign.Should().BeNull();
    }

    [Fact]
    public void Constructor_DefaultLine_Throws()
    {
        var build = () => new SpendTable([default]);

        build.Should().Throw<ArgumentException>().WithParameterName("lines");
    }
}
