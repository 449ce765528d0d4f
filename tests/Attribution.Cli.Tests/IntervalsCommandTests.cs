using System.Text.Json;

namespace Attribution.Cli.Tests;

public sealed class IntervalsCommandTests : IDisposable
{
    // Two journeys, one touch each: a converts for 100, b for 300. A resample draws two journeys with replacement:
    // (a, a) 1/4, (a, b) 1/2, (b, b) 1/4. b is credited 0, 300 or 600 (0, 1 or 2 conversions; share 0, 0.75, 1); a 200,
    // 100 or 0 (share 1, 0.25, 0). At 90 % with 200 resamples the 5 % and 95 % quantiles (type 7: between the 10th and 11th,
    // and the 190th and 191st of 200) fall inside the two outer atoms, each drawn about 50 times.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "j1,2025-01-01T00:00:00Z,a,,,,\n" +
        "j1,2025-01-02T00:00:00Z,,,order,100,o1\n" +
        "j2,2025-01-01T00:00:00Z,b,,,,\n" +
        "j2,2025-01-02T00:00:00Z,,,order,300,o2\n";

    private readonly TempDirectory temp = new();
    private readonly string input;

    public IntervalsCommandTests()
    {
        input = temp.Write("events.csv", Events);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Csv_Intervals_AddShareAndBoundsColumns()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--intervals", "0.9", "--format", "csv").ShouldSucceed();

        run.Stdout.Should().Be(
            "model,conversion,channel,conversions,value,share,conversions_low,conversions_high,value_low,value_high,share_low,share_high\n" +
            "linear,order,b,1,300,0.75,0,2,0,600,0,1\n" +
            "linear,order,a,1,100,0.25,0,2,0,200,0,1\n");
    }

    [Fact]
    public void Json_Intervals_AddFieldsAndTheBootstrap()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--intervals", "0.2", "--resamples", "200", "--seed", "5", "--format", "json").ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        var intervals = json.RootElement.GetProperty("intervals");
        intervals.GetProperty("level").GetDouble().Should().Be(0.2);
        intervals.GetProperty("resamples").GetInt32().Should().Be(200);
        intervals.GetProperty("seed").GetInt32().Should().Be(5);

        // At 20 % (40 % and 60 % quantiles) both bounds lie in the middle atom (a, b): b 1 conversion, 300, share 0.75.
        var b = json.RootElement.GetProperty("blocks")[0].GetProperty("rows")[0];
        b.GetProperty("key").GetString().Should().Be("b");
        b.GetProperty("share").GetDouble().Should().Be(0.75);
        b.GetProperty("conversionsLow").GetDouble().Should().Be(1);
        b.GetProperty("conversionsHigh").GetDouble().Should().Be(1);
        b.GetProperty("valueLow").GetDouble().Should().Be(300);
        b.GetProperty("valueHigh").GetDouble().Should().Be(300);
        b.GetProperty("shareLow").GetDouble().Should().Be(0.75);
        b.GetProperty("shareHigh").GetDouble().Should().Be(0.75);
    }

    [Fact]
    public void Json_WithoutIntervals_HasNoIntervalFields()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--format", "json").ShouldSucceed();

        run.Stdout.Should().NotContain("intervals").And.NotContain("valueLow").And.NotContain("\"share\"");
    }

    [Fact]
    public void Table_Intervals_ShowValueAndShareRanges()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--intervals", "0.9", "--format", "table").ShouldSucceed();

        run.Stdout.Should().Contain("value 90% interval").And.Contain("share 90% interval");
        run.StdoutLines.Should().Contain(line => line.StartsWith("b ") && line.Contains("0.00 – 600.00") && line.Contains("0.0% – 100.0%"));
    }

    [Fact]
    public void Paths_Intervals_ResampleWalks()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\na,1,100,0\nb,1,300,0\n");

        var run = CliRun.Of("attribute", "--paths", paths, "--model", "linear", "--intervals", "0.9", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Should().Contain("linear,conversion,b,1,300,0.75,0,2,0,600,0,1");
    }

    [Fact]
    public void Report_Intervals_DrawErrorBars()
    {
        var html = Path.Combine(temp.Path, "report.html");

        CliRun.Of("report", "--input", input, "--model", "linear", "--model", "first-touch", "--intervals", "0.9", "--output", html).ShouldSucceed();

        // One error bar per channel and model: 2 channels × 2 models.
        var text = File.ReadAllText(html);
        System.Text.RegularExpressions.Regex.Count(text, "class=\"error-bar\"").Should().Be(4);
        text.Should().Contain("<th>linear value, 90% interval</th>").And.Contain("<td>0 – 600</td>");
    }

    [Theory]
    [InlineData("--intervals", "1", "--intervals: the confidence level must lie strictly between 0 and 1")]
    [InlineData("--intervals", "abc", "--intervals: 'abc' is not a number")]
    [InlineData("--resamples", "50", "--resamples applies to --intervals")]
    [InlineData("--seed", "2", "--seed applies to --intervals")]
    public void BadIntervalOptions_AreUsageErrors(string option, string value, string message)
    {
        CliRun.Of("attribute", "--input", input, "--model", "linear", option, value).ShouldFail(2, message);
    }

    [Fact]
    public void Intervals_WithFunnelOrOneResample_AreUsageErrors()
    {
        CliRun.Of("attribute", "--input", input, "--model", "linear", "--intervals", "0.9", "--funnel", "--stages", "order").ShouldFail(2, "--intervals", "--funnel");
        CliRun.Of("attribute", "--input", input, "--model", "linear", "--intervals", "0.9", "--resamples", "1").ShouldFail(2, "--resamples");
    }
}
