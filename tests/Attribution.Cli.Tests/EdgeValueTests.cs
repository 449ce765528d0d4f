namespace Attribution.Cli.Tests;

/// <summary>Issue 15 §2: extreme and odd option values get a clear answer, never an internal error or Infinity/NaN in a report.</summary>
public sealed class EdgeValueTests : IDisposable
{
    private const string Header = "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n";

    private readonly TempDirectory temp = new();
    private readonly string input;

    public EdgeValueTests()
    {
        input = temp.Write("events.csv",
            Header +
            "a,2025-01-01T00:00:00Z,email,,,,\n" +
            "a,2025-01-02T00:00:00Z,display,,,,\n" +
            "a,2025-01-03T00:00:00Z,,,order,90,\n");
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("-0,0.5,0.5")]
    [InlineData("-0.00,0.5,0.5")]
    public void NegativeZeroPositions_AreZero(string positions)
        // Two touches under u-shaped: first f/(f+l) = 0/(0+0.5) = 0, last 0.5/(0+0.5) = 1, so display takes all 90.
        => CliRun.Of("attribute", "--input", input, "--model", "u-shaped", "--positions=" + positions).ShouldSucceed()
            .Stdout.Should().Be("model,conversion,channel,conversions,value\nu-shaped,order,display,1,90\nu-shaped,order,email,0,0\n");

    [Fact]
    public void ANegativeZeroChannelWeight_IsZero()
        // email weighs 0, display 1 (unlisted): display takes all 90.
        => CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", "email=-0").ShouldSucceed()
            .Stdout.Should().Be("model,conversion,channel,conversions,value\nchannel-weights,order,display,1,90\nchannel-weights,order,email,0,0\n");

    [Theory]
    [InlineData("0.00000001s")]
    [InlineData("0.00000004s")]
    public void ADurationThatRoundsToZeroTicks_IsAUsageError(string lookback)
        // A tick is 100 ns = 0.0000001 s; 10 ns and 40 ns round to 0 ticks.
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--lookback", lookback)
            .ShouldFail(2, "--lookback: '" + lookback + "' is shorter than the shortest duration");

    [Fact]
    public void ADurationOfOneTick_IsAccepted()
        // 0.00000006 s rounds to 1 tick; nothing is eligible that close before the conversion, so all 90 is unattributed.
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--lookback", "0.00000006s").ShouldSucceed()
            .Stdout.Should().Be("model,conversion,channel,conversions,value\nlinear,order,display,0,0\nlinear,order,email,0,0\nlinear,order,(unattributed),1,90\n");

    [Theory]
    [InlineData("NaNd", "'NaN' in 'NaNd' is not a number")]
    [InlineData("Infinityd", "'Infinity' in 'Infinityd' is not a number")]
    [InlineData("-0d", "'-0d' must be longer than zero")]
    [InlineData("-1d", "'-1d' must be longer than zero")]
    public void ADurationThatIsNotAPositiveNumber_SaysSo(string lookback, string message)
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--lookback", lookback).ShouldFail(2, "--lookback: " + message);

    [Theory]
    [InlineData(new[] { "attribute", "--input", "E", "--model", "markov", "--order", "abc" }, "--order expects a whole number from 1 to 32, got 'abc'")]
    [InlineData(new[] { "attribute", "--input", "E", "--model", "markov", "--order", "1.5" }, "--order expects a whole number from 1 to 32, got '1.5'")]
    [InlineData(new[] { "attribute", "--input", "E", "--model", "markov", "--order=-0" }, "--order expects a whole number from 1 to 32, got '-0'")]
    [InlineData(new[] { "markov", "--input", "E", "--order", "99999999999" }, "--order expects a whole number from 1 to 32, got '99999999999'")]
    [InlineData(new[] { "fit", "--input", "E", "--model", "markov", "--order", "x", "--save", "O" }, "--order expects a whole number from 1 to 32, got 'x'")]
    [InlineData(new[] { "choose-order", "--input", "E", "--seed", "99999999999" }, "--seed expects a whole number from -2147483648 to 2147483647, got '99999999999'")]
    [InlineData(new[] { "choose-order", "--input", "E", "--folds", "many" }, "--folds expects a whole number of at least 2, got 'many'")]
    [InlineData(new[] { "choose-order", "--input", "E", "--max-order", "0" }, "--max-order expects a whole number from 1 to 32, got '0'")]
    public void AWholeNumberOption_NamesTheExpectedValueInWords(string[] args, string message)
    {
        var run = CliRun.Of([.. args.Select(a => a == "E" ? input : a == "O" ? temp.File("model.json") : a)]);

        run.ShouldFail(2, message);
        run.Stderr.Should().NotContain("System.");
    }

    [Fact]
    public void TheSeed_AcceptsNegativeZero()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\nemail,1,1,1\ndisplay,0,0,1\nemail > display,1,1,0\n");

        CliRun.Of("choose-order", "--paths", paths, "--seed=-0", "--max-order", "1", "--folds", "2").ShouldSucceed()
            .StdoutLines[0].Should().Be("order,states,auc,penalized_auc,best");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("json")]
    public void ConversionValuesThatOverflowTheTotal_StopWithAnErrorNamingTheInput(string format)
    {
        // 1e308 + 1e308 = Infinity: the total of all conversion value cannot be held.
        var huge = temp.Write("huge.csv", Header + "a,2025-01-01T00:00:00Z,email,,,,\na,2025-01-02T00:00:00Z,,,order,1e308,\nb,2025-01-01T00:00:00Z,email,,,,\nb,2025-01-02T00:00:00Z,,,order,1e308,\n");

        CliRun.Of("attribute", "--input", huge, "--model", "linear", "--format", format)
            .ShouldFail(1, huge + ":5: column 'value'", "above the largest number");
    }

    [Fact]
    public void ConversionValuesThatOverflow_WriteNoHtmlReport()
    {
        var huge = temp.Write("huge.csv", Header + "a,2025-01-01T00:00:00Z,email,,,,\na,2025-01-02T00:00:00Z,,,order,1e308,\na,2025-01-03T00:00:00Z,,,order,1e308,\n");
        var html = temp.File("report.html");

        CliRun.Of("report", "--input", huge, "--model", "linear", "--output", html).ShouldFail(1, "above the largest number");

        File.Exists(html).Should().BeFalse();
    }

    [Theory]
    [InlineData("markov")]
    [InlineData("shapley")]
    public void APathFileWhoseValuesOverflow_StopsWithAnErrorNamingTheFile(string model)
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\nemail > display,1,1e308,0\ndisplay,1,1e308,1\n");

        CliRun.Of("attribute", "--paths", paths, "--model", model).ShouldFail(1, paths + ":3: column 'total_conversion_value'", "above the largest number");
    }

    [Fact]
    public void SpendThatOverflows_StopsWithAnErrorNamingTheSpendFile()
    {
        var spend = temp.Write("spend.csv", "channel,campaign,date,cost\nemail,,2025-01-01,1e308\nemail,,2025-01-02,1e308\n");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--spend", spend).ShouldFail(1, spend, "above the largest number");
    }

    [Fact]
    public void ChannelWeightsThatCouldOverflowTheirSum_AreAUsageError()
        => CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", "email=1e308,display=1e308")
            .ShouldFail(2, "--channel-weights: '1e308' in 'email=1e308' is too large");

    [Fact]
    public void TheLargestChannelWeight_IsAccepted()
    {
        var lines = CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", "email=1e290").ShouldSucceed().StdoutLines;

        // email weighs 1e290 and display 1: display's share 1 / (1e290 + 1) is below the last bit of 1, so email takes
        // all 90 and display about 90e-290 = 9e-289 (its last digits depend on the order of the division).
        lines[1].Should().Be("channel-weights,order,email,1,90");
        var display = lines[2].Split(',');
        display[2].Should().Be("display");
        double.Parse(display[4], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(9e-289, 1e-300);
    }
}
