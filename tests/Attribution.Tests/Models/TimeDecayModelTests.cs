using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Tests.Models;

public sealed class TimeDecayModelTests
{
    private static readonly DateTimeOffset Conversion = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Attribute_TouchesZeroZeroSixNineDaysBefore_SplitAsWorkedByHand()
    {
        // Half-life 7 d: 2^(-0/7) = 1, 1, 2^(-6/7) = 0.55204, 2^(-9/7) = 0.41016; sum 2.96220.
        // Shares: 33.76 %, 33.76 %, 18.64 %, 13.85 %.
        var journey = new Journey(
            "j",
            [
                new Touchpoint(Conversion.AddDays(-9), "a"),
                new Touchpoint(Conversion.AddDays(-6), "b"),
                new Touchpoint(Conversion, "c"),
                new Touchpoint(Conversion, "d"),
            ],
            [new Conversion(Conversion, 100)]);

        var credits = AttributionModels.TimeDecay().Attribute(journey).Credits;

        credits.Select(c => c.Touchpoint.Channel).Should().Equal("a", "b", "c", "d");
        credits.Select(c => c.Share).Should().Equal(
            [0.1385, 0.1864, 0.3376, 0.3376],
            (actual, expected) => Math.Abs(actual - expected) < 0.0005);
        credits.Sum(c => c.Value).Should().BeApproximately(100, 1e-9);
    }
}
