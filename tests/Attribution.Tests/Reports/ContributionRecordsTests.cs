using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;

namespace Attribution.Tests.Reports;

public sealed partial class ContributionRecordsTests
{
    [Fact]
    public void From_Linear_OneRecordPerCampaignAndConversion_WorkedByHand()
    {
        var records = ContributionRecords.From(ReportFixtures.Report(touchpoints: true)["linear"]);

        // j1 (order-1, 300): search/brand and email/no campaign, 1/2 each = 150. j2 (no id, 100): search/brand, all of it.
        records.Select(r => (r.Campaign, r.Channel, r.JourneyId, r.ConversionId, r.Share, r.Value)).Should().Equal(
            ("brand", "search", "j1", "order-1", 0.5, 150.0),
            (AttributionResult.NoCampaignKey, "email", "j1", "order-1", 0.5, 150.0),
            ("brand", "search", "j2", "j2#order#1", 1.0, 100.0));
        records.Should().OnlyContain(r => r.Model == "linear" && r.ConversionKind == "order" && r.ConversionInstant == ReportFixtures.Day0);
        records[0].ConversionValue.Should().Be(300);
    }

    [Fact]
    public void From_SameCampaignTouchedTwice_SumsIntoOneRecord()
    {
        var day = ReportFixtures.Day0;
        var journey = new Journey(
            "j",
            [new Touchpoint(day.AddDays(-3), "search", "brand"), new Touchpoint(day.AddDays(-2), "email", "news"), new Touchpoint(day.AddDays(-1), "search", "brand")],
            [new Conversion(day, 90)]);
        var result = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(JourneySet.Create([journey]), AttributionModels.Linear);

        var records = ContributionRecords.From(result);

        // Linear: 1/3 each; brand has two touches: 2/3 = 60, news 1/3 = 30.
        records.Select(r => (r.Campaign, r.Value)).Should().Equal(("brand", 60.0), ("news", 30.0));
        records[0].Share.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void From_WithoutTouchpointCredits_ThrowsNamingTheOption()
    {
        var build = () => ContributionRecords.From(ReportFixtures.Report(touchpoints: false));

        build.Should().Throw<InvalidOperationException>().WithMessage("*IncludeTouchpointCredits*");
    }

    [Fact]
    public void ForConversion_AndForCampaign_GiveBothSides()
    {
        var records = ContributionRecords.From(ReportFixtures.Report(touchpoints: true));

        records.ForConversion("order-1", "last-touch").Select(r => (r.Campaign, r.Share)).Should().Equal((AttributionResult.NoCampaignKey, 1.0));
        records.ForConversion("order-1").Should().HaveCount(3);
        records.ForCampaign("brand", "linear").Select(r => r.ConversionId).Should().Equal("order-1", "j2#order#1");
    }

    [Fact]
    public void ByCampaign_WithSpend_TotalsAndRoiWorkedByHand()
    {
        var rows = ContributionRecords.From(ReportFixtures.Report(touchpoints: true)["linear"]).ByCampaign(ReportFixtures.Spend());

        // brand: 2 conversions influenced, shares 0.5 + 1 = 1.5, value 150 + 100 = 250, spend 50: ROI (250 − 50) / 50 = 4, ROAS 5.
        var brand = rows.Single(r => r.Campaign == "brand");
        brand.InfluencedConversions.Should().Be(2);
        brand.CreditedConversions.Should().Be(1.5);
        brand.Value.Should().Be(250);
        brand.Spend.Should().Be(50);
        brand.Roi.Should().Be(4);
        brand.Roas.Should().Be(5);
        var none = rows.Single(r => r.Campaign == AttributionResult.NoCampaignKey);
        none.Spend.Should().Be(0);
        none.Roi.Should().BeNull();
    }

    [Fact]
    public void GetConversionId_DerivedIds_CountPerKindAndIgnoreInputOrder()
    {
        var day = ReportFixtures.Day0;
        var a = new Journey("a", [new Touchpoint(day.AddDays(-5), "search")], [new Conversion(day.AddDays(-1), 1, "lead"), new Conversion(day, 5, "order"), new Conversion(day.AddDays(1), 7, "order")]);
        var b = new Journey("b", [new Touchpoint(day, "email")], [new Conversion(day, 2, "order", "X-9")]);
        var empty = new Journey("e", [new Touchpoint(day, "email")], []);

        static string[] Ids(JourneySet set) => Enumerable.Range(0, set.ConversionCount).Select(c => ContributionRecords.GetConversionId(set, c)).Order(StringComparer.Ordinal).ToArray();

        var forward = Ids(JourneySet.Create([empty, a, b]));
        var backward = Ids(JourneySet.Create([b, a, empty]));

        forward.Should().Equal("X-9", "a#lead#1", "a#order#1", "a#order#2");
        backward.Should().Equal(forward);
    }

    [Fact]
    public void From_RandomJourneys_RecordsSumToEachConversionAndEachCampaign()
    {
        var touch = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 2].Select(i => "abc"[i].ToString()), Gen.Int[0, 2].Select(i => i == 2 ? null : "xy"[i].ToString()));
        var conversion = Gen.Select(Gen.Int[0, 30], Gen.Double[0, 1000]);
        var journey = Gen.Select(touch.Array[1, 5], conversion.Array[0, 3]);
        journey.Array[1, 8].Sample(shapes =>
        {
            var day = ReportFixtures.Day0;
            var journeys = shapes.Select((s, i) => new Journey(
                $"j{i}",
                s.Item1.Select(t => new Touchpoint(day.AddDays(t.Item1), t.Item2, t.Item3)),
                s.Item2.Select(c => new Conversion(day.AddDays(c.Item1), c.Item2)))).ToList();
            var report = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true, Lookback = TimeSpan.FromDays(10) })
                .Run(journeys, [AttributionModels.Linear, AttributionModels.TimeDecay(), AttributionModels.UShaped()]);
            var records = ContributionRecords.From(report);

            foreach (var result in report.Results)
            {
                var mine = records.Where(r => r.Model == result.Model).ToList();
                foreach (var conversion in mine.GroupBy(r => r.ConversionId))
                {
                    if (Math.Abs(conversion.Sum(r => r.Value) - conversion.First().ConversionValue) > 1e-6 || Math.Abs(conversion.Sum(r => r.Share) - 1) > 1e-9)
                    {
                        return false;
                    }
                }

                foreach (var campaign in result.ByCampaign)
                {
                    if (Math.Abs(mine.Where(r => r.Campaign == campaign.Key).Sum(r => r.Value) - campaign.Value) > 1e-6)
                    {
                        return false;
                    }
                }

                if (mine.Select(r => r.ConversionId).Distinct().Count() != result.ConversionCount - result.UnattributedConversions)
                {
                    return false;
                }
            }

            return true;
        });
    }
}
