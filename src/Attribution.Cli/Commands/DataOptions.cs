using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.IO;

namespace Attribution.Cli.Commands;

/// <summary>The data a data-driven command learns from: <c>--paths FILE</c> (aggregated path CSV) or <c>--input FILE</c>
/// (event log, turned into paths under <c>--lookback</c> and <c>--exclude</c>).</summary>
internal sealed class DataOptions
{
    public Option<string?> Paths { get; } = new("--paths")
    {
        Description = "An aggregated path CSV: path,total_conversions,total_conversion_value,total_null (channels joined by >).",
        HelpName = "FILE",
    };

    public Option<string?> Input { get; } = new("--input")
    {
        Description = "An event-log CSV, turned into one path per conversion (and one per journey's unconverted tail).",
        HelpName = "FILE",
    };

    public Option<string?> Lookback { get; } = new("--lookback")
    {
        Description = "With --input: how long before a conversion a touch is still on its path (default 90d).",
        HelpName = "DURATION",
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "With --input: channels kept on a path only when nothing else is eligible, for example direct.",
        HelpName = "CHANNEL,...",
    };

    public void AddTo(Command command)
    {
        command.Add(Paths);
        command.Add(Input);
        command.Add(Lookback);
        command.Add(Exclude);
    }

    /// <summary>Checks the options and reads the file.</summary>
    public TrainingData Load(ParseResult parseResult, CliContext context)
    {
        var pathsFile = parseResult.GetValue(Paths);
        var inputFile = parseResult.GetValue(Input);
        var lookbackText = parseResult.GetValue(Lookback);
        var excluded = OptionParsers.ParseList(parseResult.GetValue(Exclude) ?? []);
        RequireOneSource(pathsFile, inputFile);
        if (pathsFile is not null)
        {
            RejectWithPaths(lookbackText is not null, "--lookback");
            RejectWithPaths(excluded.Count > 0, "--exclude");
            return new TrainingData(LoadPaths(pathsFile), pathsFile);
        }

        var options = new AttributionOptions { ExcludedChannels = excluded };
        if (lookbackText is not null)
        {
            options = options with { Lookback = OptionParsers.ParseDuration("--lookback", lookbackText) };
        }

        var journeys = AttributeCommand.Load(inputFile!, new CancellationCheck(null, context.Cancellation));
        context.ThrowIfCancelled();
        AttributeCommand.RequireChannels(journeys.Channels, inputFile!, "--exclude", excluded);
        return new TrainingData(journeys, options, inputFile!);
    }

    /// <summary>Exactly one of <c>--paths</c> and <c>--input</c>.</summary>
    public static void RequireOneSource(string? pathsFile, string? inputFile)
    {
        if (pathsFile is not null && inputFile is not null)
        {
            throw CliException.Usage("--paths and --input: give one of them, not both.");
        }

        if (pathsFile is null && inputFile is null)
        {
            throw CliException.Usage("give the data with --paths FILE (aggregated path CSV) or --input FILE (event log).");
        }
    }

    /// <summary>An option that shapes journeys into paths means nothing for a file of paths.</summary>
    public static void RejectWithPaths(bool given, string option)
    {
        if (given)
        {
            throw CliException.Usage($"{option} applies to --input; a path file's paths are already cut.");
        }
    }

    public static PathSet LoadPaths(string path) => InputFile.Read("--paths", path, static file => PathCsvReader.Read(file));

    /// <summary>The highest order a Markov chain supports (<c>--order</c>, <c>--max-order</c>).</summary>
    public const int MaxOrder = 32;
}
