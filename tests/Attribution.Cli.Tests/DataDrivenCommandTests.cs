using System.Globalization;
using System.Text.Json;

namespace Attribution.Cli.Tests;

public sealed class DataDrivenCommandTests : IDisposable
{
    // The hand-worked chain of the core Markov tests: a > b converts once (value 100) and fails once, a converts once
    // (300) and fails once, b converts once (50).
    // Order 1: start → a 4, start → b 1; a → b 2, a → conv 1, a → null 1; b → conv 2, b → null 1.
    // P(conv) = 4/5 · 7/12 + 1/5 · 2/3 = 0.6; without a 8/60, without b 12/60 → RE(a) = 7/9, RE(b) = 2/3.
    // Conversions 3 split 7/13 : 6/13 → a 21/13, b 18/13. Value: VRE(a) = 8/9, VRE(b) = 1/3 → a 450 · 8/11, b 450 · 3/11.
    private const string Paths =
        "path,total_conversions,total_conversion_value,total_null\n" +
        "a > b,1,100,1\n" +
        "a,1,300,1\n" +
        "b,1,50,0\n";

    // Journey a: email, display, order 90. Journey b: display, lead 10. Journey c: order 30 without touches. Journey d: email, no conversion.
    // Paths (90d lookback): email > display → conv 90; display → conv 10; email → null (d's tail); c is unattributed.
    // Order 1: start → email 2, start → display 1; email → display 1, email → null 1; display → conv 2.
    // P = 2/3 · 1/2 + 1/3 · 1 = 2/3; without email 1/3 → RE(email) = 1/2; without display 0 → RE(display) = 1.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,email,spring,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,90,o1\n" +
        "b,2025-01-01T00:00:00Z,display,retarget,,,\n" +
        "b,2025-01-05T00:00:00Z,,,lead,10,l1\n" +
        "c,2025-01-10T00:00:00Z,,,order,30,o2\n" +
        "d,2025-01-01T00:00:00Z,email,,,,\n";

    private readonly TempDirectory temp = new();
    private readonly string paths;
    private readonly string events;

    public DataDrivenCommandTests()
    {
        paths = temp.Write("paths.csv", Paths);
        events = temp.Write("events.csv", Events);
    }

    public void Dispose() => temp.Dispose();

    private static List<string[]> Csv(CliRun run) => [.. run.StdoutLines.Skip(1).Select(static l => l.Split(','))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void ShouldHaveRow(List<string[]> rows, string model, string kind, string key, double conversions, double value)
    {
        var row = rows.Should().ContainSingle(r => r[0] == model && r[1] == kind && r[2] == key).Which;
        Number(row[3]).Should().BeApproximately(conversions, 1e-12);
        Number(row[4]).Should().BeApproximately(value, 1e-9);
    }

    [Fact]
    public void AttributePaths_Markov_PathLevelCreditAsWorkedByHand()
    {
        var run = CliRun.Of("attribute", "--paths", paths, "--model", "markov", "--format", "csv").ShouldSucceed();

        // A path file has no kinds: its conversions are of the kind "conversion".
        run.StdoutLines[0].Should().Be("model,conversion,channel,conversions,value");
        var rows = Csv(run);
        rows.Should().HaveCount(2, "everything is credited, so there is no (unattributed) row");
        ShouldHaveRow(rows, "markov", "conversion", "a", 21.0 / 13, 450.0 * 8 / 11);
        ShouldHaveRow(rows, "markov", "conversion", "b", 18.0 / 13, 450.0 * 3 / 11);
    }

    [Fact]
    public void AttributePaths_Linear_SplitsEachRowByTouches()
    {
        // a > b > a: 3 conversions worth 30 over three touches of 1/3 → a 2 and 20, b 1 and 10; the null earns nothing.
        var file = temp.Write("aba.csv", "path,total_conversions,total_conversion_value,total_null\na > b > a,3,30,1\n");

        var rows = Csv(CliRun.Of("attribute", "--paths", file, "--model", "linear", "--format", "csv").ShouldSucceed());

        rows.Should().HaveCount(2);
        ShouldHaveRow(rows, "linear", "conversion", "a", 2, 20);
        ShouldHaveRow(rows, "linear", "conversion", "b", 1, 10);
    }

    [Fact]
    public void AttributePaths_UShaped_DefaultAndGivenPositions()
    {
        // a > b > c, 10 conversions worth 100: 40/20/40 → a 4, 40; b 2, 20; c 4, 40. With 0.3,0.4,0.3: 3, 30; 4, 40; 3, 30.
        var file = temp.Write("abc.csv", "path,total_conversions,total_conversion_value,total_null\na > b > c,10,100,0\n");

        var rows = Csv(CliRun.Of("attribute", "--paths", file, "--model", "position-based", "--format", "csv").ShouldSucceed());
        ShouldHaveRow(rows, "u-shaped", "conversion", "a", 4, 40);
        ShouldHaveRow(rows, "u-shaped", "conversion", "b", 2, 20);
        ShouldHaveRow(rows, "u-shaped", "conversion", "c", 4, 40);

        rows = Csv(CliRun.Of("attribute", "--paths", file, "--model", "u-shaped", "--positions", "0.3,0.4,0.3", "--format", "csv").ShouldSucceed());
        ShouldHaveRow(rows, "u-shaped", "conversion", "a", 3, 30);
        ShouldHaveRow(rows, "u-shaped", "conversion", "b", 4, 40);
        ShouldHaveRow(rows, "u-shaped", "conversion", "c", 3, 30);
    }

    [Fact]
    public void AttributePaths_RuleBasedBesideMarkov_AsChannelAttributionsHeuristicModels()
    {
        // The Markov file: a > b (1, 100), a (1, 300), b (1, 50).
        // First touch: a ← a > b and a → a 2, 400; b ← b → 1, 50. Last touch: b ← a > b and b → 2, 150; a ← a → 1, 300.
        var run = CliRun.Of("attribute", "--paths", paths, "--model", "first-touch", "--model", "last-touch", "--model", "markov", "--format", "csv").ShouldSucceed();

        var rows = Csv(run);
        rows.Should().HaveCount(6);
        ShouldHaveRow(rows, "first-touch", "conversion", "a", 2, 400);
        ShouldHaveRow(rows, "first-touch", "conversion", "b", 1, 50);
        ShouldHaveRow(rows, "last-touch", "conversion", "a", 1, 300);
        ShouldHaveRow(rows, "last-touch", "conversion", "b", 2, 150);
        ShouldHaveRow(rows, "markov", "conversion", "a", 21.0 / 13, 450.0 * 8 / 11);
        ShouldHaveRow(rows, "markov", "conversion", "b", 18.0 / 13, 450.0 * 3 / 11);
    }

    [Fact]
    public void AttributePaths_ChannelWeights_ZeroWeightRowIsUnattributed()
    {
        // direct weighs 0. a > direct (2, 20): a takes all → 2, 20. direct alone (1, 5): nothing weighs → unattributed 1, 5.
        var file = temp.Write("direct.csv", "path,total_conversions,total_conversion_value,total_null\na > direct,2,20,0\ndirect,1,5,0\n");

        var rows = Csv(CliRun.Of("attribute", "--paths", file, "--model", "custom", "--channel-weights", "direct=0", "--format", "csv").ShouldSucceed());

        rows.Should().HaveCount(3);
        ShouldHaveRow(rows, "channel-weights", "conversion", "a", 2, 20);
        ShouldHaveRow(rows, "channel-weights", "conversion", "direct", 0, 0);
        ShouldHaveRow(rows, "channel-weights", "conversion", "(unattributed)", 1, 5);
    }

    [Fact]
    public void AttributePaths_ChannelWeightsForAnUnknownChannel_IsAUsageError()
        => CliRun.Of("attribute", "--paths", paths, "--model", "custom", "--channel-weights", "A=2").ShouldFail(2, "--channel-weights: channel 'A' does not occur in", "did you mean 'a'?");

    [Fact]
    public void AttributePaths_Json_SameShapeAsForDataDrivenModels()
    {
        // a > b > a (3, 30) under linear: a 2, 20; b 1, 10 (as above), in the attribute command's JSON document.
        var file = temp.Write("aba.csv", "path,total_conversions,total_conversion_value,total_null\na > b > a,3,30,1\n");

        var run = CliRun.Of("attribute", "--paths", file, "--model", "linear", "--model", "markov", "--format", "json").ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        var models = json.RootElement.GetProperty("blocks");
        models.GetArrayLength().Should().Be(2);
        var linear = models[0];
        linear.GetProperty("model").GetString().Should().Be("linear");
        linear.GetProperty("conversion").GetString().Should().Be("conversion");
        linear.GetProperty("totalConversions").GetDouble().Should().Be(3);
        linear.GetProperty("totalValue").GetDouble().Should().Be(30);
        models[1].EnumerateObject().Select(static p => p.Name).Should().Equal(linear.EnumerateObject().Select(static p => p.Name));
    }

    [Fact]
    public void AttributePaths_Shapley_PathLevelCreditAsWorkedByHand()
    {
        // Rates: v({a,b}) = 1/2, v({a}) = 1/2, v({b}) = 1. On a > b: φa = ½(v(a) + v(ab) − v(b)) = ½(½ − ½) = 0,
        // φb = ½(v(b) + v(ab) − v(a)) = ½ → b takes all of a > b (1 conversion, 100). a takes path a (1, 300), b path b (1, 50).
        var run = CliRun.Of("attribute", "--paths", paths, "--model", "shapley", "--format", "csv").ShouldSucceed();

        var rows = Csv(run);
        rows.Should().HaveCount(2);
        ShouldHaveRow(rows, "shapley", "conversion", "a", 1, 300);
        ShouldHaveRow(rows, "shapley", "conversion", "b", 2, 150);
    }

    [Fact]
    public void AttributePaths_OrderTwo_IsNamedMarkov2()
    {
        var run = CliRun.Of("attribute", "--paths", paths, "--model", "markov", "--order", "2", "--format", "csv").ShouldSucceed();

        Csv(run).Select(static r => r[0]).Should().OnlyContain(static m => m == "markov-2").And.HaveCount(2);
    }

    [Fact]
    public void AttributePaths_Json_HasTheSameShapeAsJourneyReports()
    {
        var run = CliRun.Of("attribute", "--paths", paths, "--model", "markov,shapley", "--format", "json").ShouldSucceed();

        using var json = JsonDocument.Parse(run.Stdout);
        var models = json.RootElement.GetProperty("blocks");
        models.GetArrayLength().Should().Be(2);
        var markov = models[0];
        markov.GetProperty("model").GetString().Should().Be("markov");
        markov.GetProperty("conversion").GetString().Should().Be("conversion");
        markov.GetProperty("totalConversions").GetDouble().Should().Be(3);
        markov.GetProperty("totalValue").GetDouble().Should().Be(450);
        markov.GetProperty("unattributed").GetProperty("conversions").GetDouble().Should().Be(0);
        markov.GetProperty("rows")[0].GetProperty("key").GetString().Should().Be("a");
        markov.GetProperty("rows")[0].GetProperty("conversions").GetDouble().Should().BeApproximately(21.0 / 13, 1e-12);
        models[1].GetProperty("model").GetString().Should().Be("shapley");
    }

    [Fact]
    public void AttributePaths_Table_SaysPathLevelAndTotals()
    {
        var run = CliRun.Of(stdoutIsTerminal: true, "attribute", "--paths", paths, "--model", "markov").ShouldSucceed();

        // a: 450 · 8/11 = 327.27 (72.7%), b: 122.73 (27.3%).
        run.StdoutLines[0].Should().Be("Credited value by channel, per model and conversion kind (share of the kind's value): path level, 3 distinct paths, 3 conversions, 2 without conversion.");
        run.StdoutLines[1].Should().Be("markov · conversion: 3 conversions worth 450.00");
        run.StdoutLines.Should().Contain(l => l.StartsWith("a ", StringComparison.Ordinal) && l.EndsWith("327.27    72.7%", StringComparison.Ordinal));
        run.StdoutLines.Should().Contain(l => l.StartsWith("total ", StringComparison.Ordinal) && l.EndsWith("450.00   100.0%", StringComparison.Ordinal));
    }

    [Fact]
    public void AttributeInput_Markov_AllocatesEachJourneyByRemovalEffects()
    {
        var run = CliRun.Of("attribute", "--input", events, "--model", "markov", "--model", "linear", "--format", "csv").ShouldSucceed();

        // One chain per kind. Orders: converting path email > display (a); non-converting tails after each journey's
        // last order: display (b, no order), email (d). Order 1: start → email 2, start → display 1; email → display 1,
        // email → null 1; display → conv 1, display → null 1. P = 2/3 · 1/2 · 1/2 + 1/3 · 1/2 = 1/3; without email 1/6 →
        // RE(email) = 1/2; without display 0 → RE(display) = 1. a's order (90): email 1/3, display 2/3 → 30 and 60.
        // Leads: converting path display (b); tails email > display (a, no lead) and email (d): the same chain, so the same
        // removal effects; b's lead (10) has display only → display 1 / 10. c's order (30) is unattributed.
        var rows = Csv(run);
        ShouldHaveRow(rows, "markov", "order", "email", 1.0 / 3, 30);
        ShouldHaveRow(rows, "markov", "order", "display", 2.0 / 3, 60);
        ShouldHaveRow(rows, "markov", "order", "(unattributed)", 1, 30);
        ShouldHaveRow(rows, "markov", "lead", "display", 1, 10);
        ShouldHaveRow(rows, "markov", "lead", "email", 0, 0);
        ShouldHaveRow(rows, "linear", "order", "email", 0.5, 45);
    }

    [Fact]
    public void AttributeInput_MarkovTrainsOnTheSameLookback()
    {
        // With a 1-day lookback journey a's email (2 days before the order) drops off its path (display, 1 day before, is at
        // the window's inclusive edge) and b's display (4 days) leaves b's lead unattributed. Orders: the only converting
        // path is display (90); tails display (b) and email (d) do not convert. RE(display) = 1, RE(email) = 0: display
        // gets a's 90, email nothing. Leads have no converting path at all: no chain is learnt, the lead is unattributed.
        var run = CliRun.Of("attribute", "--input", events, "--model", "markov", "--lookback", "1d", "--format", "csv").ShouldSucceed();

        var rows = Csv(run);
        ShouldHaveRow(rows, "markov", "order", "email", 0, 0);
        ShouldHaveRow(rows, "markov", "order", "display", 1, 90);
        ShouldHaveRow(rows, "markov", "order", "(unattributed)", 1, 30);
        ShouldHaveRow(rows, "markov", "lead", "(unattributed)", 1, 10);
    }

    [Theory]
    [InlineData("markov", "2")]
    [InlineData("shapley", null)]
    public void FitSaveThenModelFile_EqualsDirectAttribute(string model, string? order)
    {
        var saved = temp.File($"{model}.json");
        string[] orderArgs = order is null ? [] : ["--order", order];

        var fit = CliRun.Of(["fit", "--input", events, "--model", model, .. orderArgs, "--conversion", "order", "--save", saved]).ShouldSucceed();
        var direct = CliRun.Of(["attribute", "--input", events, "--model", model, .. orderArgs, "--conversion", "order", "--format", "csv"]).ShouldSucceed();
        var loaded = CliRun.Of("attribute", "--input", events, "--model-file", saved, "--conversion", "order", "--format", "csv").ShouldSucceed();

        fit.Stdout.Should().StartWith($"Fitted {(order is null ? model : model + "-" + order)} (").And.EndWith($"(conversions of kind 'order'); saved to {saved}\n");
        JsonDocument.Parse(File.ReadAllText(saved)).RootElement.GetProperty("conversion").GetString().Should().Be("order");
        loaded.Stdout.Should().Be(direct.Stdout);
        direct.StdoutLines.Should().HaveCountGreaterThan(2);
    }

    [Fact]
    public void FitOnPaths_ThenModelFileBesideARuleBasedModel()
    {
        var saved = temp.File("markov.json");
        CliRun.Of("fit", "--paths", paths, "--model", "markov", "--save", saved).ShouldSucceed();

        // The chain learnt RE(a) = 7/9 and RE(b) = 2/3 on the path file; the events have neither channel, so every touch
        // weighs 0 and every conversion is unattributed under it.
        var run = CliRun.Of("attribute", "--input", events, "--model", "linear", "--model-file", saved, "--format", "csv");

        var rows = Csv(run);
        ShouldHaveRow(rows, "linear", "order", "email", 0.5, 45);
        ShouldHaveRow(rows, "markov", "order", "(unattributed)", 2, 120);
        ShouldHaveRow(rows, "markov", "lead", "(unattributed)", 1, 10);
        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Be("warning: the markov model never saw 2 channel(s) of '" + events + "' (email, display): their touches earn nothing, and conversions touched only by them are unattributed.\n");
    }

    [Fact]
    public void ShapleyModelFileOnUnseenChannels_UnattributedWithAWarning()
    {
        var saved = temp.File("shapley.json");
        CliRun.Of("fit", "--paths", paths, "--model", "shapley", "--save", saved).ShouldSucceed();

        // Like the Markov chain above: the events have neither a nor b, so all three conversions (90 + 10 + 30) are
        // unattributed, not split equally, and stderr says which channels the model never saw.
        var run = CliRun.Of("attribute", "--input", events, "--model-file", saved, "--format", "csv");

        run.ExitCode.Should().Be(0);
        ShouldHaveRow(Csv(run), "shapley", "order", "(unattributed)", 2, 120);
        ShouldHaveRow(Csv(run), "shapley", "lead", "(unattributed)", 1, 10);
        run.Stderr.Should().Be("warning: the shapley model never saw 2 channel(s) of '" + events + "' (email, display): their touches earn nothing, and conversions touched only by them are unattributed.\n");
    }

    [Fact]
    public void MarkovRemovalEffects_AsWorkedByHand()
    {
        var run = CliRun.Of("markov", "--paths", paths, "--removal-effects", "--format", "csv").ShouldSucceed();

        run.StdoutLines[0].Should().Be("channel,removal_effect,value_removal_effect,conversions,value");
        var rows = Csv(run);
        rows.Should().HaveCount(2);
        rows[0][0].Should().Be("a");
        Number(rows[0][1]).Should().BeApproximately(7.0 / 9, 1e-12);
        Number(rows[0][2]).Should().BeApproximately(8.0 / 9, 1e-12);
        Number(rows[0][3]).Should().BeApproximately(21.0 / 13, 1e-12);
        rows[1][0].Should().Be("b");
        Number(rows[1][1]).Should().BeApproximately(2.0 / 3, 1e-12);
        Number(rows[1][2]).Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Fact]
    public void MarkovWithoutChoice_PrintsRemovalEffects()
    {
        var plain = CliRun.Of("markov", "--paths", paths).ShouldSucceed();
        var explicitly = CliRun.Of("markov", "--paths", paths, "--removal-effects").ShouldSucceed();

        plain.Stdout.Should().Be(explicitly.Stdout);
    }

    [Fact]
    public void MarkovTransitions_CountsAndProbabilities()
    {
        var run = CliRun.Of("markov", "--paths", paths, "--transitions", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Should().Equal(
            "from,to,count,probability",
            "(start),a,4,0.8",
            "(start),b,1,0.2",
            "a,b,2,0.5",
            "a,(conversion),1,0.25",
            "a,(null),1,0.25",
            "b,(conversion),2," + (2.0 / 3).ToString("R", CultureInfo.InvariantCulture),
            "b,(null),1," + (1.0 / 3).ToString("R", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MarkovTransitions_Table_IsAligned()
    {
        var run = CliRun.Of("markov", "--paths", paths, "--transitions", "--format", "table").ShouldSucceed();

        run.StdoutLines[0].Should().Be("from     to            count  probability");
        run.StdoutLines[1].Should().Be(new string('-', run.StdoutLines[0].Length));
        run.StdoutLines[2].Should().Be("(start)  a                 4          0.8");
        run.StdoutLines[7].Should().Be("b        (conversion)      2     0.666667");
    }

    [Fact]
    public void ChooseOrder_SecondOrderData_MarksOrderTwo()
    {
        // As in the core tests: a path converts when it ends a > b or b > a, never when it ends a > a or b > b, after five
        // prefixes. Order 2 predicts perfectly (AUC 1, penalised 1); order 3 can do no better, so the tie goes to order 2.
        var lines = new List<string> { "path,total_conversions,total_conversion_value,total_null" };
        foreach (var prefix in new[] { "", "x > ", "y > ", "x > y > ", "y > x > " })
        {
            lines.Add($"{prefix}a > b,5,5,0");
            lines.Add($"{prefix}b > a,5,5,0");
            lines.Add($"{prefix}a > a,0,0,5");
            lines.Add($"{prefix}b > b,0,0,5");
        }

        var file = temp.Write("second-order.csv", string.Join("\n", lines) + "\n");

        var run = CliRun.Of("choose-order", "--paths", file, "--max-order", "3", "--seed", "7", "--format", "csv").ShouldSucceed();

        run.StdoutLines[0].Should().Be("order,states,auc,penalized_auc,best");
        var rows = Csv(run);
        rows.Select(static r => r[0]).Should().Equal("1", "2", "3");
        rows[0][1].Should().Be("4", "order 1 has the states x, y, a and b");
        rows.Select(static r => r[4]).Should().Equal("false", "true", "false");
        Number(rows[1][2]).Should().Be(1);
        Number(rows[1][3]).Should().Be(1);
    }

    [Fact]
    public void ChooseOrder_Table_MarksTheBestWithAStar()
    {
        var run = CliRun.Of("choose-order", "--paths", paths, "--max-order", "2", "--format", "table").ShouldSucceed();

        run.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("order", "states", "auc", "penalized_auc", "best");
        run.StdoutLines.Skip(2).Should().HaveCount(2).And.ContainSingle(static l => l.EndsWith('*'));
    }

    [Fact]
    public void MalformedPathRow_IsADataErrorNamingFileLineAndColumn()
    {
        var bad = temp.Write("bad.csv", "path,total_conversions,total_conversion_value,total_null\na > b,1,100,1\nb,lots,50,0\n");

        CliRun.Of("attribute", "--paths", bad, "--model", "markov").ShouldFail(1, bad + ":3: column 'total_conversions': 'lots' is not a number");
    }

    [Fact]
    public void MissingPathFile_IsADataError()
        => CliRun.Of("markov", "--paths", temp.File("nope.csv")).ShouldFail(1, "--paths: file '", "nope.csv' does not exist");

    [Fact]
    public void UnknownModelFile_IsADataError()
    {
        var notAModel = temp.Write("other.json", "{\"models\": []}");

        CliRun.Of("attribute", "--input", events, "--model-file", notAModel).ShouldFail(1, "--model-file: '" + notAModel + "' is not a saved model");
    }

    [Fact]
    public void ModelFileThatIsNotJson_IsADataError()
        => CliRun.Of("attribute", "--input", events, "--model-file", paths).ShouldFail(1, "--model-file: '" + paths + "' is not JSON");

    [Fact]
    public void CorruptSavedModel_IsADataError()
    {
        var corrupt = temp.Write("corrupt.json", "{\"format\": \"attribution.markov\", \"version\": 1, \"order\": 1}");

        CliRun.Of("attribute", "--input", events, "--model-file", corrupt).ShouldFail(1, "is not a valid saved markov model");
    }

    [Fact]
    public void MissingModelFile_IsADataError()
        => CliRun.Of("attribute", "--input", events, "--model-file", temp.File("gone.json")).ShouldFail(1, "--model-file: file '", "gone.json' does not exist");

    [Fact]
    public void SameModelFromFlagAndFile_IsAUsageError()
    {
        var saved = temp.File("markov.json");
        CliRun.Of("fit", "--input", events, "--model", "markov", "--conversion", "lead", "--save", saved).ShouldSucceed();

        CliRun.Of("attribute", "--input", events, "--model", "markov", "--model-file", saved).ShouldFail(2, "'markov', which is already among the models");
    }

    [Fact]
    public void PathsWithNoWalks_IsADataError()
    {
        var empty = temp.Write("zero.csv", "path,total_conversions\na,0\n");

        CliRun.Of("attribute", "--paths", empty, "--model", "markov").ShouldFail(1, "--model markov: cannot learn from '" + empty + "': The path set has no conversions");
    }

    [Fact]
    public void ChooseOrderWithoutNonConversions_IsADataError()
    {
        var converting = temp.Write("all.csv", "path,total_conversions\na,1\nb,2\n");

        CliRun.Of("choose-order", "--paths", converting).ShouldFail(1, "cannot choose an order from", "non-conversions");
    }

    [Theory]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "time-decay" }, "--model time-decay cannot run with --paths: model 'time-decay' weighs each touch by its age before the conversion, and paths have no timestamps")]
    [InlineData(new[] { "attribute", "--paths", "P", "--input", "E", "--model", "markov" }, "--paths and --input: give one of them")]
    [InlineData(new[] { "attribute", "--model", "markov" }, "--paths FILE")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--lookback", "3d" }, "--lookback applies to --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--by", "campaign" }, "--by campaign needs --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--spend", "S" }, "--spend applies to --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--currency", "EUR" }, "--currency applies to --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--funnel" }, "--funnel applies to --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--stages", "a,b" }, "--stages applies to --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--reset", "any" }, "--reset applies to --input")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model", "markov", "--from", "2026-01-01" }, "--from applies to --input")]
    [InlineData(new[] { "fit", "--paths", "P", "--model", "markov", "--conversion", "order", "--save", "M" }, "a path file has no conversion kinds")]
    [InlineData(new[] { "attribute", "--paths", "P", "--model-file", "M" }, "--model-file needs --input")]
    [InlineData(new[] { "attribute", "--input", "E", "--model", "linear", "--order", "2" }, "--order applies to --model markov")]
    [InlineData(new[] { "attribute", "--input", "E", "--model", "markov", "--order", "0" }, "--order expects a whole number from 1 to 32, got '0'")]
    [InlineData(new[] { "fit", "--paths", "P", "--model", "linear", "--save", "M" }, "--model: 'linear' is rule-based")]
    [InlineData(new[] { "fit", "--paths", "P", "--model", "shapley", "--order", "2", "--save", "M" }, "--order applies to --model markov, not shapley")]
    [InlineData(new[] { "fit", "--paths", "P", "--model", "markov" }, "--save")]
    [InlineData(new[] { "markov", "--paths", "P", "--removal-effects", "--transitions" }, "give one of them, not both")]
    [InlineData(new[] { "markov", "--paths", "P", "--exclude", "a" }, "--exclude applies to --input")]
    [InlineData(new[] { "choose-order", "--paths", "P", "--max-order", "40" }, "--max-order expects a whole number from 1 to 32, got '40'")]
    [InlineData(new[] { "choose-order", "--paths", "P", "--folds", "1" }, "--folds expects a whole number of at least 2, got '1'")]
    public void CommandLineMistakes_AreUsageErrors(string[] args, string fragment)
    {
        var resolved = args.Select(a => a switch
        {
            "P" => paths,
            "E" => events,
            "S" => temp.File("spend.csv"),
            "M" => temp.File("model.json"),
            _ => a,
        }).ToArray();

        CliRun.Of(resolved).ShouldFail(2, fragment);
        File.Exists(temp.File("model.json")).Should().BeFalse();
    }

    [Fact]
    public void ModelFileOverTheSizeCap_IsADataErrorBeforeItIsRead()
    {
        // A sparse file just over 256 MiB: the cap is checked on the length, so nothing is read into memory.
        var huge = temp.File("huge.json");
        using (var stream = new FileStream(huge, FileMode.CreateNew))
        {
            stream.SetLength((256L << 20) + 1);
        }

        CliRun.Of("attribute", "--input", events, "--model-file", huge).ShouldFail(1, "a saved model may be at most 256 MiB");
    }
}
