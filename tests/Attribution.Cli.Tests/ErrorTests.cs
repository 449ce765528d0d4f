namespace Attribution.Cli.Tests;

public sealed class ErrorTests : IDisposable
{
    private const string Header = "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n";

    private readonly TempDirectory temp = new();
    private readonly string input;

    public ErrorTests()
    {
        input = temp.Write("events.csv",
            Header +
            "a,2025-01-01T00:00:00Z,email,,,,\n" +
            "a,2025-01-02T00:00:00Z,display,,,,\n" +
            "a,2025-01-03T00:00:00Z,,,order,90,\n");
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void UnknownModel_IsAUsageErrorListingTheKnownModels()
        => CliRun.Of("attribute", "--input", input, "--model", "markov-chain")
            .ShouldFail(2, "--model", "'markov-chain'", "first-touch, last-touch, linear, time-decay, u-shaped, channel-weights", "custom for channel-weights");

    [Fact]
    public void SameModelTwice_IsAUsageError()
        => CliRun.Of("attribute", "--input", input, "--model", "first-touch", "--model", "first")
            .ShouldFail(2, "--model", "'first-touch' is given twice");

    [Theory]
    [InlineData("--lookback", "30x")]
    [InlineData("--lookback", "30")]
    [InlineData("--lookback", "d")]
    [InlineData("--lookback", "-1d")]
    [InlineData("--lookback", "0d")]
    [InlineData("--lookback", "1;5d")]
    [InlineData("--half-life", "1e3d")]
    [InlineData("--half-life", "one week")]
    public void BadDuration_IsAUsageErrorNamingTheOption(string option, string value)
        => CliRun.Of("attribute", "--input", input, "--model", "time-decay", option, value)
            .ShouldFail(2, option + ": ", "'" + value + "'");

    [Theory]
    [InlineData("0.4,0.4")]
    [InlineData("0.5,0.5,0.5")]
    [InlineData("0.4,-0.2,0.8")]
    [InlineData("0.4,x,0.6")]
    public void BadPositions_IsAUsageError(string positions)
        => CliRun.Of("attribute", "--input", input, "--model", "u-shaped", "--positions", positions)
            .ShouldFail(2, "--positions: ");

    [Theory]
    [InlineData("email")]
    [InlineData("email=-1")]
    [InlineData("=2")]
    [InlineData("email=2,email=3")]
    public void BadChannelWeights_IsAUsageError(string weights)
        => CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", weights)
            .ShouldFail(2, "--channel-weights: ");

    [Fact]
    public void ChannelWeightsForAChannelNotInTheData_NamesTheChannel()
        => CliRun.Of("attribute", "--input", input, "--model", "custom", "--channel-weights", "email=2,emial=3")
            .ShouldFail(2, "--channel-weights", "'emial'", "email, display");

    [Fact]
    public void ExcludedChannelNotInTheData_NamesTheChannelAndSuggestsTheCase()
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--exclude", "Display")
            .ShouldFail(2, "--exclude", "'Display'", "did you mean 'display'?");

    [Fact]
    public void MistypedExcludedChannel_IsAUsageErrorWithTheClosestName()
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--exclude", "dsiplay")
            .ShouldFail(2, "--exclude", "'dsiplay'", "did you mean 'display'?");

    [Theory]
    [InlineData("--half-life", "3d", "time-decay")]
    [InlineData("--positions", "0.3,0.4,0.3", "u-shaped")]
    [InlineData("--channel-weights", "email=2", "channel-weights")]
    public void ModelOptionWithoutItsModel_IsAUsageError(string option, string value, string model)
        => CliRun.Of("attribute", "--input", input, "--model", "linear", option, value)
            .ShouldFail(2, option, model);

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--by", "team")]
    public void BadChoice_IsAUsageErrorNamingTheOption(string option, string value)
        => CliRun.Of("attribute", "--input", input, "--model", "linear", option, value)
            .ShouldFail(2, option + ": ", "'" + value + "'");

    [Fact]
    public void MissingRequiredOption_IsAUsageError()
        => CliRun.Of("attribute", "--input", input).ShouldFail(2, "--model");

    [Fact]
    public void UnknownOption_IsAUsageError()
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--window", "3d").ShouldFail(2, "--window");

    [Fact]
    public void NoArguments_PrintsHelpAndSucceeds()
    {
        var run = CliRun.Of().ShouldSucceed();

        run.Stdout.Should().Contain("Usage:").And.Contain("attribute").And.Contain("demo");
    }

    [Fact]
    public void MistypedOption_SuggestsTheOptionAndPointsToTheCommandsHelp()
        => CliRun.Of("attribute", "--inptu", input, "--model", "linear")
            .ShouldFail(2, "'attribution attribute' has no option '--inptu' (did you mean '--input'?). See 'attribution attribute --help'.");

    [Fact]
    public void MistypedCommand_SuggestsTheCommand()
        => CliRun.Of("atribute", "--input", input).ShouldFail(2, "'atribute' is not a command of 'attribution' (did you mean 'attribute'?). See 'attribution --help'.");

    [Fact]
    public void MistypedSubcommand_SuggestsItWithinItsParent()
        => CliRun.Of("import", "salesfrce").ShouldFail(2, "'salesfrce' is not a command of 'attribution import' (did you mean 'salesforce'?). See 'attribution import --help'.");

    [Fact]
    public void StrayArgument_IsNamed()
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "extra").ShouldFail(2, "unexpected argument 'extra'. See 'attribution attribute --help'.");

    [Fact]
    public void MissingInputFile_IsADataErrorNamingTheFile()
    {
        var missing = temp.File("nope.csv");

        CliRun.Of("attribute", "--input", missing, "--model", "linear").ShouldFail(1, "--input", missing);
    }

    [Fact]
    public void MalformedRow_IsADataErrorNamingFileLineAndColumn()
    {
        var bad = temp.Write("bad.csv",
            Header +
            "a,2025-01-01T00:00:00Z,email,,,,\n" +
            "a,2025-01-03T00:00:00Z,,,order,ninety,\n");

        // The header is line 1, so the bad value is on line 3.
        CliRun.Of("attribute", "--input", bad, "--model", "linear").ShouldFail(1, bad + ":3", "column 'value'");
    }

    [Fact]
    public void UnwritableOutput_IsADataErrorNamingTheOption()
    {
        var output = Path.Combine(temp.Path, "no-such-dir", "out.csv");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", output).ShouldFail(1, "--output", output);
    }

    [Fact]
    public void PublicEntryPoint_WritesTheSameOneLineErrors()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["attribute", "--input", input, "--model", "nope"], stdout, stderr, cancellationToken: TestContext.Current.CancellationToken);

        exit.Should().Be(2);
        stderr.ToString().Should().StartWith("attribution: error: --model: unknown model 'nope'");
    }

    [Fact]
    public void Help_GoesToStdoutAndSucceeds()
    {
        var run = CliRun.Of("attribute", "--help").ShouldSucceed();

        run.Stdout.Should().Contain("attribution attribute").And.Contain("--channel-weights").And.Contain("--lookback");
    }
}
