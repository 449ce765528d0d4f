using Attribution.Reports;
using CsCheck;

namespace Attribution.Tests.Reports;

public sealed class ReturnOnSpendTests
{
    [Fact]
    public void ByChannel_LastTouch_RatiosWorkedByHand()
    {
        var rows = ReturnOnSpend.ByChannel(ReportFixtures.Report()["last-touch"], ReportFixtures.Spend());

        rows.Select(r => r.Key).Should().Equal("search", "email", "display", "social");

        // search: spend 50 + 150 = 200, credited 1 conversion worth 100.
        // ROAS 100 / 200 = 0.5; ROI (100 − 200) / 200 = −0.5; CPA 200 / 1 = 200.
        var search = rows[0];
        search.Spend.Should().Be(200);
        search.Conversions.Should().Be(1);
        search.Value.Should().Be(100);
        search.Roas.Should().Be(0.5);
        search.Roi.Should().Be(-0.5);
        search.Cpa.Should().Be(200);

        // email: no spend line, 1 conversion worth 300: its cost is unknown, so ROAS, ROI and CPA are undefined (n/a, not 0).
        var email = rows[1];
        email.Spend.Should().Be(0);
        email.HasSpendLine.Should().BeFalse();
        email.Roas.Should().BeNull();
        email.Roi.Should().BeNull();
        email.Cpa.Should().BeNull();

        // display: neither spend nor credit: every ratio undefined.
        rows[2].Roas.Should().BeNull();
        rows[2].Roi.Should().BeNull();
        rows[2].Cpa.Should().BeNull();

        // social: 80 spent, nothing earned: ROAS 0 / 80 = 0, ROI (0 − 80) / 80 = −1, CPA 80 / 0 undefined.
        var social = rows[3];
        social.Spend.Should().Be(80);
        social.IsSpendWithoutCredit.Should().BeTrue();
        social.Roas.Should().Be(0);
        social.Roi.Should().Be(-1);
        social.Cpa.Should().BeNull();
    }

    [Fact]
    public void ByChannel_Linear_RatiosWorkedByHand()
    {
        var search = ReturnOnSpend.ByChannel(ReportFixtures.Report()["linear"], ReportFixtures.Spend())[0];

        // Linear: j1 gives search 300 / 2 = 150 (0.5 conversion), j2 gives 100 (1): 250 and 1.5.
        // ROAS 250 / 200 = 1.25; ROI 50 / 200 = 0.25; CPA 200 / 1.5 = 133.333…
        search.Value.Should().Be(250);
        search.Conversions.Should().Be(1.5);
        search.Roas.Should().Be(1.25);
        search.Roi.Should().Be(0.25);
        search.Cpa.Should().BeApproximately(133.3333333, 1e-6);
    }

    [Fact]
    public void ByCampaign_MatchesByCampaignName_AndKeepsSpendWithoutCredit()
    {
        var rows = ReturnOnSpend.ByCampaign(ReportFixtures.Report()["last-touch"], ReportFixtures.Spend());

        rows.Select(r => r.Key).Should().Equal("brand", "banner", AttributionResult.NoCampaignKey, "launch");

        // brand: only the 50 spent on the campaign counts (the 150 without campaign is channel spend).
        // Last touch credits brand with j2: 1 conversion, 100. ROAS 2, ROI (100 − 50) / 50 = 1, CPA 50.
        var brand = rows[0];
        brand.Channels.Should().Equal("search");
        brand.Spend.Should().Be(50);
        brand.Roas.Should().Be(2);
        brand.Roi.Should().Be(1);
        brand.Cpa.Should().Be(50);

        // (none): email's 300, never any spend.
        var none = rows[2];
        none.Channels.Should().Equal("email");
        none.Value.Should().Be(300);
        none.Spend.Should().Be(0);
        none.Roas.Should().BeNull();

        // launch: spend on a campaign absent from the data is reported, not dropped.
        var launch = rows[3];
        launch.Channels.Should().Equal("social");
        launch.Spend.Should().Be(80);
        launch.Value.Should().Be(0);
        launch.Roi.Should().Be(-1);
        launch.Cpa.Should().BeNull();
    }

    [Fact]
    public void Total_Linear_AllSpendAgainstCreditedValue()
    {
        var total = ReturnOnSpend.Total(ReportFixtures.Report()["linear"], ReportFixtures.Spend());

        // Spend 50 + 150 + 80 = 280; credited 2 conversions worth 400.
        // ROAS 400 / 280 = 1.428571…; ROI 120 / 280 = 0.428571…; CPA 280 / 2 = 140.
        total.Key.Should().Be(ReturnOnSpend.TotalKey);
        total.Spend.Should().Be(280);
        total.Roas.Should().BeApproximately(1.4285714, 1e-6);
        total.Roi.Should().BeApproximately(0.4285714, 1e-6);
        total.Cpa.Should().Be(140);
    }

    [Fact]
    public void ByChannel_Report_GivesEveryModelInOrder()
    {
        var rows = ReturnOnSpend.ByChannel(ReportFixtures.Report(), ReportFixtures.Spend());

        rows.Select(r => r.Model).Distinct().Should().Equal("last-touch", "linear");
        rows.Should().HaveCount(8);
    }

    [Fact]
    public void ByChannel_EmptySpend_EveryRatioUndefined()
    {
        var rows = ReturnOnSpend.ByChannel(ReportFixtures.Report()["linear"], SpendTable.Empty);

        rows.Should().OnlyContain(r => r.Roas == null && r.Roi == null && r.Cpa == null && !r.HasSpendLine);
        rows.Should().Contain(r => r.Conversions > 0);
    }

    [Fact]
    public void Ratios_NeverInfinityOrNaN()
    {
        var amounts = Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 1e9]);
        Gen.Select(amounts, amounts, amounts).Sample((spend, conversions, value) =>
        {
            var row = new SpendReturn("m", "k", [], spend, conversions, value);
            foreach (var ratio in new[] { row.Roas, row.Roi, row.Cpa })
            {
                if (ratio is { } r && !double.IsFinite(r))
                {
                    return false;
                }
            }

            return true;
        });
    }
}
