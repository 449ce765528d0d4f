namespace Attribution.Cli.Commands;

/// <summary>The one rule for which format an output is written in: <c>--format</c> when given, else the extension of
/// <c>--output</c>, else the command's default.</summary>
/// <remarks>An extension that names a format the command cannot write (<c>report --output r.pdf</c>,
/// <c>contributions --output c.html</c>) is a usage error before anything is read, as is a <c>--format</c> that
/// contradicts the extension (<c>--format json --output r.csv</c>). A file without an extension takes the default.</remarks>
internal static class OutputFormats
{
    private static readonly Dictionary<string, string> FormatOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "csv",
        [".json"] = "json",
        [".html"] = "html",
        [".htm"] = "html",
        [".txt"] = "text",
    };

    /// <summary>Chooses the format.</summary>
    /// <param name="format">The value of <c>--format</c>, or null.</param>
    /// <param name="output">The value of <c>--output</c>, or null for standard output.</param>
    /// <param name="formats">The formats the command writes; <c>text</c> stands for a human-readable layout (a table).</param>
    /// <param name="fallback">The format when neither option decides.</param>
    /// <returns>One of <paramref name="formats"/>, lower case.</returns>
    /// <exception cref="CliException">The format is unknown, or contradicts or is not implied by the extension (usage, exit 2).</exception>
    public static string Choose(string? format, string? output, IReadOnlyList<string> formats, string fallback)
    {
        var chosen = format?.Trim().ToLowerInvariant();
        if (chosen is not null && !formats.Contains(chosen))
        {
            throw CliException.Usage($"--format: '{format}' is not a format of this command; use {string.Join(", ", formats)}.");
        }

        var extension = string.IsNullOrEmpty(output) ? string.Empty : Path.GetExtension(output);
        if (extension.Length == 0)
        {
            return chosen ?? fallback;
        }

        if (!FormatOfExtension.TryGetValue(extension, out var implied))
        {
            if (chosen is not null)
            {
                return chosen;
            }

            throw CliException.Usage($"--output: cannot tell a format from the extension '{extension}' of '{output}'; this command writes {Describe(formats)}: name the file so, or give --format.");
        }

        // ".txt" is the human layout, which some commands call "table".
        if (implied == "text" && !formats.Contains("text") && formats.Contains("table"))
        {
            implied = "table";
        }

        if (!formats.Contains(implied))
        {
            throw CliException.Usage($"--output: this command cannot write {implied.ToUpperInvariant()} ('{output}'); it writes {Describe(formats)}.");
        }

        if (chosen is not null && chosen != implied)
        {
            throw CliException.Usage($"--format {chosen} contradicts --output '{output}', whose extension says {implied}; drop one or make them agree.");
        }

        return implied;
    }

    private static string Describe(IReadOnlyList<string> formats)
        => string.Join(", ", formats.Select(static f => f switch
        {
            "table" or "text" => $"{f} (.txt)",
            "html" => "html (.html)",
            _ => $"{f} (.{f})",
        }));
}
