using System.CommandLine;
using Attribution.Cli.Output;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary>The options that say how and where a report is written, shared by <c>attribute</c> and <c>demo</c>.</summary>
internal sealed class ReportOptions
{
    public Option<string?> By { get; } = new("--by")
    {
        Description = "Rows per channel, per campaign (touches without a campaign count as (none)) or per touch type (online, offline …; the touch_type column, default online).",
        HelpName = "channel|campaign|touch-type",
    };

    public Option<string?> Format { get; } = Grid.CreateFormat();

    public Option<string?> Output { get; } = Grid.CreateOutput("Write the report to this file instead of standard output.");

    public void AddTo(Command command)
    {
        command.Add(By);
        command.Add(Format);
        command.Add(Output);
    }

    /// <summary>Reads the options; a bad value is a usage error naming the option.</summary>
    public ReportTarget Resolve(ParseResult parseResult, CliContext context, bool tableByDefault = false)
    {
        var by = parseResult.GetValue(By)?.Trim().ToLowerInvariant() switch
        {
            null or "channel" => ReportGrouping.Channel,
            "campaign" => ReportGrouping.Campaign,
            "touch-type" => ReportGrouping.TouchType,
            _ => throw CliException.Usage($"--by: '{parseResult.GetValue(By)}' is not a grouping; use channel, campaign or touch-type."),
        };

        var output = parseResult.GetValue(Output);
        RejectEmptyFile(Output.Name, output);

        // A table is for people; anything read by a program (a pipe, a file) defaults to csv.
        var fallback = output is null && (context.StdoutIsTerminal || tableByDefault) ? "table" : "csv";
        var format = OutputFormats.Choose(parseResult.GetValue(Format), output, ["table", "csv", "json"], fallback) switch
        {
            "table" => ReportFormat.Table,
            "json" => ReportFormat.Json,
            _ => ReportFormat.Csv,
        };

        return new ReportTarget(format, by, output);
    }

    /// <summary>Writes the report (and any trailing note, table format only) to the output file or standard output; with
    /// <paramref name="kinds"/>, only the blocks of those kinds.</summary>
    public static void Write(ReportTarget target, AttributionReport report, IReadOnlyCollection<string>? kinds, CliContext context, string? tableNote = null, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? kindsOfModel = null, IntervalReport? intervals = null)
    {
        var text = new StringWriter();
        var credit = CreditReport.From(report, target.Grouping, kinds, kindsOfModel).WithIntervals(intervals, target.Grouping);
        ReportWriter.Write(text, credit, target.Format);
        if (tableNote is not null && target.Format == ReportFormat.Table)
        {
            text.Write('\n');
            text.Write(tableNote);
            text.Write('\n');
        }

        if (target.Format == ReportFormat.Csv && credit.Period is { } period)
        {
            // CSV stays header and rows only, so any reader takes it; the period, which the rows depend on, goes beside it.
            context.Note($"the rows count only conversions {CreditReport.Describe(period)}.");
        }

        WriteText(target, text.ToString(), context);
    }

    /// <summary>Writes finished text to the output file or standard output.</summary>
    public static void WriteText(ReportTarget target, string text, CliContext context)
        => context.Write("--output", target.OutputPath, writer => writer.Write(text));

    /// <summary>Creates a required option naming a file to write.</summary>
    public static Option<string> RequiredFile(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };

    /// <summary>Reads a required file option; an empty or blank name is a usage error naming the option.</summary>
    public static string GetFile(ParseResult parseResult, Option<string> option)
    {
        var path = parseResult.GetValue(option)!;
        RejectEmptyFile(option.Name, path);
        return path;
    }

    /// <summary>Throws a usage error naming the option when a file name was given but is empty or blank.</summary>
    public static void RejectEmptyFile(string option, string? path)
    {
        if (path is not null && string.IsNullOrWhiteSpace(path))
        {
            throw CliException.Usage($"{option}: the file name is empty.");
        }
    }
}

/// <summary>Where and how a report is written.</summary>
/// <param name="Format">The format.</param>
/// <param name="Grouping">The rows' key.</param>
/// <param name="OutputPath">The output file, or null for standard output.</param>
internal sealed record ReportTarget(ReportFormat Format, ReportGrouping Grouping, string? OutputPath);
