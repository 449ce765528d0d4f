using System.CommandLine;
using System.CommandLine.Parsing;
using Attribution.Cli.Commands;
using Attribution.IO;

namespace Attribution.Cli;

/// <summary>The checks on the files a command line names, made before any command reads a byte: no name may be empty,
/// no output may be an input (or another output), and every output must be writable.</summary>
/// <remarks>Options are told apart by name, the same in every command, so a new file option is safe once it is listed
/// here. Two paths are the same file when they resolve to the same absolute path after following every symbolic link
/// (of the file and of each directory above it); hard links are not detected.</remarks>
internal static class FileChecks
{
    /// <summary>The options that name a file to read.</summary>
    private static readonly string[] InputOptions = ["--input", "--paths", "--spend", "--model-file"];

    /// <summary>The options that name a file to write.</summary>
    private static readonly string[] OutputOptions = ["--output", "--save", "--write-events", "--accounts-output", "--roles-output"];

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Checks the files of the parsed command line.</summary>
    /// <exception cref="CliException">A name is empty or an output is an input (usage, exit 2); an output cannot be
    /// written (data, exit 1).</exception>
    public static void Check(ParseResult parseResult)
    {
        var inputs = Named(parseResult, InputOptions);
        var outputs = Named(parseResult, OutputOptions);
        foreach (var (option, path) in inputs.Concat(outputs))
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw CliException.Usage($"{option}: the file name is empty.");
            }

            if (path.Contains('\0', StringComparison.Ordinal))
            {
                throw CliException.Usage($"{option}: the file name holds a NUL character.");
            }
        }

        // Standard input ('-') is no file an output could overwrite, and it can be read once only.
        var fromStandardInput = inputs.Where(static i => i.Path == InputFile.StandardInputName).ToList();
        if (fromStandardInput.Count > 1)
        {
            throw CliException.Usage($"{fromStandardInput[0].Option} and {fromStandardInput[1].Option} both read standard input ('-'); at most one input can.");
        }

        inputs.RemoveAll(static i => i.Path == InputFile.StandardInputName);
        for (var i = 0; i < outputs.Count; i++)
        {
            var output = outputs[i];
            var resolved = Resolve(output.Path);
            foreach (var input in inputs)
            {
                if (string.Equals(resolved, Resolve(input.Path), PathComparison))
                {
                    throw CliException.Usage($"{output.Option} '{output.Path}' and {input.Option} '{input.Path}' are the same file; writing the output would destroy the input. Choose another {output.Option} file.");
                }
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(resolved, Resolve(outputs[j].Path), PathComparison))
                {
                    throw CliException.Usage($"{outputs[j].Option} '{outputs[j].Path}' and {output.Option} '{output.Path}' are the same file; give each output its own file.");
                }
            }
        }

        foreach (var (option, path) in outputs)
        {
            CheckOutput(option, path);
        }
    }

    /// <summary>The absolute path with every symbolic link followed, the file's and its directories'.</summary>
    internal static string Resolve(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string fullPath, int links)
    {
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null)
        {
            return fullPath;
        }

        var resolvedParent = Resolve(parent, links);
        var candidate = Path.Combine(resolvedParent, Path.GetFileName(fullPath));
        string? target = null;
        try
        {
            // Like the kernel, give up after 40 links: a loop of links resolves to itself.
            target = links < 40 ? new FileInfo(candidate).LinkTarget : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable link is compared by its own path; opening it fails later with a clear message.
        }

        return target is null ? candidate : Resolve(Path.GetFullPath(target, resolvedParent), links + 1);
    }

    private static void CheckOutput(string option, string path)
    {
        if (Directory.Exists(path))
        {
            throw CliException.BadData($"{option}: '{path}' is a directory, not a file.");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw CliException.BadData($"{option}: cannot write '{path}': the directory '{directory}' does not exist.");
        }

        try
        {
            AtomicFile.EnsureCanCreate(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadData($"{option}: cannot write '{path}': {e.Message}");
        }
    }

    private static List<(string Option, string Path)> Named(ParseResult parseResult, string[] names)
    {
        var found = new List<(string, string)>();
        foreach (var child in parseResult.CommandResult.Children)
        {
            if (child is OptionResult { Implicit: false } result && names.Contains(result.Option.Name, StringComparer.Ordinal))
            {
                foreach (var token in result.Tokens)
                {
                    found.Add((result.Option.Name, token.Value));
                }
            }
        }

        return found;
    }
}
