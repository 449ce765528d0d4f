using System.IO.Compression;
using System.Text;

namespace Attribution.Cli.Tests;

public sealed class StandardInputTests : IDisposable
{
    // Linear: journey a splits 90 between email and display (45 each); journey b gives its 30 to email.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "a,2025-01-01T00:00:00Z,email,,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,90,\n" +
        "b,2025-01-01T00:00:00Z,email,,,,\n" +
        "b,2025-01-02T00:00:00Z,,,order,30,\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void InputDash_ReadsStandardInput()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(Events), "attribute", "--input", "-", "--model", "linear", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Should().Contain("linear,order,email,1.5,75").And.Contain("linear,order,display,0.5,45");
    }

    [Fact]
    public void GzipOnStandardInput_IsDecompressed()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Events));
        }

        var run = CliRun.WithInput(compressed.ToArray(), "attribute", "--input", "-", "--model", "linear", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Should().Contain("linear,order,email,1.5,75");
    }

    [Fact]
    public void GzipFile_IsReadLikeThePlainOne()
    {
        var path = temp.File("events.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Events));
        }

        var run = CliRun.Of("attribute", "--input", path, "--model", "linear", "--format", "csv").ShouldSucceed();

        run.StdoutLines.Should().Contain("linear,order,email,1.5,75");
    }

    [Fact]
    public void ErrorsOnStandardInput_NameIt()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("journey_id,timestamp,channel\na,yesterday,email\n"), "attribute", "--input", "-", "--model", "linear");

        run.ShouldFail(1, "<stdin>:2: column 'timestamp'");
    }

    [Fact]
    public void TwoInputsFromStandardInput_IsAUsageError()
        => CliRun.WithInput(Encoding.UTF8.GetBytes(Events), "attribute", "--input", "-", "--model", "linear", "--spend", "-")
            .ShouldFail(2, "--input and --spend both read standard input ('-'); at most one input can.");

    [Fact]
    public void OutputBesideStandardInput_IsNotMistakenForTheSameFile()
    {
        var output = temp.File("-");

        CliRun.WithInput(Encoding.UTF8.GetBytes(Events), "attribute", "--input", "-", "--model", "linear", "--format", "csv", "--output", output).ShouldSucceed();

        File.ReadAllText(output).Should().Contain("linear,order,email,1.5,75");
    }
}
