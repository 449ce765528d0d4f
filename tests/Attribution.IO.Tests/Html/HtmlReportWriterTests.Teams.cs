using Attribution.Reports;

namespace Attribution.IO.Tests.Html;

public sealed partial class HtmlReportWriterTests
{
    /// <summary>
    /// ads owns brand and generic, crm owns news, banner has no owner; both belong to marketing. Targets: marketing 1,000,
    /// ads 500, crm none. Linear: ads 250 + 25 = 275 (55 %), crm 150, marketing 425 (42.5 %). Last touch: ads 100 + 50 =
    /// 150 (30 %), crm 300, marketing 450 (45 %).
    /// </summary>
    internal static string TeamsHtml()
    {
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);
        var teams = new TeamStructure(
            [new("brand", "ads"), new("generic", "ads"), new("news", "crm")],
            [new("marketing", null), new("ads", "marketing"), new("crm", "marketing")],
            [new("marketing", from, to, 1_000), new("ads", from, to, 500)]);
        return HtmlReportFixture.Html(null, new HtmlReportOptions { Teams = TeamReport.Build(HtmlReportFixture.Report(), teams, "conversion") });
    }

    [Fact]
    public void Write_WithTeams_AttainmentBarsPerModel_WidthsInProportionToAttainment()
    {
        var html = TeamsHtml();

        Charts(html).Should().Contain(["team-attainment-last-touch", "team-attainment-linear"]);
        html.Should().Contain("<table data-table=\"teams\">");

        // The plot is 1000 − 220 − 200 = 580 wide for 150 %: 55 % is 580 × 0.55 / 1.5 = 212.67, 42.5 % is 164.33.
        var linear = Chart(html, "team-attainment-linear");
        Bars(linear).Should().Be(2, "crm has no target, so no bar");
        linear.Should().Contain("width=\"212.67\"").And.Contain("55.0% (275 of 500)");
        linear.Should().Contain("width=\"164.33\"").And.Contain("42.5% (425 of 1,000)");
        linear.Should().Contain("150, no target");

        // Last touch: 30 % is 580 × 0.3 / 1.5 = 116; 45 % is 174.
        var last = Chart(html, "team-attainment-last-touch");
        last.Should().Contain("width=\"116\"").And.Contain("width=\"174\"");
    }

    [Fact]
    public void Write_WithTeams_TableHasUnassignedAndNaForMissingTargets()
    {
        var html = TeamsHtml();
        var table = html[html.IndexOf("<table data-table=\"teams\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];

        // banner is nobody's: last touch 0, linear 25. crm has no target: n/a attainment.
        table.Should().Contain("<td style=\"padding-left:0.7rem;white-space:nowrap\">(unassigned)</td><td></td><td><span class=\"na\">n/a</span></td><td>0</td>");
        table.Should().Contain("<td style=\"padding-left:1.7rem;white-space:nowrap\">crm</td><td>marketing</td><td><span class=\"na\">n/a</span></td><td>300</td><td><span class=\"na\">n/a</span></td>");
    }

    [Fact]
    public void Write_WithoutTeams_HasNoTeamSection()
    {
        HtmlReportFixture.Html(null).Should().NotContain("Teams and targets");
    }
}
