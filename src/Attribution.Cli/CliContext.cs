namespace Attribution.Cli;

/// <summary>What the commands need from the process: where to write and whether that is a terminal.</summary>
/// <param name="Stdout">The standard output.</param>
/// <param name="StdoutIsTerminal">Whether <paramref name="Stdout"/> is a terminal.</param>
/// <param name="Progress">Where long runs show progress (standard error on a terminal), or null to stay quiet.</param>
/// <param name="Stderr">Where notes and warnings go (standard error), or null to drop them.</param>
internal sealed record CliContext(TextWriter Stdout, bool StdoutIsTerminal, TextWriter? Progress = null, TextWriter? Stderr = null)
{
    /// <summary>Writes one line "attribution: note: …" on standard error: something the reader of a result must know that the result's format cannot hold.</summary>
    public void Note(string message) => Line("note", message);

    /// <summary>Writes one line "attribution: warning: …" on standard error: input that is probably a mistake but does not stop the run.</summary>
    public void Warn(string message) => Line("warning", message);

    private void Line(string level, string message)
    {
        if (Stderr is null)
        {
            return;
        }

        Stderr.Write($"attribution: {level}: {message.ReplaceLineEndings(" ").Trim()}\n");
        Stderr.Flush();
    }
}
