using System.CommandLine;
using Attribution.Cli.Output;

namespace Attribution.Cli.Commands;

/// <summary>The <c>--format</c> and <c>--output</c> handling of the commands that print a plain grid (<c>markov</c>, <c>choose-order</c>); <see cref="ReportOptions"/> makes its options here too.</summary>
internal static class Grid
{
    /// <summary>Creates the <c>--format</c> option the report and grid commands share.</summary>
    public static Option<string?> CreateFormat() => new("--format")
    {
        Description = "Output format; table on a terminal, csv otherwise.",
        HelpName = "table|csv|json",
    };

    /// <summary>Creates an optional <c>--output</c> file option; without it the output goes to standard output.</summary>
    public static Option<string?> CreateOutput(string description) => new("--output")
    {
        Description = description,
        HelpName = "FILE",
    };

    public static GridTarget Resolve(ParseResult parseResult, Option<string?> format, Option<string?> output, CliContext context)
    {
        var file = parseResult.GetValue(output);
        ReportOptions.RejectEmptyFile(output.Name, file);

        var chosen = OutputFormats.Choose(parseResult.GetValue(format), file, ["table", "csv", "json"], file is null && context.StdoutIsTerminal ? "table" : "csv") switch
        {
            "table" => ReportFormat.Table,
            "json" => ReportFormat.Json,
            _ => ReportFormat.Csv,
        };
        return new GridTarget(chosen, file);
    }

    /// <summary>Writes the grid; a number out of range (an overflow in <paramref name="source"/>'s data) stops it first.</summary>
    public static void Write(GridTarget target, IReadOnlyList<string> headers, IReadOnlyList<object?[]> rows, string source, CliContext context)
    {
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is double d)
                {
                    FiniteNumbers.Require(d, source, $"{headers[c]} of {row[0]}");
                }
            }
        }

        context.Write("--output", target.OutputPath, text => GridWriter.Write(text, target.Format, headers, rows));
    }
}

/// <summary>Where and how a grid is written.</summary>
/// <param name="Format">The format.</param>
/// <param name="OutputPath">The output file, or null for standard output.</param>
internal sealed record GridTarget(ReportFormat Format, string? OutputPath);
