using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Reports;

/// <summary>A small data set whose credits are easy to work out by hand.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset Day0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// j1: search/brand (−2 d), email/no campaign (−1 d), conversion 300 (id "order-1").
    /// j2: search/brand (−1 d), conversion 100 (no id).
    /// j3: display/banner (−1 d), no conversion.
    /// Last touch: email 300 (1 conversion), search 100 (1). Linear: search 150 + 100 = 250 (1.5), email 150 (0.5).
    /// </summary>
    public static IReadOnlyList<Journey> Journeys() =>
    [
        new Journey(
            "j1",
            [new Touchpoint(Day0.AddDays(-2), "search", "brand"), new Touchpoint(Day0.AddDays(-1), "email")],
            [new Conversion(Day0, 300, "order", "order-1")]),
        new Journey("j2", [new Touchpoint(Day0.AddDays(-1), "search", "brand")], [new Conversion(Day0, 100, "order")]),
        new Journey("j3", [new Touchpoint(Day0.AddDays(-1), "display", "banner")], []),
    ];

    /// <summary>search/brand 50, search (no campaign) 150, social/launch 80: search 200 in all, social earns nothing.</summary>
    public static SpendTable Spend() => new(
        [
            new SpendLine("search", "brand", new DateOnly(2026, 3, 1), 50),
            new SpendLine("search", null, null, 150),
            new SpendLine("social", "launch", null, 80),
        ],
        "EUR");

    public static AttributionReport Report(bool touchpoints = false) =>
        new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = touchpoints })
            .Run(Journeys(), [AttributionModels.LastTouch, AttributionModels.Linear]);
}
