using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: <c>attribution explain</c>, with the numbers worked out by hand.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    // anna: display, search, order (50), email, direct, order (100). With --lookback 30d --exclude direct the first order
    // has only search (display is 45 days old), the second only email (display too old, search before the first order,
    // direct excluded beside email).
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value\n" +
        "anna,2026-01-01T00:00:00Z,display,,,\n" +
        "anna,2026-02-10T00:00:00Z,search,spring,,\n" +
        "anna,2026-02-15T00:00:00Z,,,order,50\n" +
        "anna,2026-02-20T00:00:00Z,email,,,\n" +
        "anna,2026-02-25T00:00:00Z,direct,,,\n" +
        "anna,2026-03-01T00:00:00Z,,,order,100\n" +
        "bob,2026-02-01T00:00:00Z,search,,,\n" +
        "bob,2026-02-05T00:00:00Z,,,order,30\n";

    // Order paths: a > b converts, b converts, a ends in null three times (j3, j4, and j5, which converts only to a lead).
    // start → a 4/5, → b 1/5; a → b 1/4, a → null 3/4; b → conversion. P(conv) = 4/5 · 1/4 + 1/5 = 2/5;
    // without a 1/5 → RE(a) = 1/2; without b 0 → RE(b) = 1. j1 (a, b, order 90): weights 0.5, 1 → 30, 60.
    private const string Paths =
        "journey_id,timestamp,channel,campaign,conversion,value\n" +
        "j1,2026-03-01T00:00:00Z,a,,,\n" +
        "j1,2026-03-02T00:00:00Z,b,,,\n" +
        "j1,2026-03-03T00:00:00Z,,,order,90\n" +
        "j2,2026-03-01T00:00:00Z,b,,,\n" +
        "j2,2026-03-02T00:00:00Z,,,order,10\n" +
        "j3,2026-03-01T00:00:00Z,a,,,\n" +
        "j4,2026-03-01T00:00:00Z,a,,,\n" +
        "j5,2026-03-01T00:00:00Z,a,,,\n" +
        "j5,2026-03-02T00:00:00Z,,,lead,1\n";

    private readonly TempDirectory temp = new();
    private readonly string input;
    private readonly string paths;

    public ExplainCommandTests()
    {
        input = temp.Write("events.csv", Events);
        paths = temp.Write("paths.csv", Paths);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Text_TimeDecay_ShowsDeltaTFactorAndWhyTheOthersAreOut()
    {
        var run = CliRun.Of(true, "explain", "--input", input, "--journey", "anna", "--model", "time-decay", "--lookback", "30d", "--exclude", "direct")
            .ShouldSucceed();

        // 2^(−5/7) = e^(−0.495105) = 0.609507; 2^(−9/7) = e^(−0.891189) = 0.410168. One eligible touch each: all the value.
        run.StdoutLines.Should().Equal(
            "journey anna, model time-decay: 2 conversion(s)",
            "order at 2026-02-15T00:00:00Z, value 50: credited to 1 of 2 touches before it",
            "  #0 display at 2026-01-01T00:00:00Z (Δt 45d): not eligible — Δt 45d is more than the 30d lookback of order",
            "  #1 search / spring at 2026-02-10T00:00:00Z (Δt 5d): weight 1, share 1, value 50 — Δt 5d, 2^(−Δt/h) = 2^(−5d / 7d) = 0.609507",
            "order at 2026-03-01T00:00:00Z, value 100: credited to 1 of 4 touches before it",
            "  #0 display at 2026-01-01T00:00:00Z (Δt 59d): not eligible — Δt 59d is more than the 30d lookback of order",
            "  #1 search / spring at 2026-02-10T00:00:00Z (Δt 19d): not eligible — before the reset by the earlier order at 2026-02-15T00:00:00Z (reset rule same-kind)",
            "  #2 email at 2026-02-20T00:00:00Z (Δt 9d): weight 1, share 1, value 100 — Δt 9d, 2^(−Δt/h) = 2^(−9d / 7d) = 0.410168",
            "  #3 direct at 2026-02-25T00:00:00Z (Δt 4d): not eligible — channel 'direct' is excluded and other touches are eligible");
    }

    [Fact]
    public void Json_Linear_GivesEligibilityReasonsAndValues()
    {
        // --reset never: the second order may use search (19 days old) and email; display is too old, direct excluded.
        // Linear over search, email: 50 each.
        var run = CliRun.Of("explain", "--input", input, "--journey", "anna", "--model", "linear", "--lookback", "30d", "--exclude", "direct", "--reset", "never", "--format", "json")
            .ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        root.GetProperty("journey").GetString().Should().Be("anna");
        root.GetProperty("model").GetString().Should().Be("linear");
        var second = root.GetProperty("conversions")[1];
        second.GetProperty("outcome").GetString().Should().Be("credited");
        second.GetProperty("value").GetDouble().Should().Be(100);
        var touches = second.GetProperty("touches").EnumerateArray().ToList();
        touches.Select(t => t.GetProperty("eligibility").GetString()).Should().Equal("outside-lookback", "eligible", "eligible", "excluded-channel");
        touches.Select(t => t.GetProperty("value").GetDouble()).Should().Equal(0, 50, 50, 0);
        touches.Select(t => t.GetProperty("ageDays").GetDouble()).Should().Equal(59, 19, 9, 4);
        touches[1].GetProperty("reason").GetString().Should().Be("position");
        touches[1].GetProperty("position").GetInt32().Should().Be(1);
        touches[1].GetProperty("detail").GetString().Should().Be("position 1 of 2 (first); linear weighs every touch alike");
        touches[0].TryGetProperty("reason", out _).Should().BeFalse("an ineligible touch has no model reason");
        touches[3].GetProperty("detail").GetString().Should().Be("channel 'direct' is excluded and other touches are eligible");
    }

    [Fact]
    public void Json_Markov_ExplainsEachKindByItsOwnChain()
    {
        var run = CliRun.Of("explain", "--input", paths, "--journey", "j1", "--model", "markov", "--format", "json").ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        var touches = json.RootElement.GetProperty("conversions")[0].GetProperty("touches").EnumerateArray().ToList();
        touches.Select(t => t.GetProperty("reason").GetString()).Should().Equal("removal-effect", "removal-effect");
        touches.Select(t => t.GetProperty("removalEffect").GetDouble()).Should().Equal([0.5, 1], (a, e) => Math.Abs(a - e) < 1e-12);
        touches.Select(t => t.GetProperty("value").GetDouble()).Should().Equal([30, 60], (a, e) => Math.Abs(a - e) < 1e-9);
    }

    [Fact]
    public void Text_Conversion_KeepsOnlyThatKind()
    {
        // Lead paths: only j5's a converts, so RE(a) = 1 and a takes the lead's whole value 1.
        var run = CliRun.Of("explain", "--input", paths, "--journey", "j5", "--model", "markov", "--conversion", "lead").ShouldSucceed();

        run.StdoutLines.Should().Equal(
            "journey j5, model markov: 1 conversion(s)",
            "lead at 2026-03-02T00:00:00Z, value 1: credited to 1 of 1 touches before it",
            "  #0 a at 2026-03-01T00:00:00Z (Δt 1d): weight 1, share 1, value 1 — removal effect of a: 1");
    }

    [Fact]
    public void ModelFile_SavedChainOfOrders_ExplainsOrdersAndLeavesTheLeadUnattributed()
    {
        // The saved chain learnt orders (RE(a) = 1/2, RE(b) = 1 as above); j5's lead is of a kind it never learnt, so it
        // is unattributed, as attribute reports it.
        var saved = temp.File("orders.json");
        CliRun.Of("fit", "--input", paths, "--conversion", "order", "--model", "markov", "--save", saved).ExitCode.Should().Be(0);

        var orders = CliRun.Of("explain", "--input", paths, "--journey", "j1", "--model-file", saved).ShouldSucceed();
        var lead = CliRun.Of("explain", "--input", paths, "--journey", "j5", "--model-file", saved).ShouldSucceed();

        orders.StdoutLines[2].Should().Be("  #0 a at 2026-03-01T00:00:00Z (Δt 2d): weight 0.5, share 0.333333, value 30 — removal effect of a: 0.5");
        lead.StdoutLines[1].Should().Be("lead at 2026-03-02T00:00:00Z, value 1: unattributed: the model gave each of its 1 eligible touches weight 0");
    }

    [Fact]
    public void Output_WritesTheFileAndNothingToStdout()
    {
        var output = temp.File("why.json");

        var run = CliRun.Of("explain", "--input", input, "--journey", "bob", "--model", "last-touch", "--format", "json", "--output", output).ShouldSucceed();

        run.Stdout.Should().BeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        json.RootElement.GetProperty("conversions")[0].GetProperty("touches")[0].GetProperty("value").GetDouble().Should().Be(30);
    }

    [Fact]
    public void UnknownJourney_IsAUsageErrorWithDidYouMean()
        => CliRun.Of("explain", "--input", input, "--journey", "ana", "--model", "linear")
            .ShouldFail(2, "--journey: journey 'ana' does not occur in", "(did you mean 'anna'?)");

    [Fact]
    public void TwoModels_AreAUsageError()
        => CliRun.Of("explain", "--input", input, "--journey", "anna", "--model", "linear", "--model", "last-touch")
            .ShouldFail(2, "explain follows one model");

    [Fact]
    public void UnknownFormat_IsAUsageError()
        => CliRun.Of("explain", "--input", input, "--journey", "anna", "--model", "linear", "--format", "csv")
            .ShouldFail(2, "--format: 'csv' is not a format of this command; use text, json.");
}
