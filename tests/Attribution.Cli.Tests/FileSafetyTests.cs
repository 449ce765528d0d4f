using System.Diagnostics;

namespace Attribution.Cli.Tests;

/// <summary>Issue 15 §1: no command destroys an input or leaves a half-written output.</summary>
public sealed class FileSafetyTests(FileSafetyTests.LargeEventLog large) : IDisposable, IClassFixture<FileSafetyTests.LargeEventLog>
{
    private const string Header = "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n";
    private const string Events =
        Header +
        "a,2025-01-01T00:00:00Z,email,,,,\n" +
        "a,2025-01-02T00:00:00Z,display,,,,\n" +
        "a,2025-01-03T00:00:00Z,,,order,90,\n";

    private const string Paths = "path,total_conversions,total_conversion_value,total_null\nemail > display,1,90,0\ndisplay,0,0,1\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string[] Entries() => [.. Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static TheoryData<string[], string, string> OutputIsAnInput => new()
    {
        // args ("E" event log, "P" path file, "S" spend file, "M" saved model, "D" a file to be written), the output option, the input option.
        { ["attribute", "--input", "E", "--model", "linear", "--output", "E"], "--output", "--input" },
        { ["attribute", "--paths", "P", "--model", "markov", "--output", "P"], "--output", "--paths" },
        { ["attribute", "--input", "E", "--model", "linear", "--spend", "S", "--output", "S"], "--output", "--spend" },
        { ["attribute", "--input", "E", "--model-file", "M", "--output", "M"], "--output", "--model-file" },
        { ["report", "--input", "E", "--model", "linear", "--output", "E"], "--output", "--input" },
        { ["contributions", "--input", "E", "--model", "linear", "--output", "E"], "--output", "--input" },
        { ["fit", "--input", "E", "--model", "markov", "--save", "E"], "--save", "--input" },
        { ["fit", "--paths", "P", "--model", "markov", "--save", "P"], "--save", "--paths" },
        { ["markov", "--paths", "P", "--output", "P"], "--output", "--paths" },
        { ["choose-order", "--input", "E", "--output", "E"], "--output", "--input" },
        { ["demo", "--write-events", "D", "--output", "D"], "--output", "--write-events" },
    };

    [Theory]
    [MemberData(nameof(OutputIsAnInput))]
    public void AnOutputThatIsAnInput_IsRefusedBeforeAnythingIsRead_AndTheInputIsUnchanged(string[] args, string output, string input)
    {
        var files = new Dictionary<string, string>
        {
            ["E"] = temp.Write("events.csv", Events),
            ["P"] = temp.Write("paths.csv", Paths),
            ["S"] = temp.Write("spend.csv", "channel,campaign,date,cost\nemail,,2025-01-01,10\n"),
            ["M"] = temp.Write("model.json", "{}"),
            ["D"] = temp.File("demo.csv"),
        };
        var before = files.Values.Where(File.Exists).ToDictionary(f => f, File.ReadAllBytes);

        // The same file is named differently for the output: relative to the current directory with "./".
        var resolved = args.Select(a => files.TryGetValue(a, out var f) ? f : a).ToArray();
        var at = Array.IndexOf(args, output) + 1;
        resolved[at] = Path.Combine(".", Path.GetRelativePath(Environment.CurrentDirectory, resolved[at]));

        CliRun.Of(resolved).ShouldFail(2, output, input, "are the same file");

        foreach (var (file, bytes) in before)
        {
            File.ReadAllBytes(file).Should().Equal(bytes, "{0} must not change", file);
        }

        Entries().Should().BeEquivalentTo(before.Keys.Select(Path.GetFileName));
    }

    [Fact]
    public void AnOutputThatIsASymbolicLinkToTheInput_IsRefused()
    {
        var input = temp.Write("events.csv", Events);
        var link = temp.File("report.csv");
        File.CreateSymbolicLink(link, input);

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", link)
            .ShouldFail(2, "--output", "--input", "are the same file");

        File.ReadAllText(input).Should().Be(Events);
    }

    [Fact]
    public void AnOutputReachedThroughALinkedDirectory_IsRefused()
    {
        var input = temp.Write("events.csv", Events);
        var linkedDirectory = temp.File("again");
        Directory.CreateSymbolicLink(linkedDirectory, temp.Path);

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", Path.Combine(linkedDirectory, "events.csv"))
            .ShouldFail(2, "--output", "--input", "are the same file");

        File.ReadAllText(input).Should().Be(Events);
    }

    [Fact]
    public void AnOutputLinkToAnotherFile_ReplacesThatFileAndKeepsTheLink()
    {
        var input = temp.Write("events.csv", Events);
        var real = temp.Write("real.csv", "old\n");
        var link = temp.File("report.csv");
        File.CreateSymbolicLink(link, real);

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", link).ShouldSucceed();

        new FileInfo(link).LinkTarget.Should().Be(real);
        // Linear over email and display: 90 / 2 = 45 each.
        File.ReadAllText(real).Should().Be("model,conversion,channel,conversions,value\nlinear,order,display,0.5,45\nlinear,order,email,0.5,45\n");
        Entries().Should().Equal("events.csv", "real.csv", "report.csv");
    }

    [Fact]
    public void AFailedRun_LeavesThePreviousOutputAndNoTemporaryFile()
    {
        // Two conversions of 1e308 add up to more than a double holds: the run stops before writing.
        var input = temp.Write("events.csv", Header + "a,2025-01-01T00:00:00Z,email,,,,\na,2025-01-02T00:00:00Z,,,order,1e308,\na,2025-01-03T00:00:00Z,,,order,1e308,\n");
        var output = temp.Write("report.csv", "previous\n");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", output).ShouldFail(1, "events.csv");

        File.ReadAllText(output).Should().Be("previous\n");
        Entries().Should().Equal("events.csv", "report.csv");
    }

    [Fact]
    public void ASuccessfulRun_ReplacesTheOutputWholeAndLeavesNoTemporaryFile()
    {
        var input = temp.Write("events.csv", Events);
        var output = temp.Write("report.csv", new string('x', 10_000));

        CliRun.Of("attribute", "--input", input, "--model", "last-touch", "--output", output).ShouldSucceed();

        // Last touch: display takes the whole 90, email (a channel of the data) nothing.
        File.ReadAllText(output).Should().Be("model,conversion,channel,conversions,value\nlast-touch,order,display,1,90\nlast-touch,order,email,0,0\n");
        Entries().Should().Equal("events.csv", "report.csv");
    }

    [Fact]
    public void AnOutputInAMissingDirectory_IsReportedBeforeTheInputIsRead()
    {
        // The input is malformed on line 2: had it been read, that would be the error.
        var input = temp.Write("events.csv", Header + "a,not-a-time,email,,,,\n");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", temp.File("missing/report.csv"))
            .ShouldFail(1, "--output", "missing", "does not exist");
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--save")]
    public void AnOutputThatIsADirectory_SaysItIsADirectory(string option)
    {
        var input = temp.Write("events.csv", Header + "a,not-a-time,email,,,,\n");
        string[] args = option == "--save"
            ? ["fit", "--input", input, "--model", "markov", "--save", temp.Path]
            : ["attribute", "--input", input, "--model", "linear", "--output", temp.Path];

        CliRun.Of(args).ShouldFail(1, option, "is a directory");
    }

    [Theory]
    [InlineData("--input")]
    [InlineData("--paths")]
    [InlineData("--spend")]
    [InlineData("--model-file")]
    public void AnInputThatIsADirectory_SaysItIsADirectory(string option)
    {
        var events = temp.Write("events.csv", Events);
        string[] args = option switch
        {
            "--input" => ["attribute", "--input", temp.Path, "--model", "linear"],
            "--paths" => ["attribute", "--paths", temp.Path, "--model", "markov"],
            "--spend" => ["attribute", "--input", events, "--model", "linear", "--spend", temp.Path],
            _ => ["attribute", "--input", events, "--model-file", temp.Path],
        };

        CliRun.Of(args).ShouldFail(1, option + ": ", "is a directory, not a file");
    }

    [Fact]
    public void ABadModelFile_IsReportedBeforeTheInputIsRead()
    {
        var input = temp.Write("events.csv", Header + "a,not-a-time,email,,,,\n");
        var model = temp.Write("model.json", "{ not json");

        CliRun.Of("attribute", "--input", input, "--model-file", model).ShouldFail(1, "--model-file", "is not JSON");
    }

    [Theory]
    [InlineData("--input")]
    [InlineData("--output")]
    [InlineData("--model-file")]
    public void AnEmptyFileName_IsAUsageError(string option)
    {
        var input = temp.Write("events.csv", Events);
        string[] args = option switch
        {
            "--input" => ["attribute", "--input", "", "--model", "linear"],
            "--output" => ["attribute", "--input", input, "--model", "linear", "--output", " "],
            _ => ["attribute", "--input", input, "--model-file", ""],
        };

        CliRun.Of(args).ShouldFail(2, option + ": the file name is empty");
    }

    [Fact]
    public void AFullStandardOutput_IsADataError()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var input = temp.Write("events.csv", Events);
        var full = new StreamWriter(new FileStream("/dev/full", FileMode.Open, FileAccess.Write)) { AutoFlush = true };
        var stderr = new StringWriter();

        var exit = CliApp.Run(["attribute", "--input", input, "--model", "linear"], full, stderr, stdoutIsTerminal: false, rethrowUnexpected: true, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            full.Dispose();
        }
        catch (IOException)
        {
            // Closing flushes what the failed write left in the buffer, into the same full device.
        }

        exit.Should().Be(1);
        stderr.ToString().Should().StartWith("attribution: error: cannot write to standard output: ").And.NotContain("internal error");
    }

    [Fact]
    public void AFullOutputDevice_IsADataErrorNamingTheOption()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var input = temp.Write("events.csv", Events);

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--output", "/dev/full").ShouldFail(1, "--output: cannot write '/dev/full'");
    }

    [Theory]
    [InlineData("attribute")]
    [InlineData("report")]
    [InlineData("contributions")]
    [InlineData("fit")]
    [InlineData("demo")]
    public void ACancelledRun_ExitsWith130_AndLeavesThePreviousOutput(string command)
    {
        var input = temp.Write("events.csv", Events);
        // No extension: each command writes its default format there (report HTML, the others CSV).
        var output = temp.Write("out", "previous\n");
        string[] args = command switch
        {
            "fit" => ["fit", "--input", input, "--model", "markov", "--save", output],
            "demo" => ["demo", "--write-events", output],
            _ => [command, "--input", input, "--model", "linear", "--output", output],
        };
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(args, stdout, stderr, stdoutIsTerminal: false, rethrowUnexpected: true, cancellationToken: cancellation.Token);

        exit.Should().Be(130);
        stderr.ToString().Should().Be("attribution: cancelled; no output was left half-written.\n");
        stdout.ToString().Should().BeEmpty();
        File.ReadAllText(output).Should().Be("previous\n");
        Entries().Should().Equal("events.csv", "out");
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void ASignal_StopsABigRun_AndLeavesThePreviousOutputAndNoTemporaryFile(string signal, int exitCode)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Attribution.Cli");
        if (!OperatingSystem.IsLinux() || !File.Exists(cli))
        {
            return;
        }

        var input = large.Path;
        var output = temp.Write("report.csv", "previous\n");
        using var process = Process.Start(new ProcessStartInfo(cli, ["attribute", "--input", input, "--model", "linear", "--model", "markov", "--output", output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;

        // The signal must come once the handlers are installed (they are, before the input is opened) and before the
        // end: wait until the tool has the input open, which on a busy machine can take well over a second.
        WaitUntilReading(process, input);
        process.HasExited.Should().BeFalse("the run must still be going when the signal comes");
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(30_000).Should().BeTrue();

        process.ExitCode.Should().Be(exitCode);
        // Our handler ran (a process killed by the signal itself would also exit 130, but say nothing).
        stderr.Should().Be("attribution: cancelled; no output was left half-written.\n");
        File.ReadAllText(output).Should().Be("previous\n");
        Entries().Should().Equal("report.csv");
    }

    private static void WaitUntilReading(Process process, string input)
    {
        var descriptors = $"/proc/{process.Id}/fd";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(descriptors).Any(fd => new FileInfo(fd).LinkTarget == input))
                {
                    return;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A descriptor closed while we looked: look again.
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>About 1.8 M rows: the demo's event log 100 times over, each copy with its own journey ids. Reading and
    /// attributing it takes seconds, so a signal sent once the tool has started lands in the middle of the work. Made
    /// once for the class, on first use.</summary>
    public sealed class LargeEventLog : IDisposable
    {
        private readonly TempDirectory temp = new();
        private readonly Lazy<string> path;

        public LargeEventLog()
        {
            path = new Lazy<string>(() =>
            {
                var demo = temp.File("demo.csv");
                CliRun.Of("demo", "--write-events", demo, "--format", "csv").ExitCode.Should().Be(0);
                var rows = File.ReadAllLines(demo)[1..];
                var input = temp.File("large.csv");
                using var writer = new StreamWriter(input);
                writer.Write(Header);
                for (var copy = 0; copy < 100; copy++)
                {
                    foreach (var row in rows)
                    {
                        writer.Write(copy);
                        writer.Write('-');
                        writer.Write(row);
                        writer.Write('\n');
                    }
                }

                return input;
            });
        }

        public string Path => path.Value;

        public void Dispose() => temp.Dispose();
    }
}
