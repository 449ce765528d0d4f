using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: <c>attribution suspicious</c>.</summary>
public sealed class SuspiciousCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string input;

    public SuspiciousCommandTests()
    {
        input = temp.Write("events.csv", Events());
    }

    public void Dispose() => temp.Dispose();

    /// <summary>60 "base" leads (one touch, lead worth 10 an hour later, every other one an opportunity 5 days on), then 40
    /// journeys y → y → x (campaign cpa) with a lead 2 s after x's touch and no opportunity.</summary>
    private static string Events()
    {
        var csv = new StringBuilder("journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n");
        var start = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        static string At(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        for (var i = 0; i < 60; i++)
        {
            var t = start.AddMinutes(i);
            csv.Append(CultureInfo.InvariantCulture, $"b{i},{At(t)},base,,,,\n");
            csv.Append(CultureInfo.InvariantCulture, $"b{i},{At(t.AddHours(1))},,,lead,10,\n");
            if (i % 2 == 0)
            {
                csv.Append(CultureInfo.InvariantCulture, $"b{i},{At(t.AddDays(5))},,,opportunity,100,\n");
            }
        }

        for (var i = 0; i < 40; i++)
        {
            var t = start.AddMinutes(100 + (i * 3));
            csv.Append(CultureInfo.InvariantCulture, $"x{i},{At(t)},y,,,,\n");
            csv.Append(CultureInfo.InvariantCulture, $"x{i},{At(t.AddMinutes(1))},y,,,,\n");
            csv.Append(CultureInfo.InvariantCulture, $"x{i},{At(t.AddMinutes(2))},x,cpa,,,\n");
            csv.Append(CultureInfo.InvariantCulture, $"x{i},{At(t.AddMinutes(2).AddSeconds(2))},,,lead,10,\n");
        }

        return csv.ToString();
    }

    [Fact]
    public void Suspicious_Csv_FlagsTheInjectingChannelWithTheNumbersBehindEachSignal()
    {
        var run = CliRun.Of("suspicious", "--input", input, "--stages", "lead,opportunity", "--format", "csv").ShouldSucceed();

        run.StdoutLines[0].Should().Be("channel,leads,status,score,no_progress_share,no_progress_pooled,no_progress_threshold,no_progress_p,no_progress,"
            + "duplicate_share,duplicate_pooled,duplicate_threshold,duplicates,injection_share,injection_pooled,injection_threshold,injection,ks_distance,ks_critical,"
            + "hijack_kind,hijack_last_touch_share,hijack_linear_share,hijack_ratio,hijack,burst_days,bursts");
        var x = run.StdoutLines[1].Split(',');

        // x: 0 of 40 leads progress against 30 of 60 (0.5): P = 0.5^40, share 0 < 0.5 / 3. All 40 leads 2 s after the touch
        // against none of the 60 leads and 30 opportunities of base. Lead value: last touch 400 / 1000, linear a third of
        // that, 133.33 / 1000: ratio 3.
        x[..4].Should().Equal("x", "40", "flagged", "3");
        x[4].Should().Be("0");
        x[5].Should().Be("0.5");
        double.Parse(x[7], CultureInfo.InvariantCulture).Should().BeApproximately(Math.Pow(0.5, 40), 1e-20);
        x[8].Should().Be("true");
        x[12].Should().Be("false");
        x[13..17].Should().Equal("1", "0", "0", "true");
        x[17].Should().Be("1");
        x[19].Should().Be("lead");
        double.Parse(x[22], CultureInfo.InvariantCulture).Should().BeApproximately(3, 1e-9);
        x[23].Should().Be("true");
        run.StdoutLines.Skip(2).Select(static l => string.Join(',', l.Split(',')[..4])).Should().Equal("base,60,ok,0", "y,0,insufficient data,0");
    }

    [Fact]
    public void Suspicious_Table_ExplainsTheThresholdsAndThatAFlagIsNoProof()
    {
        var run = CliRun.Of(stdoutIsTerminal: true, "suspicious", "--input", input, "--stages", "lead,opportunity").ShouldSucceed();

        run.StdoutLines[2].Should().MatchRegex(@"^x\s+40\s+flagged\s+3\s+0\.0%\s+50\.0%");
        run.Stdout.Should().Contain("no_progress fires when P(X ≤ k) < 0.01 and share < threshold (0.3333 × pooled)")
            .And.Contain("A flag is a lead to check, not proof.");
    }

    [Fact]
    public void Suspicious_MinLeadsAboveTheChannelsLeads_IsInsufficientData()
    {
        var run = CliRun.Of("suspicious", "--input", input, "--stages", "lead,opportunity", "--min-leads", "41", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Skip(1).Should().AllSatisfy(static l => l.Split(',')[3].Should().Be("0"));
        run.StdoutLines.Single(static l => l.StartsWith("x,", StringComparison.Ordinal)).Split(',')[2].Should().Be("insufficient data");
    }

    [Fact]
    public void Suspicious_ThresholdOption_MovesTheLine()
    {
        // Ratio 3: --hijack-ratio 3 asks for more than 3, so hijack no longer fires.
        var run = CliRun.Of("suspicious", "--input", input, "--stages", "lead,opportunity", "--hijack-ratio", "3.0001", "--format", "csv").ShouldSucceed();

        run.StdoutLines[1].Split(',')[..4].Should().Equal("x", "40", "flagged", "2");
    }

    [Fact]
    public void Suspicious_ByCampaign_NamesTheCampaign()
    {
        var run = CliRun.Of("suspicious", "--input", input, "--stages", "lead,opportunity", "--by", "campaign", "--format", "csv").ShouldSucceed();

        run.StdoutLines[0].Should().StartWith("campaign,");
        run.StdoutLines[1].Should().StartWith("cpa,40,flagged,3,");
    }

    [Fact]
    public void Suspicious_Quarantine_Json_ShowsTheSignalsAndHowCreditMoves()
    {
        var run = CliRun.Of("suspicious", "--input", input, "--stages", "lead,opportunity", "--quarantine", "--format", "json").ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("channels")[0].GetProperty("channel").GetString().Should().Be("x");
        var moves = json.RootElement.GetProperty("quarantine").EnumerateArray()
            .Where(static e => e.GetProperty("model").GetString() == "last-touch" && e.GetProperty("conversion").GetString() == "lead")
            .ToDictionary(static e => e.GetProperty("channel").GetString()!, static e => e.GetProperty("valueChange").GetDouble());

        // x's 40 leads × 10 go to the touch before it, y's.
        moves.Should().Equal(new Dictionary<string, double> { ["base"] = 0, ["y"] = 400, ["x"] = -400, ["(unattributed)"] = 0 });
    }

    [Fact]
    public void Suspicious_WithoutStages_UsesTheKindsInOrderOfFirstAppearance_AndSaysSo()
    {
        var run = CliRun.Of("suspicious", "--input", input, "--format", "csv");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Contain("no --stages given: the funnel is the data's kinds in order of first appearance, lead → opportunity.");
        run.StdoutLines[1].Should().StartWith("x,40,flagged,3,");
    }

    [Theory]
    [InlineData("--stages", "lead", "--stages: suspicious needs a funnel of at least two stages")]
    [InlineData("--injection-min-share", "2", "--injection-min-share: InjectionMinShare must be between 0 and 1")]
    [InlineData("--burst-window", "many", "--burst-window: 'many' is not a whole number.")]
    [InlineData("--duplicate-window", "soon", "--duplicate-window")]
    [InlineData("--conversion", "lead", "--conversion: suspicious reads the funnel of --stages")]
    [InlineData("--min-leads", "0", "--min-leads")]
    public void Suspicious_BadOption_IsAUsageErrorNamingIt(string option, string value, string message)
    {
        CliRun.Of("suspicious", "--input", input, option, value).ShouldFail(2, message);
    }

    [Fact]
    public void Suspicious_QuarantineByCampaign_IsAUsageError()
    {
        CliRun.Of("suspicious", "--input", input, "--stages", "lead,opportunity", "--by", "campaign", "--quarantine")
            .ShouldFail(2, "--quarantine excludes channels; leave out --by campaign.");
    }

    [Fact]
    public void Suspicious_OnTheDemoData_FlagsThePlantedAffiliateFirst()
    {
        var events = temp.File("demo.csv");
        CliRun.Of("demo", "--format", "csv", "--write-events", events).ShouldSucceed();

        var run = CliRun.Of("suspicious", "--input", events, "--stages", "lead,order", "--format", "csv").ShouldSucceed();

        var first = run.StdoutLines[1].Split(',');
        first[0].Should().Be("coupon-affiliate");
        first[1].Should().Be("150");
        int.Parse(first[3], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(3);
        new[] { first[8], first[16], first[23] }.Should().AllBe("true", "no progress, injection and hijack fire");
    }
}
