using System.Globalization;

namespace Attribution.IO.Tests.Fuzz;

/// <summary>Fuzzes every reader (issue 15 §6). A fast seeded subset runs with every <c>dotnet test</c>; for a long run set
/// <c>ATTRIBUTION_FUZZ_CASES</c> (cases per reader, run on every core) and, to explore new inputs, <c>ATTRIBUTION_FUZZ_SEED</c>:
/// <code>ATTRIBUTION_FUZZ_CASES=250000 dotnet test tests/Attribution.IO.Tests -- --filter-class Attribution.IO.Tests.Fuzz.ReaderFuzzTests</code>
/// A failure message holds the case's seed and its input in base64, to replay it.</summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    // About half a second per reader on a laptop core.
    private const int DefaultCases = 600;

    [Theory]
    [InlineData(ReaderFuzz.EventLog)]
    [InlineData(ReaderFuzz.Paths)]
    [InlineData(ReaderFuzz.Spend)]
    [InlineData(ReaderFuzz.MarkovJson)]
    [InlineData(ReaderFuzz.ShapleyJson)]
    public void Read_MutatedValidInput_EndsInAResultOrTheDocumentedException(string reader)
    {
        var cases = Setting("ATTRIBUTION_FUZZ_CASES", DefaultCases);
        var seed = Setting("ATTRIBUTION_FUZZ_SEED", 15);
        var threads = cases > DefaultCases ? Environment.ProcessorCount : 1;

        var result = ReaderFuzz.Run(reader, cases, seed, threads);

        output.WriteLine(result.ToString());
        result.Failures.Should().BeEmpty(result.ToString());

        // The mutations must reach both outcomes, or the fuzz tests nothing: most mutated files are rejected, some read.
        result.Results.Should().BePositive();
        result.DataErrors.Should().BePositive();
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
