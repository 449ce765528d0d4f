using System.Globalization;

namespace Attribution.Cli.Tests;

/// <summary><c>--model NAME=MODEL[:ARGS]</c>, the presets, <c>--milestone-weights</c> and <c>--config</c>.</summary>
public sealed class ModelVariantsTests : IDisposable
{
    // One journey: email 2 days, display 1 day and search 0 days before an order worth 70.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,email,,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,search,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,70,o1\n";

    private readonly TempDirectory temp = new();
    private readonly string input;

    public ModelVariantsTests()
    {
        input = temp.Write("events.csv", Events);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Variants_OfOneModel_RunSideBySideUnderTheirNames()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "early=u-shaped:0.5,0.3,0.2", "--model", "late=time-decay:1d", "--model", "u-shaped", "--format", "csv").ShouldSucceed();

        // early: 0.5, 0.3, 0.2 of 70 → 35, 21, 14. late (h = 1 d): 2^-2, 2^-1, 2^0 = ¼, ½, 1 → 1/7, 2/7, 4/7 → 10, 20, 40.
        // u-shaped with its default 0.4, 0.2, 0.4 → 28, 14, 28.
        Rows(run).Should().BeEquivalentTo(Rounded(new[]
        {
            ("early", "email", 0.5, 35.0), ("early", "display", 0.3, 21.0), ("early", "search", 0.2, 14.0),
            ("late", "email", 1.0 / 7, 10.0), ("late", "display", 2.0 / 7, 20.0), ("late", "search", 4.0 / 7, 40.0),
            ("u-shaped", "email", 0.4, 28.0), ("u-shaped", "display", 0.2, 14.0), ("u-shaped", "search", 0.4, 28.0),
        }));
    }

    [Fact]
    public void Presets_JShapedAndInverseJ_GiveTheirPositions()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "j-shaped,inverse-j", "--model", "steep=j-shaped:0.1,0.1,0.8", "--format", "csv").ShouldSucceed();

        // j-shaped 0.2, 0.2, 0.6 of 70 → 14, 14, 42; inverse-j 0.6, 0.2, 0.2 → 42, 14, 14; steep 0.1, 0.1, 0.8 → 7, 7, 56.
        Rows(run).Should().BeEquivalentTo(Rounded(new[]
        {
            ("j-shaped", "email", 0.2, 14.0), ("j-shaped", "display", 0.2, 14.0), ("j-shaped", "search", 0.6, 42.0),
            ("inverse-j", "email", 0.6, 42.0), ("inverse-j", "display", 0.2, 14.0), ("inverse-j", "search", 0.2, 14.0),
            ("steep", "email", 0.1, 7.0), ("steep", "display", 0.1, 7.0), ("steep", "search", 0.8, 56.0),
        }));
    }

    [Fact]
    public void Variant_CustomWeightsAndSharedOption_EachKeepsItsOwn()
    {
        var run = CliRun.Of("attribute", "--input", input, "--model", "search-heavy=custom:search=5", "--model", "custom", "--channel-weights", "email=0", "--format", "csv").ShouldSucceed();

        // search-heavy: 1, 1, 5 of 7 → 10, 10, 50; custom with the shared --channel-weights email=0: 0, 1, 1 → 0, 35, 35.
        Rows(run).Should().BeEquivalentTo(Rounded(new[]
        {
            ("search-heavy", "email", 1.0 / 7, 10.0), ("search-heavy", "display", 1.0 / 7, 10.0), ("search-heavy", "search", 5.0 / 7, 50.0),
            ("channel-weights", "email", 0.0, 0.0), ("channel-weights", "display", 0.5, 35.0), ("channel-weights", "search", 0.5, 35.0),
        }));
    }

    [Theory]
    [InlineData("linear", "linear", "'linear' is given twice")]
    [InlineData("a=linear", "a=first-touch", "'a' is given twice")]
    [InlineData("time-decay", "time-decay=u-shaped:0.5,0.3,0.2", "'time-decay' is given twice")]
    public void TwoModelsWithOneName_IsAUsageError(string first, string second, string message)
        => CliRun.Of("attribute", "--input", input, "--model", first, "--model", second).ShouldFail(2, "--model", message);

    [Theory]
    [InlineData("x=linear:3", "--model x=linear:3: linear takes no arguments")]
    [InlineData("late=time-decay:3x", "--model late=time-decay:3x: '3x'")]
    [InlineData("early=u-shaped:0.5,0.5", "must be three numbers")]
    [InlineData("=linear", "has no name before '='")]
    [InlineData("late=time-decy:3d", "unknown model 'time-decy' (did you mean 'time-decay'?)")]
    [InlineData("m=markov:0", "the order must be a whole number from 1 to 32")]
    [InlineData("late=time-decay:", "has nothing after ':'")]
    public void BadVariant_IsAUsageErrorNamingIt(string text, string message)
        => CliRun.Of("attribute", "--input", input, "--model", text).ShouldFail(2, message);

    [Fact]
    public void SharedOption_WithOnlyVariantsOfItsModel_IsAUsageError()
        => CliRun.Of("attribute", "--input", input, "--model", "late=time-decay:1d", "--half-life", "3d")
            .ShouldFail(2, "--half-life applies to --model time-decay, which is not among the models given");

    [Theory]
    [InlineData("w-shaped")]
    [InlineData("full-path")]
    [InlineData("milestones")]
    public void MilestoneModel_WithoutStages_IsAUsageError(string model)
        => CliRun.Of("attribute", "--input", input, "--model", model).ShouldFail(2, $"{model} credits funnel milestones and needs the funnel's stages");

    [Theory]
    [InlineData("first=0.3,led=0.3", "'led' is neither first, rest nor a stage (did you mean 'lead'?); the stages are lead, order, so the keys are first, lead, order, rest")]
    [InlineData("first=-1", "--milestone-weights")]
    [InlineData("first", "must be channel=weight")]
    public void MilestoneWeights_Bad_IsAUsageError(string weights, string message)
    {
        var config = temp.Write("funnel.json", """{ "stages": ["lead", "order"] }""");

        CliRun.Of("attribute", "--input", input, "--config", config, "--model", "milestones", "--milestone-weights", weights).ShouldFail(2, message);
    }

    [Fact]
    public void MilestoneWeights_WithoutTheMilestonesModel_IsAUsageError()
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--milestone-weights", "first=0.5")
            .ShouldFail(2, "--milestone-weights applies to --model milestones");

    [Fact]
    public void Milestones_WithStagesFromTheConfig_WeighFirstAndLastAndRest()
    {
        var config = temp.Write("funnel.json", """{ "stages": ["lead", "order"] }""");

        var run = CliRun.Of("attribute", "--input", input, "--config", config, "--model", "milestones", "--milestone-weights", "first=0.5,order=0.3,rest=0.2", "--model", "w-shaped", "--format", "csv").ShouldSucceed();

        // The order is stage 2 with no lead before it: M0 = email (first 0.5), M1 missing, M2 = search (order 0.3), display
        // the rest 0.2 → sum 1 → 35, 14, 21. w-shaped: M0 0.3, M2 0.3, rest 0.1 → 0.7 → 3/7, 1/7, 3/7 → 30, 10, 30.
        Rows(run).Should().BeEquivalentTo(Rounded(new[]
        {
            ("milestones", "email", 0.5, 35.0), ("milestones", "display", 0.2, 14.0), ("milestones", "search", 0.3, 21.0),
            ("w-shaped", "email", 3.0 / 7, 30.0), ("w-shaped", "display", 1.0 / 7, 10.0), ("w-shaped", "search", 3.0 / 7, 30.0),
        }));
    }

    [Fact]
    public void Config_ModelsAndOptions_AreRun()
    {
        // The file's lookback of 1.5 days leaves email (2 days before) out; its two variants run.
        var config = temp.Write("attribution.json", """
            {
              "lookback": "36h",
              "models": [
                { "name": "early", "model": "u-shaped", "positions": [0.5, 0.3, 0.2] },
                { "name": "late", "model": "time-decay", "halfLife": "1d" }
              ]
            }
            """);

        var run = CliRun.Of("attribute", "--input", input, "--config", config, "--format", "csv").ShouldSucceed();

        // Two eligible touches: u-shaped n = 2 → f/(f+l), l/(f+l) = 0.5/0.7, 0.2/0.7 → 50, 20; time-decay ½, 1 → 1/3, 2/3 → 70/3, 140/3.
        Rows(run).Where(r => r.Channel != "email").Should().BeEquivalentTo(Rounded(new[]
        {
            ("early", "display", 5.0 / 7, 50.0), ("early", "search", 2.0 / 7, 20.0),
            ("late", "display", 1.0 / 3, 70.0 / 3), ("late", "search", 2.0 / 3, 140.0 / 3),
        }));
        Rows(run).Where(r => r.Channel == "email").Should().OnlyContain(r => r.Value == 0);
    }

    [Fact]
    public void Config_CommandLineOptions_OverrideTheFile()
    {
        var config = temp.Write("attribution.json", """
            { "lookback": "36h", "exclude": ["search"], "models": [ { "name": "early", "model": "u-shaped", "positions": [0.5, 0.3, 0.2] } ] }
            """);

        // --lookback 10d brings email back, --exclude display replaces the file's search, --model linear replaces its models:
        // linear over email and search (display excluded, others eligible) → 35, 35.
        var run = CliRun.Of("attribute", "--input", input, "--config", config, "--lookback", "10d", "--exclude", "display", "--model", "linear", "--format", "csv").ShouldSucceed();

        Rows(run).Should().BeEquivalentTo(Rounded(new[]
        {
            ("linear", "email", 0.5, 35.0), ("linear", "display", 0.0, 0.0), ("linear", "search", 0.5, 35.0),
        }));
    }

    [Fact]
    public void Config_ModelTypo_IsAUsageErrorWithItsPathAndASuggestion()
    {
        var config = temp.Write("attribution.json", "{\n  \"models\": [\n    { \"model\": \"linear\" },\n    { \"name\": \"late\", \"model\": \"time-decai\" }\n  ]\n}\n");

        CliRun.Of("attribute", "--input", input, "--config", config)
            .ShouldFail(2, "--config: ", "attribution.json:4: $.models[1].model: unknown model 'time-decai' (did you mean 'time-decay'?)");
    }

    [Fact]
    public void Config_CustomWeightOfAnUnknownChannel_NamesTheModel()
    {
        var config = temp.Write("attribution.json", """{ "models": [ { "model": "custom", "channelWeights": { "serch": 2 } } ] }""");

        CliRun.Of("attribute", "--input", input, "--config", config).ShouldFail(2, "--config: model 'channel-weights': channel 'serch' does not occur", "(did you mean 'search'?)");
    }

    [Fact]
    public void Config_Missing_IsADataError()
        => CliRun.Of("attribute", "--input", input, "--config", temp.File("none.json"), "--model", "linear").ShouldFail(1, "--config", "none.json");

    [Fact]
    public void Config_SampleFile_Loads()
    {
        // The sample the README shows must stay valid: its milestone weights name its stages.
        var sample = Path.Combine(AppContext.BaseDirectory, "attribution.json");
        var config = Attribution.IO.AttributionConfig.Load(sample);

        config.Models.Select(m => m.Name).Should().Contain(["early", "late"]);
    }

    private static (string, string, double, double)[] Rounded((string Model, string Channel, double Conversions, double Value)[] rows)
        => [.. rows.Select(r => (r.Model, r.Channel, Math.Round(r.Conversions, 9), Math.Round(r.Value, 9)))];

    // The model, channel, conversions and value columns found by the header's names, so the rows read the same whatever
    // other columns the CSV has.
    private static List<(string Model, string Channel, double Conversions, double Value)> Rows(CliRun run)
    {
        var lines = run.StdoutLines;
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (model, channel, conversions, value) = (Column("model"), Column("channel"), Column("conversions"), Column("value"));
        return [.. lines.Skip(1).Select(l => l.Split(',')).Where(f => f[channel] != "(unattributed)").Select(f => (
            f[model], f[channel],
            Math.Round(double.Parse(f[conversions], CultureInfo.InvariantCulture), 9),
            Math.Round(double.Parse(f[value], CultureInfo.InvariantCulture), 9)))];
    }
}
