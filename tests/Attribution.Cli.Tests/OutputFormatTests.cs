namespace Attribution.Cli.Tests;

public sealed class OutputFormatTests : IDisposable
{
    // Linear: journey a splits 90 between email and display.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,email,,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,90,\n";

    private readonly TempDirectory temp = new();
    private readonly string input;

    public OutputFormatTests() => input = temp.Write("events.csv", Events);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void JsonExtension_WritesJson()
    {
        var output = temp.File("out.json");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", output).ShouldSucceed();

        File.ReadAllText(output).TrimStart().Should().StartWith("{");
    }

    [Fact]
    public void CsvExtension_WritesCsv()
    {
        var output = temp.File("out.CSV");

        CliRun.Of("markov", "--input", input, "--output", output).ShouldSucceed();

        File.ReadAllText(output).Should().StartWith("channel,");
    }

    [Fact]
    public void TxtExtension_WritesTheTable()
    {
        var output = temp.File("out.txt");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", output).ShouldSucceed();

        var text = File.ReadAllText(output);
        text.Should().NotStartWith("model,").And.Contain("email");
    }

    [Fact]
    public void NoExtension_TakesTheDefault()
    {
        var output = temp.File("out");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", output).ShouldSucceed();

        File.ReadAllText(output).Should().StartWith("model,");
    }

    [Theory]
    [InlineData("report", "r.pdf", "--output: cannot tell a format from the extension '.pdf' of")]
    [InlineData("report", "r.csv", "--output: this command cannot write CSV")]
    [InlineData("contributions", "c.html", "--output: this command cannot write HTML")]
    [InlineData("attribute", "a.xlsx", "--output: cannot tell a format from the extension '.xlsx'")]
    public void ExtensionTheCommandCannotWrite_IsAUsageErrorBeforeReading(string command, string name, string message)
    {
        // The input does not exist: the format is checked first, so the error is about the output.
        CliRun.Of(command, "--input", temp.File("missing.csv"), "--model", "linear", "--output", temp.File(name)).ShouldFail(2, message);
        File.Exists(temp.File(name)).Should().BeFalse();
    }

    [Fact]
    public void FormatThatContradictsTheExtension_IsAUsageError()
        => CliRun.Of("attribute", "--input", input, "--model", "linear", "--format", "json", "--output", temp.File("r.csv"))
            .ShouldFail(2, "--format json contradicts --output");

    [Fact]
    public void FormatWithAnUnknownExtension_IsTaken()
    {
        var output = temp.File("out.dat");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--format", "json", "--output", output).ShouldSucceed();

        File.ReadAllText(output).TrimStart().Should().StartWith("{");
    }

    [Fact]
    public void JsonOfEveryCommand_UsesCamelCaseNames()
    {
        // The CSV header says removal_effect; JSON says removalEffect, as attribute's and explain's JSON do.
        var markov = CliRun.Of("markov", "--input", input, "--format", "json").ShouldSucceed().Stdout;
        var attribute = CliRun.Of("attribute", "--input", input, "--model", "linear", "--format", "json").ShouldSucceed().Stdout;

        markov.Should().Contain("\"removalEffect\"").And.Contain("\"valueRemovalEffect\"").And.NotContain("removal_effect");
        attribute.Should().NotMatchRegex("\"[a-z]+_[a-z_]+\":");
    }
}
