namespace Attribution.Cli;

/// <summary>What the commands need from the process: where to write and whether that is a terminal.</summary>
/// <param name="Stdout">The standard output.</param>
/// <param name="StdoutIsTerminal">Whether <paramref name="Stdout"/> is a terminal.</param>
internal sealed record CliContext(TextWriter Stdout, bool StdoutIsTerminal);
