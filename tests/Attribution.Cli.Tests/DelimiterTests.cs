namespace Attribution.Cli.Tests;

public sealed class DelimiterTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(";", ";")]
    [InlineData("|", "|")]
    [InlineData("tab", "\t")]
    public void Delimiter_ReadsTheEventLogWithIt(string option, string separator)
    {
        // Linear: the order's 90 splits over email and display, 45 each.
        var rows = new[]
        {
            "journey_id,timestamp,channel,campaign,conversion,value",
            "a,2025-01-01T00:00:00Z,email,,,",
            "a,2025-01-02T00:00:00Z,display,,,",
            "a,2025-01-03T00:00:00Z,,,order,90",
        };
        var input = temp.Write("events.csv", string.Join("\n", rows.Select(r => r.Replace(",", separator, StringComparison.Ordinal))) + "\n");

        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--delimiter", option, "--format", "csv").ShouldSucceed();

        run.StdoutLines.Should().Contain("linear,order,email,0.5,45").And.Contain("linear,order,display,0.5,45");
    }

    [Theory]
    [InlineData(";;", "is not one character")]
    [InlineData("\"", "cannot separate CSV fields")]
    [InlineData("a", "cannot separate CSV fields")]
    public void BadDelimiter_IsAUsageError(string option, string message)
    {
        var input = temp.Write("events.csv", "journey_id,timestamp,channel\na,2025-01-01T00:00:00Z,email\n");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--delimiter", option).ShouldFail(2, "--delimiter", message);
    }

    [Fact]
    public void DelimiterWithAPathFile_IsAUsageError()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions\na,1\n");

        CliRun.Of("attribute", "--paths", paths, "--model", "linear", "--delimiter", ";").ShouldFail(2, "--delimiter");
    }
}
