namespace Attribution.Cli;

/// <summary>What the commands need from the process: where to write and whether that is a terminal.</summary>
/// <param name="Stdout">The standard output.</param>
/// <param name="StdoutIsTerminal">Whether <paramref name="Stdout"/> is a terminal.</param>
/// <param name="Progress">Where long runs show progress (standard error on a terminal), or null to stay quiet.</param>
/// <param name="Warnings">Where warnings go (standard error, terminal or not), or null to drop them.</param>
internal sealed record CliContext(TextWriter Stdout, bool StdoutIsTerminal, TextWriter? Progress = null, TextWriter? Warnings = null);
