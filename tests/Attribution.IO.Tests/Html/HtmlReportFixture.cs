using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.IO.Tests.Html;

/// <summary>Journeys, spend and the HTML written from them, shared by the structure and browser tests.</summary>
internal static class HtmlReportFixture
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Three channels, three campaigns, a non-converting journey and a spend line on a channel with no credit.
    /// Last touch: email 300, search 100 + 50 = 150; display 0. Linear: search 150 + 100 + 25 = 275, email 150, display 25.
    /// </summary>
    public static AttributionReport Report() => new AttributionEngine().Run(
        [
            new Journey("j1", [new Touchpoint(Day.AddDays(-2), "search", "brand"), new Touchpoint(Day.AddDays(-1), "email", "news")], [new Conversion(Day, 300)]),
            new Journey("j2", [new Touchpoint(Day.AddHours(-5), "search", "brand")], [new Conversion(Day, 100)]),
            new Journey("j3", [new Touchpoint(Day.AddDays(-10), "display", "banner"), new Touchpoint(Day.AddDays(-4), "search", "generic")], [new Conversion(Day, 50)]),
            new Journey("j4", [new Touchpoint(Day.AddDays(-1), "display", "banner")], []),
        ],
        [AttributionModels.LastTouch, AttributionModels.Linear]);

    public static SpendTable Spend() => new(
        [new SpendLine("search", "brand", null, 100), new SpendLine("display", "banner", null, 40), new SpendLine("social", "launch", null, 60)],
        "EUR");

    public static string Html(SpendTable? spend, HtmlReportOptions? options = null)
    {
        var writer = new StringWriter();
        HtmlReportWriter.Write(writer, Report(), spend, options);
        return writer.ToString();
    }
}
