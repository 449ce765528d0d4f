using Attribution.IO.Internal;

namespace Attribution.Cli.Commands;

/// <summary>Reads the input files the options name, with the same one-line errors for each; <c>-</c> names standard input.</summary>
internal static class InputFile
{
    /// <summary>The file name that means standard input.</summary>
    public const string StandardInputName = "-";

    /// <summary>The name errors give standard input.</summary>
    public const string StandardInputSource = "<stdin>";

    // Set for the duration of one CliApp.Run, so that tests can run the CLI in parallel, each with its own input.
    private static readonly AsyncLocal<Func<Stream>?> StandardInputSourceOfRun = new();

    /// <summary>Gets or sets where <c>-</c> reads from in the current run.</summary>
    public static Func<Stream>? StandardInput
    {
        get => StandardInputSourceOfRun.Value;
        set => StandardInputSourceOfRun.Value = value;
    }

    /// <summary>Reads <paramref name="path"/> with <paramref name="read"/>, turning a missing or unreadable file into a data error naming <paramref name="option"/>.</summary>
    /// <exception cref="CliException">The file does not exist, is a directory or cannot be read (exit code 1).</exception>
    public static T Read<T>(string option, string path, Func<string, T> read)
    {
        if (path == StandardInputName)
        {
            throw CliException.Usage($"{option}: standard input ('-') is not accepted here; name a file.");
        }

        return ReadFile(option, path, read);
    }

    /// <summary>Reads <paramref name="path"/>, or standard input when it is <c>-</c>, with <paramref name="read"/>, which is
    /// given the stream and the name its errors should use.</summary>
    /// <exception cref="CliException">The file does not exist, is a directory or cannot be read (exit code 1).</exception>
    public static T Read<T>(string option, string path, Func<Stream, string, T> read)
    {
        if (path == StandardInputName)
        {
            var open = StandardInput ?? throw CliException.Usage($"{option}: standard input ('-') is not available.");
            using var stdin = open();
            return read(stdin, StandardInputSource);
        }

        return ReadFile(option, path, file =>
        {
            using var stream = CsvInput.OpenRead(file);
            return read(stream, file);
        });
    }

    /// <summary>Rejects a directory given as a file, which the readers would report as an access denied.</summary>
    /// <exception cref="CliException"><paramref name="path"/> is a directory (exit code 1).</exception>
    public static void RequireFile(string option, string path)
    {
        if (Directory.Exists(path))
        {
            throw CliException.BadData($"{option}: '{path}' is a directory, not a file.");
        }
    }

    private static T ReadFile<T>(string option, string path, Func<string, T> read)
    {
        RequireFile(option, path);
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadData($"{option}: file '{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadData($"{option}: cannot read '{path}': {e.Message}");
        }
    }
}
