namespace Attribution.Cli.Commands;

/// <summary>Reads the input files the options name, with the same one-line errors for each.</summary>
internal static class InputFile
{
    /// <summary>Reads <paramref name="path"/> with <paramref name="read"/>, turning a missing or unreadable file into a data error naming <paramref name="option"/>.</summary>
    /// <exception cref="CliException">The file does not exist, is a directory or cannot be read (exit code 1).</exception>
    public static T Read<T>(string option, string path, Func<string, T> read)
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

    /// <summary>Rejects a directory given as a file, which the readers would report as an access denied.</summary>
    /// <exception cref="CliException"><paramref name="path"/> is a directory (exit code 1).</exception>
    public static void RequireFile(string option, string path)
    {
        if (Directory.Exists(path))
        {
            throw CliException.BadData($"{option}: '{path}' is a directory, not a file.");
        }
    }
}
