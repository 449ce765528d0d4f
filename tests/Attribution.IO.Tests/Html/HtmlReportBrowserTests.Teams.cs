namespace Attribution.IO.Tests.Html;

public sealed partial class HtmlReportBrowserTests
{
    [Fact]
    public async Task Report_WithTeams_InHeadlessChromium_DrawsTheAttainmentBars()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("ATTRIBUTION_REQUIRE_BROWSER") == "1", "ATTRIBUTION_REQUIRE_BROWSER=1 but no Chromium was found at /usr/bin/chromium (set ATTRIBUTION_CHROMIUM).");
            Assert.Skip("Chromium is not installed; install it with 'apt-get install chromium' to run this browser test.");
        }

        var dir = Directory.CreateTempSubdirectory("attribution-html-");
        try
        {
            var page = Path.Combine(dir.FullName, "report.html");
            await File.WriteAllTextAsync(page, HtmlReportWriterTests.TeamsHtml(), TestContext.Current.CancellationToken);

            var dom = await DumpDom(chromium, page, Path.Combine(dir.FullName, "profile"));

            // marketing and ads have targets under both models (crm has none, so no bar): two bars each, all > 0.
            var drawn = DrawnPattern().Matches(dom).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            drawn.Should().Contain("team-attainment-linear", 2);
            drawn.Should().Contain("team-attainment-last-touch", 2);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
