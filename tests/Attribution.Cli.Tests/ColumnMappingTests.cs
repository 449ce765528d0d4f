namespace Attribution.Cli.Tests;

public sealed class ColumnMappingTests : IDisposable
{
    // One journey: email, display, then an order of 90. Linear gives each touch 90 / 2 = 45 (share 0.5).
    private static readonly string[] StandardRows =
    [
        "journey_id,timestamp,channel,campaign,conversion,value",
        "a,2025-01-01T00:00:00Z,email,,,",
        "a,2025-01-02T00:00:00Z,display,,,",
        "a,2025-01-03T00:00:00Z,,,order,90",
    ];

    private static readonly string[] ExportRows =
    [
        "user_id,ts,source,campaign,event,revenue",
        "a,2025-01-01T00:00:00Z,email,,,",
        "a,2025-01-02T00:00:00Z,display,,,",
        "a,2025-01-03T00:00:00Z,,,order,90",
    ];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    // One --column per item between the bars: comma-separated in one, or repeated.
    [InlineData("journey_id=user_id,timestamp=ts,channel=source,conversion=event,value=revenue")]
    [InlineData("journey_id=user_id|timestamp=ts|channel=source|conversion=event,value=revenue")]
    public void Column_MappedFileGivesTheSameAttributionAsTheStandardFile(string options)
    {
        var standard = temp.Write("standard.csv", string.Join("\n", StandardRows) + "\n");
        var export = temp.Write("export.csv", string.Join("\n", ExportRows) + "\n");
        var args = new List<string> { "attribute", "--input", export, "--model", "linear", "--format", "csv" };
        foreach (var mapping in options.Split('|'))
        {
            args.AddRange(["--column", mapping]);
        }

        var expected = CliRun.Of("attribute", "--input", standard, "--model", "linear", "--format", "csv").ShouldSucceed();
        var run = CliRun.Of([.. args]).ShouldSucceed();

        run.StdoutLines.Should().Contain("linear,order,email,0.5,45").And.Contain("linear,order,display,0.5,45");
        run.Stdout.Should().Be(expected.Stdout);
    }

    [Fact]
    public void Column_UnknownStandardName_IsAUsageErrorWithDidYouMean()
    {
        var export = temp.Write("export.csv", string.Join("\n", ExportRows) + "\n");

        CliRun.Of("attribute", "--input", export, "--model", "linear", "--column", "journeyid=user_id")
            .ShouldFail(2, "--column", "'journeyid' is not a column of the event log (did you mean 'journey_id'?)");
    }

    [Theory]
    [InlineData("journey_id", "is not COLUMN=HEADER")]
    [InlineData("=user_id", "is not COLUMN=HEADER")]
    [InlineData("journey_id=", "column journey_id is mapped to an empty header")]
    [InlineData("journey_id=user_id,journey_id=uid", "column journey_id is mapped twice, to 'user_id' and 'uid'")]
    [InlineData("journey_id=channel", "columns journey_id and channel are both read from header 'channel'")]
    [InlineData(",", "give at least one COLUMN=HEADER")]
    public void Column_BadMapping_IsAUsageError(string mapping, string message)
    {
        var export = temp.Write("export.csv", string.Join("\n", ExportRows) + "\n");

        CliRun.Of("attribute", "--input", export, "--model", "linear", "--column", mapping).ShouldFail(2, "--column", message);
    }

    [Fact]
    public void Column_HeaderTheFileLacks_IsADataErrorNamingIt()
    {
        var standard = temp.Write("standard.csv", string.Join("\n", StandardRows) + "\n");

        CliRun.Of("attribute", "--input", standard, "--model", "linear", "--column", "journey_id=user_id")
            .ShouldFail(1, "standard.csv", "the header has no 'user_id' column (mapped to journey_id)");
    }

    [Fact]
    public void ColumnWithAPathFile_IsAUsageError()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions\na,1\n");

        CliRun.Of("attribute", "--paths", paths, "--model", "linear", "--column", "journey_id=user_id").ShouldFail(2, "--column");
    }

    [Fact]
    public void Column_AppliesToOtherEventLogCommands()
    {
        // markov reads through the same option group. One path email > display > order: removing either channel breaks
        // the only path, so both removal effects are 1 and the 90 splits 45 / 45.
        var standard = temp.Write("standard.csv", string.Join("\n", StandardRows) + "\n");
        var export = temp.Write("export.csv", string.Join("\n", ExportRows) + "\n");

        var expected = CliRun.Of("markov", "--input", standard, "--conversion", "order", "--format", "csv").ShouldSucceed();
        var run = CliRun.Of("markov", "--input", export, "--conversion", "order", "--format", "csv", "--column", "journey_id=user_id,timestamp=ts,channel=source,conversion=event,value=revenue").ShouldSucceed();

        run.Stdout.Should().Be(expected.Stdout);
        run.StdoutLines.Should().Contain("email,1,1,0.5,45").And.Contain("display,1,1,0.5,45");
    }
}
