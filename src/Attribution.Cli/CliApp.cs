using System.CommandLine;
using System.CommandLine.Help;
using Attribution.Cli.Commands;
using Attribution.IO;
using Attribution.IO.Internal;

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
    /// <param name="standardInput">Opens what an input named <c>-</c> reads; <see langword="null"/> for the process's standard input.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal = false, bool showProgress = false, Func<Stream>? standardInput = null, CancellationToken cancellationToken = default)
        => Run(args, stdout, stderr, stdoutIsTerminal, rethrowUnexpected: false, showProgress, standardInput, cancellationToken);

    /// <summary>Runs the tool; tests set <paramref name="rethrowUnexpected"/> so a bug fails with its stack trace instead of exit code 3.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool rethrowUnexpected, bool showProgress = false, Func<Stream>? standardInput = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        InputFile.StandardInput = standardInput ?? Console.OpenStandardInput;

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
                AccountsCommand.Create(context),
                TeamsCommand.Create(context),
                ExplainCommand.Create(context),
                ImportCommand.Create(context),
                DemoCommand.Create(context),
                SuspiciousCommand.Create(context),
                SqlCommand.Create(context),
            };

            // Bare "attribution" is someone finding their way: show them around rather than scold them.
            var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
            if (parseResult.Errors.Count > 0)
            {
                WriteError(stderr, UsageError(parseResult));
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

    /// <summary>The parser's errors in one line: a mistyped option or command gets a "did you mean", and the line points to
    /// the help of the command being typed.</summary>
    private static string UsageError(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var commands = new List<Command>();
        for (var r = parseResult.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            commands.Insert(0, r.Command);
        }

        var path = string.Join(' ', commands.Select(static c => c.Name));
        var messages = new List<string>();
        var unmatched = parseResult.UnmatchedTokens;
        if (unmatched.Count > 0)
        {
            // The first stray token is the mistake; those after it are usually its value ("--windw 3d"), not news.
            var token = unmatched[0];
            if (token.StartsWith('-'))
            {
                var options = command.Options.Concat(commands.SelectMany(static c => c.Options.Where(static o => o.Recursive)))
                    .SelectMany(static o => o.Aliases.Prepend(o.Name))
                    .Distinct();
                messages.Add($"'{path}' has no option '{token}'{Suggestions.Hint(token, options)}.");
            }
            else if (command.Subcommands.Count > 0)
            {
                messages.Add($"'{token}' is not a command of '{path}'{Suggestions.Hint(token, command.Subcommands.Select(static c => c.Name))}.");
            }
            else
            {
                messages.Add($"unexpected argument '{token}'.");
            }
        }

        // The parser also reports each stray token, and a missing subcommand when the stray token was meant as one.
        messages.AddRange(parseResult.Errors
            .Select(static e => e.Message)
            .Where(m => unmatched.Count == 0 || (!unmatched.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)) && !(command.Subcommands.Count > 0 && m.StartsWith("Required command", StringComparison.Ordinal)))));
        return $"{string.Join(" ", messages)} See '{path} --help'.";
    }

    private static void WriteError(TextWriter stderr, string message)
    {
        // One line, whatever the message holds: scripts grep it, people read it.
        stderr.Write(Prefix);
        stderr.Write(message.ReplaceLineEndings(" ").Trim());
        stderr.Write('\n');
    }
}
