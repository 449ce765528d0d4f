using System.CommandLine;
using System.CommandLine.Help;
using Attribution.Cli.Commands;
using Attribution.IO;

namespace Attribution.Cli;

/// <summary>The <c>attribution</c> command line: parses the arguments, runs a command, and turns every user mistake into one line on stderr.</summary>
internal static class CliApp
{
    private const string Prefix = "attribution: error: ";

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where reports and help go (unless <c>--output</c> names a file).</param>
    /// <param name="stderr">Where errors go, one line each.</param>
    /// <param name="stdoutIsTerminal">Whether <paramref name="stdout"/> is a terminal: picks <c>table</c> rather than <c>csv</c> when no <c>--format</c> is given.</param>
    /// <returns>The exit code: 0 success, 1 bad input data or file, 2 bad command line, 3 internal error, 130 cancelled.</returns>
    /// <param name="showProgress">Whether long runs show progress on <paramref name="stderr"/> (when it is a terminal).</param>
    /// <param name="cancellationToken">Stops the command (Ctrl+C, SIGTERM): no output is left half-written, and the exit code is 130.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal = false, bool showProgress = false, CancellationToken cancellationToken = default)
        => Run(args, stdout, stderr, stdoutIsTerminal, rethrowUnexpected: false, showProgress, cancellationToken);

    /// <summary>Runs the tool; tests set <paramref name="rethrowUnexpected"/> so a bug fails with its stack trace instead of exit code 3.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool rethrowUnexpected, bool showProgress = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        try
        {
            var context = new CliContext(stdout, stdoutIsTerminal, showProgress ? stderr : null, stderr, cancellationToken);
            // A plain command rather than RootCommand, whose name is the executable's file name ("Attribution.Cli"
            // under dotnet run) while users type "attribution".
            var root = new Command("attribution", "Multi-touch marketing attribution: credit conversions to the channels and campaigns that led to them, under several models side by side.")
            {
                new HelpOption(),
                new VersionOption(),
                AttributeCommand.Create(context),
                FitCommand.Create(context),
                MarkovCommand.Create(context),
                ChooseOrderCommand.Create(context),
                ReportCommand.Create(context),
                ContributionsCommand.Create(context),
                BudgetCommand.Create(context),
                ImportCommand.Create(context),
                DemoCommand.Create(context),
                SqlCommand.Create(context),
            };

            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                var messages = string.Join(" ", parseResult.Errors.Select(static e => e.Message));
                WriteError(stderr, $"{messages} See 'attribution --help'.");
                return ExitCodes.Usage;
            }

            // Before any command reads a byte: an output that is an input, or cannot be written, is refused now.
            if (parseResult.Action is not HelpAction)
            {
                FileChecks.Check(parseResult);
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            WriteError(stderr, e.Message);
            return e.ExitCode;
        }
        catch (AttributionDataException e)
        {
            WriteError(stderr, e.Message);
            return ExitCodes.Data;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.Write("attribution: cancelled; no output was left half-written.\n");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (!rethrowUnexpected)
        {
            WriteError(stderr, $"internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Internal;
        }
    }

    private static void WriteError(TextWriter stderr, string message)
    {
        // One line, whatever the message holds: scripts grep it, people read it.
        stderr.Write(Prefix);
        stderr.Write(message.ReplaceLineEndings(" ").Trim());
        stderr.Write('\n');
    }
}
