using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.Tests.Reports;

public sealed class JourneyStatisticsTests
{
    [Fact]
    public void TopPaths_CountsRateAndAverageWorkedByHand()
    {
        var day = ReportFixtures.Day0;
        var journeys = JourneySet.Create(
        [
            new Journey("j1", [new Touchpoint(day.AddDays(-2), "search"), new Touchpoint(day.AddDays(-1), "email")], [new Conversion(day, 300)]),
            new Journey("j2", [new Touchpoint(day.AddDays(-2), "search"), new Touchpoint(day.AddDays(-1), "email")], [new Conversion(day, 100)]),
            new Journey("j3", [new Touchpoint(day.AddDays(-2), "search"), new Touchpoint(day.AddDays(-1), "email")], []),
            new Journey("j4", [new Touchpoint(day.AddDays(-1), "display")], []),
            new Journey("j5", [new Touchpoint(day.AddDays(-1), "display")], []),
            new Journey("j6", [new Touchpoint(day.AddDays(-1), "search")], [new Conversion(day, 50)]),
        ]);

        var top = JourneyStatistics.TopPaths(PathSet.FromJourneys(journeys), 2);

        // search > email: 3 occurrences, 2 conversions (rate 2/3), value 400 (average 200), length 2.
        // display: 2 occurrences, none converted (rate 0, average n/a). search (1 occurrence) is cut by count = 2.
        top.Should().HaveCount(2);
        top[0].Channels.Should().Equal("search", "email");
        top[0].Occurrences.Should().Be(3);
        top[0].ConversionRate.Should().BeApproximately(2 / 3.0, 1e-12);
        top[0].AverageValue.Should().Be(200);
        top[0].Length.Should().Be(2);
        top[1].Channels.Should().Equal("display");
        top[1].ConversionRate.Should().Be(0);
        top[1].AverageValue.Should().BeNull();
    }

    [Fact]
    public void PathLengths_CountsConversionsOnly_LongPathsShareTheLastBar()
    {
        var day = ReportFixtures.Day0;
        var eleven = Enumerable.Range(0, 11).Select(i => new Touchpoint(day.AddHours(-i - 1), "c" + i)).ToArray();
        var journeys = JourneySet.Create(
        [
            new Journey("long", eleven, [new Conversion(day)]),
            new Journey("ten", eleven.Take(10), [new Conversion(day)]),
            new Journey("one", [new Touchpoint(day.AddDays(-1), "a")], [new Conversion(day)]),
            new Journey("lost", [new Touchpoint(day.AddDays(-1), "a"), new Touchpoint(day.AddDays(-1), "b")], []),
        ]);

        var bins = JourneyStatistics.PathLengths(PathSet.FromJourneys(journeys));

        // Lengths 11 and 10 → "10+" (2); length 1 → "1" (1); the non-converting path of length 2 does not count.
        bins.Should().HaveCount(10);
        bins[0].Should().Be(new HistogramBin("1", 1));
        bins[1].Count.Should().Be(0);
        bins[9].Should().Be(new HistogramBin("10+", 2));
    }

    [Fact]
    public void TimeToConversion_FromFirstEligibleTouch_BinsIncludeLowerBound()
    {
        var day = ReportFixtures.Day0;
        var journeys = JourneySet.Create(
        [
            // First eligible touch 100 d before is outside the 30-day lookback; 20 d before is the first eligible: 14–30 d.
            new Journey("a", [new Touchpoint(day.AddDays(-100), "x"), new Touchpoint(day.AddDays(-20), "y"), new Touchpoint(day.AddHours(-1), "z")], [new Conversion(day)]),

            // Exactly 1 d: the 1–3 d bar. The second conversion only sees the touch 6 h before it: < 1 d.
            new Journey("b", [new Touchpoint(day.AddDays(-1), "x"), new Touchpoint(day.AddHours(6), "y")], [new Conversion(day), new Conversion(day.AddHours(12))]),

            // No eligible touch: not counted.
            new Journey("c", [new Touchpoint(day.AddDays(1), "x")], [new Conversion(day)]),
        ]);

        var bins = JourneyStatistics.TimeToConversion(journeys, new AttributionOptions { Lookback = TimeSpan.FromDays(30) });

        bins.Select(b => b.Label).Should().Equal("< 1 d", "1–3 d", "3–7 d", "7–14 d", "14–30 d", "30–60 d", "60–90 d", "≥ 90 d");
        bins.Select(b => b.Count).Should().Equal(1, 1, 0, 0, 1, 0, 0, 0);
    }
}
