using System.Globalization;
using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: <c>attribution budget</c> on the issue's example.</summary>
public sealed class BudgetCommandTests : IDisposable
{
    // One touch per journey, so every model credits the same: A earns 400, B earns 100, email earns 50.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,A,,,,\n" +
        "a,2025-01-02T00:00:00Z,,,order,400,\n" +
        "b,2025-01-01T00:00:00Z,B,,,,\n" +
        "b,2025-01-02T00:00:00Z,,,order,100,\n" +
        "c,2025-01-01T00:00:00Z,email,,,,\n" +
        "c,2025-01-02T00:00:00Z,,,order,50,\n";

    // A and B spent 100 each; email has no spend, so it is left out.
    private const string Spend =
        "channel,campaign,date,cost\n" +
        "A,,,100\n" +
        "B,,,100\n";

    private readonly TempDirectory temp = new();
    private readonly string input;
    private readonly string spend;

    public BudgetCommandTests()
    {
        input = temp.Write("events.csv", Events);
        spend = temp.Write("spend.csv", Spend);
    }

    public void Dispose() => temp.Dispose();

    private CliRun Budget(params string[] extra)
        => CliRun.Of(["budget", "--input", input, "--model", "linear", "--spend", spend, .. extra]);

    [Fact]
    public void Csv_IssueExample_HalfElasticity()
    {
        var run = Budget("--budget", "200", "--format", "csv").ShouldSucceed();

        // a_A = 400 / √100 = 40, a_B = 100 / √100 = 10; s ∝ a² = 1600 : 100 → A = 3200/17 = 188.235…, B = 200/17 = 11.764…
        // v_A = 400 · √(32/17), v_B = 100 · √(2/17); total √(200 · 1700) = 583.095…
        var lines = run.StdoutLines;
        lines[0].Should().Be("model,channel,current_spend,current_value,proposed_spend,change,expected_value,bound");
        lines.Should().HaveCount(5);
        ShouldHave(lines[1], "linear", "A", "free", 100, 400, 3200.0 / 17, (3200.0 / 17) - 100, 400 * Math.Sqrt(32.0 / 17));
        ShouldHave(lines[2], "linear", "B", "free", 100, 100, 200.0 / 17, (200.0 / 17) - 100, 100 * Math.Sqrt(2.0 / 17));
        ShouldHave(lines[3], "linear", "(total)", string.Empty, 200, 500, 200, 0, Math.Sqrt(340_000));
        lines[4].Should().Be("linear,email,0,50,,,,no-spend");
    }

    [Fact]
    public void Json_IssueExample_ElasticityOne_AllToA()
    {
        var run = Budget("--budget", "200", "--elasticity", "1", "--currency", "EUR", "--format", "json").ShouldSucceed();

        // ROAS A = 4, B = 1: all 200 to A, value 400 · 2 = 800; B at its minimum 0.
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        root.GetProperty("whatIf").GetString().Should().StartWith("What-if, not a forecast: ").And.Contain("(s / s0)^1,");
        root.GetProperty("model").GetString().Should().Be("linear");
        root.GetProperty("currency").GetString().Should().Be("EUR");
        root.GetProperty("budget").GetDouble().Should().Be(200);
        root.GetProperty("elasticity").GetDouble().Should().Be(1);
        root.GetProperty("min").GetDouble().Should().Be(0);
        root.GetProperty("max").ValueKind.Should().Be(JsonValueKind.Null);
        var rows = root.GetProperty("rows").EnumerateArray().ToArray();
        rows.Select(r => r.GetProperty("channel").GetString()).Should().Equal("A", "B");
        rows.Select(r => r.GetProperty("proposedSpend").GetDouble()).Should().Equal(200, 0);
        rows.Select(r => r.GetProperty("change").GetDouble()).Should().Equal(100, -100);
        rows.Select(r => r.GetProperty("expectedValue").GetDouble()).Should().Equal(800, 0);
        rows.Select(r => r.GetProperty("bound").GetString()).Should().Equal("free", "min");
        root.GetProperty("total").GetProperty("expectedValue").GetDouble().Should().Be(800);
        root.GetProperty("leftOut").EnumerateArray().Select(r => r.GetProperty("channel").GetString()).Should().Equal("email");
    }

    [Fact]
    public void Table_IssueExample_LabelledAsAWhatIf()
    {
        var run = Budget("--budget", "200", "--format", "table").ShouldSucceed();

        // Rounded to cents: A 188.24 (+88.24), 400 · √1.88235 = 548.795…; B 11.76 (−88.24), 100 · √0.117647 = 34.299…;
        // total 583.095….
        run.Stdout.Split('\n').Should().Equal(
            "What-if, not a forecast: assumes each channel's credited value (linear model) responds to its spend as v = v0 · (s / s0)^0.5, with no bounds on a channel's spend.",
            string.Empty,
            "channel  current spend  current value  proposed spend  change  expected value  bound",
            "-------  -------------  -------------  --------------  ------  --------------  -----",
            "A                  100            400          188.24  +88.24           548.8  free",
            "B                  100            100           11.76  -88.24            34.3  free",
            "-------  -------------  -------------  --------------  ------  --------------  -----",
            "(total)            200            500             200       0           583.1",
            string.Empty,
            "Left out, no current spend: email (value 50).",
            string.Empty);
    }

    [Fact]
    public void Bounds_ClipBothChannels()
    {
        var run = Budget("--budget", "200", "--min", "0.5", "--max", "1.5", "--format", "csv").ShouldSucceed();

        // Unbounded A = 188.24 is 38.24 above its max 150 and B = 11.76 is 38.24 below its min 50: A 150, B 50.
        // Values 400 · √1.5 = 489.89…, 100 · √0.5 = 70.71….
        ShouldHave(run.StdoutLines[1], "linear", "A", "max", 100, 400, 150, 50, 400 * Math.Sqrt(1.5));
        ShouldHave(run.StdoutLines[2], "linear", "B", "min", 100, 100, 50, -50, 100 * Math.Sqrt(0.5));
    }

    [Fact]
    public void Output_WritesTheFile()
    {
        var path = temp.File("plan.csv");

        Budget("--budget", "200", "--elasticity", "1", "--output", path).ShouldSucceed().Stdout.Should().BeEmpty();

        File.ReadAllText(path).Should().StartWith("model,channel,").And.Contain("linear,A,100,400,200,100,800,free\n");
    }

    [Theory]
    [InlineData("99", "--min", "0.5", "is below 100")]
    [InlineData("401", "--max", "2", "is above 400")]
    public void InfeasibleBudget_IsAUsageErrorNamingBudget(string budget, string option, string value, string fragment)
        => Budget("--budget", budget, option, value, option == "--min" ? "--max" : "--min", option == "--min" ? "2" : "0.5")
            .ShouldFail(2, "--budget: ", fragment);

    [Theory]
    [InlineData("--budget", "0", "--budget: ")]
    [InlineData("--budget", "-5", "--budget: ")]
    [InlineData("--budget", "lots", "--budget: 'lots' is not a number")]
    [InlineData("--elasticity", "0", "--elasticity: ")]
    [InlineData("--elasticity", "1.5", "--elasticity: ")]
    [InlineData("--min", "-1", "--min: ")]
    [InlineData("--max", "0", "--max: ")]
    public void BadOption_IsAUsageErrorNamingIt(string option, string value, string fragment)
    {
        string[] args = option == "--budget" ? [option, value] : ["--budget", "200", option, value];
        Budget(args).ShouldFail(2, fragment);
    }

    [Fact]
    public void MinAboveMax_IsAUsageError()
        => Budget("--budget", "200", "--min", "3", "--max", "2").ShouldFail(2, "--min: 3 is above --max 2");

    [Fact]
    public void SeveralModels_IsAUsageError()
        => CliRun.Of("budget", "--input", input, "--model", "linear,last-touch", "--spend", spend, "--budget", "200")
            .ShouldFail(2, "--model: ", "one model at a time");

    [Fact]
    public void OneVariantWithCommasInItsArguments_IsOneModel()
    {
        // early=u-shaped:0.5,0.3,0.2 is one model, not three: it plans the same channels as one plain model.
        var plain = Budget("--budget", "200", "--format", "csv").ShouldSucceed();
        var variant = CliRun.Of("budget", "--input", input, "--model", "early=u-shaped:0.5,0.3,0.2", "--spend", spend, "--budget", "200", "--format", "csv").ShouldSucceed();

        variant.StdoutLines.Should().HaveCount(plain.StdoutLines.Length);
    }

    [Fact]
    public void MissingSpend_IsAUsageError()
        => CliRun.Of("budget", "--input", input, "--model", "linear", "--budget", "200").ShouldFail(2, "--spend");

    [Fact]
    public void SpendFileWithoutSpend_IsADataError()
    {
        var zero = temp.Write("zero.csv", "channel,campaign,date,cost\nA,,,0\n");

        CliRun.Of("budget", "--input", input, "--model", "linear", "--spend", zero, "--budget", "200")
            .ShouldFail(1, "--spend: ", "No channel has spend");
    }

    /// <summary>Checks a CSV line's text cells exactly and its five numbers to 1e-9.</summary>
    private static void ShouldHave(string line, string model, string channel, string bound, params double[] numbers)
    {
        var cells = line.Split(',');
        cells.Should().HaveCount(8);
        cells[0].Should().Be(model);
        cells[1].Should().Be(channel);
        cells[7].Should().Be(bound);
        for (var i = 0; i < numbers.Length; i++)
        {
            double.Parse(cells[2 + i], CultureInfo.InvariantCulture).Should().BeApproximately(numbers[i], 1e-9, "column {0} of {1}", i + 2, line);
        }
    }
}
