using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Reports;

public sealed class ModelComparisonTests
{
    private static AttributionReport Report()
    {
        var day = ReportFixtures.Day0;
        var journeys = new[]
        {
            new Journey("j1", [new Touchpoint(day.AddDays(-3), "a"), new Touchpoint(day.AddDays(-2), "b"), new Touchpoint(day.AddDays(-1), "c")], [new Conversion(day, 90)]),
            new Journey("j2", [new Touchpoint(day.AddDays(-1), "c")], [new Conversion(day, 20)]),
        };
        return new AttributionEngine().Run(journeys, [AttributionModels.FirstTouch, AttributionModels.UShaped(), AttributionModels.Linear]);
    }

    [Fact]
    public void ByChannel_SharesAndSpreadsWorkedByHand_LargestSpreadFirst()
    {
        var comparison = ModelComparison.ByChannel(Report());

        // Total 110 under every model.
        // first-touch: a 90, b 0, c 20          → shares 0.81818, 0,       0.18182
        // u-shaped:    a 36, b 18, c 36 + 20    → shares 0.32727, 0.16364, 0.50909
        // linear:      a 30, b 30, c 30 + 20    → shares 0.27273, 0.27273, 0.45455
        // Spreads: a (90 − 30) / 110 = 0.54545, c (56 − 20) / 110 = 0.32727, b 30 / 110 = 0.27273.
        comparison.Models.Should().Equal("first-touch", "u-shaped", "linear");
        comparison.Totals.Should().Equal([110.0, 110.0, 110.0], (x, y) => Math.Abs(x - y) < 1e-9);
        comparison.Rows.Select(r => r.Key).Should().Equal("a", "c", "b");
        comparison.Rows.Select(r => r.Spread).Should().Equal([60 / 110.0, 36 / 110.0, 30 / 110.0], (x, y) => Math.Abs(x - y) < 1e-9);

        var a = comparison.Rows[0];
        a.Values.Should().Equal([90.0, 36.0, 30.0], (x, y) => Math.Abs(x - y) < 1e-9);
        a.Shares.Should().Equal([90 / 110.0, 36 / 110.0, 30 / 110.0], (x, y) => Math.Abs(x - y) < 1e-9);
        a.Conversions.Should().Equal([1.0, 0.4, 1 / 3.0], (x, y) => Math.Abs(x - y) < 1e-9);
    }

    [Fact]
    public void ByChannel_SharesOfEachModelAddUpToOne()
    {
        var comparison = ModelComparison.ByChannel(Report());

        for (var m = 0; m < comparison.Models.Count; m++)
        {
            comparison.Rows.Sum(r => r.Shares[m]).Should().BeApproximately(1, 1e-12);
        }
    }

    [Fact]
    public void ByCampaign_ModelThatCreditsNothing_GivesZeroSharesNotNaN()
    {
        var day = ReportFixtures.Day0;
        var journey = new Journey("j", [new Touchpoint(day.AddDays(-200), "a", "x")], [new Conversion(day, 10)]);

        // The only touch is outside the 90-day lookback: nothing is credited, the totals are 0.
        var comparison = ModelComparison.ByCampaign(new AttributionEngine().Run([journey], [AttributionModels.Linear, AttributionModels.LastTouch]));

        comparison.Rows.Should().ContainSingle().Which.Shares.Should().Equal(0.0, 0.0);
        comparison.Rows[0].Spread.Should().Be(0);
    }
}
