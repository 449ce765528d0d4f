using System.Text.RegularExpressions;

namespace Attribution.IO.Tests.Html;

public sealed partial class HtmlReportWriterTests
{
    [GeneratedRegex("<svg data-chart=\"([a-z-]+)\"")]
    private static partial Regex ChartPattern();

    private static string[] Charts(string html) => ChartPattern().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    private static string Chart(string html, string name)
    {
        var start = html.IndexOf($"<svg data-chart=\"{name}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the report has a '{name}' chart");
        return html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
    }

    private static int Bars(string svg) => Regex.Count(svg, "<rect class=\"bar\"");

    [Fact]
    public void Write_WithSpend_HasEveryChartAndTable()
    {
        var html = HtmlReportFixture.Html(HtmlReportFixture.Spend());

        html.Should().StartWith("<!DOCTYPE html>");
        html.TrimEnd().Should().EndWith("</html>");
        Charts(html).Should().Equal("credit-by-channel", "roas-by-channel", "top-campaigns", "time-to-conversion", "path-length");
        foreach (var table in new[] { "models", "model-comparison", "roas", "campaigns", "paths" })
        {
            html.Should().Contain($"<table data-table=\"{table}\">");
        }
    }

    [Fact]
    public void Write_GroupedBars_OnePerChannelAndModel()
    {
        var html = HtmlReportFixture.Html(HtmlReportFixture.Spend());

        // 3 channels × 2 models in the credit chart; ROAS adds social, which has spend but no credit: 4 × 2.
        Bars(Chart(html, "credit-by-channel")).Should().Be(6);
        Bars(Chart(html, "roas-by-channel")).Should().Be(8);

        // 8 time bins, 10 path-length bins, one series each.
        Bars(Chart(html, "time-to-conversion")).Should().Be(8);
        Bars(Chart(html, "path-length")).Should().Be(10);
    }

    [Fact]
    public void Write_RoasTable_ShowsHandComputedRatiosAndNa()
    {
        var html = HtmlReportFixture.Html(HtmlReportFixture.Spend());

        // search under linear: spend 100; conversions 0.5 (j1) + 1 (j2) + 0.5 (j3) = 2; value 150 + 100 + 25 = 275.
        // ROAS 275 / 100 = 2.75, ROI 175 / 100 = 175 %, CPA 100 / 2 = 50.
        html.Should().Contain("<tr><td>search</td><td>linear</td><td>100</td><td>2</td><td>275</td><td>2.75</td><td>175.0%</td><td>50</td></tr>");

        // email has no spend line: its spend, ROAS, ROI and cost per conversion are n/a, not 0, under last touch.
        html.Should().Contain("<tr><td>email</td><td>last-touch</td><td><span class=\"na\">n/a</span></td><td>1</td><td>300</td><td><span class=\"na\">n/a</span></td><td><span class=\"na\">n/a</span></td><td><span class=\"na\">n/a</span></td></tr>");

        // social: 60 spent, nothing earned: ROAS 0, ROI −100 %, CPA n/a.
        html.Should().Contain("<tr><td>social</td><td>linear</td><td>60</td><td>0</td><td>0</td><td>0</td><td>-100.0%</td><td><span class=\"na\">n/a</span></td></tr>");
        html.Should().NotContain("Infinity").And.NotContain("NaN");
    }

    [Fact]
    public void Write_PathTable_CountRateAverageLength()
    {
        var html = HtmlReportFixture.Html(null);

        // search > email converted once (300); display did not convert (j4).
        html.Should().Contain("<tr><td>search &gt; email</td><td>1</td><td>1</td><td>100.0%</td><td>300</td><td>2</td></tr>");
        html.Should().Contain("<tr><td>display</td><td>1</td><td>0</td><td>0.0%</td><td><span class=\"na\">n/a</span></td><td>1</td></tr>");
    }

    [Fact]
    public void Write_WithoutSpend_LeavesOutRoas()
    {
        var html = HtmlReportFixture.Html(null);

        Charts(html).Should().Equal("credit-by-channel", "top-campaigns", "time-to-conversion", "path-length");
        html.Should().NotContain("data-table=\"roas\"");
    }

    [Fact]
    public void Write_IsSelfContained_NoExternalResources()
    {
        var html = HtmlReportFixture.Html(HtmlReportFixture.Spend());

        // The only URL is the SVG namespace, which browsers never fetch.
        html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal).Should().NotContainAny("http:", "https:", "//cdn", "<link", "src=", "@import", "url(");
        html.Should().Contain("<style>").And.Contain("<script>");
    }

    [Fact]
    public void Write_EscapesNames()
    {
        var html = HtmlReportFixture.Html(null, new HtmlReportOptions { Title = "<Q1 & \"co\">" });

        html.Should().Contain("<title>&lt;Q1 &amp; &quot;co&quot;&gt;</title>");
        html.Should().NotContain("<Q1");
    }
}
