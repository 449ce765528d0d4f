namespace Attribution.Cli.Tests;

public sealed class ProgressTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Input() => temp.Write(
        "events.csv",
        "journey_id,timestamp,channel,conversion,value\n" +
        "a,2025-01-01T00:00:00Z,email,,\n" +
        "a,2025-01-02T00:00:00Z,,order,90\n");

    [Fact]
    public void On_a_terminal_progress_is_drawn_on_stderr_then_erased_and_the_output_is_unchanged()
    {
        var input = Input();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["attribute", "--input", input, "--model", "linear", "--format", "csv"], stdout, stderr, stdoutIsTerminal: false, rethrowUnexpected: true, showProgress: true, cancellationToken: TestContext.Current.CancellationToken);

        exit.Should().Be(0);
        stdout.ToString().Should().Be("model,conversion,channel,conversions,value\nlinear,order,email,1,90\n");
        // The reader's final report (1 journey of 2 rows) and the engine's last block are always drawn; then the
        // line is overwritten with spaces and the cursor returned, so nothing visible is left behind.
        var text = stderr.ToString();
        text.Should().Contain("\rreading " + input + ": 2 rows");
        text.Should().Contain("\rattributing with linear: 1 of 1 journeys");
        text.Should().EndWith("\r").And.NotContain("\n");
        text.Split('\r')[^2].Trim().Should().BeEmpty();
    }

    [Fact]
    public void On_a_terminal_fitting_a_markov_chain_shows_its_steps()
    {
        var input = Input();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["attribute", "--input", input, "--model", "markov", "--format", "csv"], stdout, stderr, stdoutIsTerminal: false, rethrowUnexpected: true, showProgress: true, cancellationToken: TestContext.Current.CancellationToken);

        // One channel: states start and email, two steps each (elimination, then the fundamental matrix's diagonal).
        exit.Should().Be(0);
        stderr.ToString().Should().Contain("\rfitting markov: 4 of 4 steps");
    }

    [Fact]
    public void On_a_terminal_the_markov_command_shows_the_solves_steps()
    {
        var input = Input();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["markov", "--input", input, "--format", "csv"], stdout, stderr, stdoutIsTerminal: false, rethrowUnexpected: true, showProgress: true, cancellationToken: TestContext.Current.CancellationToken);

        // The same one-channel chain as above: four steps.
        exit.Should().Be(0);
        stderr.ToString().Should().Contain("\rfitting markov: 4 of 4 steps");
        stdout.ToString().Should().StartWith("channel,removal_effect");
    }

    [Fact]
    public void When_stderr_is_redirected_nothing_is_drawn()
    {
        CliRun.Of("attribute", "--input", Input(), "--model", "linear", "--format", "csv").ShouldSucceed();
    }
}
