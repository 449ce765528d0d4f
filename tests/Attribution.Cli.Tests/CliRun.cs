namespace Attribution.Cli.Tests;

/// <summary>Runs the CLI in process and captures what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs with stdout treated as redirected; an unexpected exception propagates so a bug fails the test with its stack.</summary>
    public static CliRun Of(params string[] args) => Of(stdoutIsTerminal: false, args);

    public static CliRun Of(bool stdoutIsTerminal, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr, stdoutIsTerminal, rethrowUnexpected: true);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <paramref name="stdin"/> as standard input, the bytes an input named <c>-</c> reads.</summary>
    public static CliRun WithInput(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr, stdoutIsTerminal: false, rethrowUnexpected: true, standardInput: () => new MemoryStream(stdin, writable: false));
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts a clean success.</summary>
    public CliRun ShouldSucceed()
    {
        Stderr.Should().BeEmpty();
        ExitCode.Should().Be(0);
        return this;
    }

    /// <summary>Asserts a user error: the exit code, nothing on stdout, one line on stderr with the prefix and no stack trace.</summary>
    public CliRun ShouldFail(int exitCode, params string[] fragments)
    {
        ExitCode.Should().Be(exitCode, "stderr was: {0}", Stderr);
        Stdout.Should().BeEmpty();
        Stderr.Should().StartWith("attribution: error: ").And.EndWith("\n").And.NotContain("   at ");
        Stderr.TrimEnd('\n').Should().NotContain("\n", "an error is one line");
        foreach (var fragment in fragments)
        {
            Stderr.Should().Contain(fragment);
        }

        return this;
    }
}
