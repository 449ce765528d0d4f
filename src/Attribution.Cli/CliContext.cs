using Attribution.IO;

namespace Attribution.Cli;

/// <summary>What the commands need from the process: where to write, whether that is a terminal, and whether the user
/// asked to stop.</summary>
/// <param name="Stdout">The standard output.</param>
/// <param name="StdoutIsTerminal">Whether <paramref name="Stdout"/> is a terminal.</param>
/// <param name="Progress">Where long runs show progress (standard error on a terminal), or null to stay quiet.</param>
/// <param name="Cancellation">Signalled by Ctrl+C or SIGTERM: work stops at the next check and no output is left half-written.</param>
/// <param name="Warnings">Where warnings go (standard error, terminal or not), or null to drop them.</param>
internal sealed record CliContext(TextWriter Stdout, bool StdoutIsTerminal, TextWriter? Progress = null, TextWriter? Warnings = null, CancellationToken Cancellation = default)
{
    /// <summary>Writes to standard output; a failure there (a full disk, a closed pipe) is a data error, not a crash.</summary>
    /// <exception cref="CliException">Standard output cannot be written (exit code 1).</exception>
    public void WriteOut(string text)
    {
        Cancellation.ThrowIfCancellationRequested();
        try
        {
            Stdout.Write(text);
            Stdout.Flush();
        }
        catch (IOException e)
        {
            throw CliException.BadData($"cannot write to standard output: {e.Message}");
        }
    }

    /// <summary>Writes an output whole: to the file <paramref name="path"/> names (atomically, see <see cref="WriteFile(string, string, Action{TextWriter})"/>),
    /// or, when it is null, to standard output once all of it is written.</summary>
    public void Write(string option, string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            var text = new StringWriter();
            write(text);
            WriteOut(text.ToString());
        }
        else
        {
            WriteFile(option, path, write);
        }
    }

    /// <summary>Writes a file through <see cref="AtomicFile"/>: the previous file stays as it was until the new one is
    /// complete, and nothing is left behind when writing fails or is cancelled.</summary>
    /// <exception cref="CliException">The file cannot be written (exit code 1), naming <paramref name="option"/>.</exception>
    public void WriteFile(string option, string path, Action<TextWriter> write)
        => WriteFile(option, path, () => AtomicFile.WriteText(path, write, Cancellation));

    /// <summary>Writes a file of bytes through <see cref="AtomicFile"/>, like <see cref="WriteFile(string, string, Action{TextWriter})"/>.</summary>
    /// <exception cref="CliException">The file cannot be written (exit code 1), naming <paramref name="option"/>.</exception>
    public void WriteBinaryFile(string option, string path, Action<Stream> write)
        => WriteFile(option, path, () => AtomicFile.Write(path, write, Cancellation));

    private static void WriteFile(string option, string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadData($"{option}: cannot write '{path}': {e.Message}");
        }
    }

    /// <summary>Writes one line "attribution: note: …" on standard error: something the reader of a result must know that the result's format cannot hold.</summary>
    public void Note(string message) => Line("note", message);

    /// <summary>Writes one line "attribution: warning: …" on standard error: input that is probably a mistake but does not stop the run.</summary>
    public void Warn(string message) => Line("warning", message);

    private void Line(string level, string message)
    {
        if (Warnings is null)
        {
            return;
        }

        Warnings.Write($"attribution: {level}: {message.ReplaceLineEndings(" ").Trim()}\n");
        Warnings.Flush();
    }

    /// <summary>Stops the command when the user asked to (Ctrl+C, SIGTERM); called between the stages of a run.</summary>
    public void ThrowIfCancelled() => Cancellation.ThrowIfCancellationRequested();
}
