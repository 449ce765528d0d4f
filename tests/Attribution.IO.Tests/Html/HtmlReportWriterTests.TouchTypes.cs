using System.Text;
using Attribution.Engine;
using Attribution.Models;

namespace Attribution.IO.Tests.Html;

/// <summary>The online/offline split and the rows not counted by status in the HTML report (issue 10 §2).</summary>
public sealed partial class HtmlReportWriterTests
{
    // j1: e-mail (online) and a trade show (offline, Attended) before an order of 300; j2: a search (online) before 100;
    // j3's invitation (Sent) is not counted under attended, so j3 is no journey.
    private const string TypedLog =
        "journey_id,timestamp,channel,conversion,value,touch_type,status\n"
        + "j1,2026-03-08T12:00:00Z,email,,,,\n"
        + "j1,2026-03-09T12:00:00Z,trade-show,,,offline,Attended\n"
        + "j1,2026-03-10T12:00:00Z,,order,300,,\n"
        + "j2,2026-03-10T07:00:00Z,search,,,,\n"
        + "j2,2026-03-10T12:00:00Z,,order,100,,\n"
        + "j3,2026-03-01T12:00:00Z,email,,,,Sent\n";

    private static string TypedHtml()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TypedLog));
        var set = EventLogCsvReader.Read(stream, new EventLogCsvOptions { CountedStatuses = ["attended"] }, "events.csv");
        var writer = new StringWriter();
        HtmlReportWriter.Write(writer, new AttributionEngine().Run(set, [AttributionModels.LastTouch, AttributionModels.Linear]));
        return writer.ToString();
    }

    [Fact]
    public void Write_SeveralTouchTypes_ShowsTheOnlineOfflineSplitPerModel()
    {
        var html = TypedHtml();

        // Last touch: j1's 300 to the trade show (offline), j2's 100 to the search: online 100 (25.0 %), offline 300 (75.0 %).
        // Linear: j1 150 + 150, j2 100: online 250 (62.5 %), offline 150 (37.5 %). Shares of the 400 credited.
        html.Should().Contain("<table data-table=\"touch-types\"><thead><tr><th>Touch type</th><th>last-touch value</th><th>last-touch share</th><th>linear value</th><th>linear share</th></tr></thead>");
        html.Should().Contain("<tr><td>online</td><td>100</td><td>25.0%</td><td>250</td><td>62.5%</td></tr>");
        html.Should().Contain("<tr><td>offline</td><td>300</td><td>75.0%</td><td>150</td><td>37.5%</td></tr>");
        Bars(Chart(html, "credit-by-touch-type")).Should().Be(4, "2 touch types × 2 models, none zero");
    }

    [Fact]
    public void Write_RowsNotCountedByStatus_HaveACard()
    {
        TypedHtml().Should().Contain("<div class=\"card\">Touch rows not counted by status<b>1 (Sent 1)</b></div>");
    }

    [Fact]
    public void Write_OneTouchType_HasNoSplit()
    {
        var html = HtmlReportFixture.Html(null);

        html.Should().NotContain("touch-types").And.NotContain("not counted by status");
    }
}
