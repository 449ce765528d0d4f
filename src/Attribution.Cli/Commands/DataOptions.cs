using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Journeys;

namespace Attribution.Cli.Commands;

/// <summary>The data a data-driven command learns from: <c>--paths FILE</c> (aggregated path CSV) or <c>--input FILE</c>
/// (event log, turned into the paths of one conversion kind under <c>--lookback</c>, <c>--reset</c> and <c>--exclude</c>).</summary>
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

    /// <summary>Gets the options that shape the event log's paths: lookback, reset, exclusions, kinds.</summary>
    public EligibilityOptions Eligibility { get; } = new();

    /// <summary>Gets the options that put people on their accounts' journeys.</summary>
    public AccountOptions Accounts { get; } = new();

    public void AddTo(Command command)
    {
        command.Add(Paths);
        command.Add(Input);
        Eligibility.AddTo(command);
        Accounts.AddTo(command);
    }

    /// <summary>Checks the options and reads the file.</summary>
    public TrainingData Load(ParseResult parseResult, CliContext context)
    {
        var pathsFile = parseResult.GetValue(Paths);
        var inputFile = parseResult.GetValue(Input);
        RequireOneSource(pathsFile, inputFile);
        var eligible = Eligibility.Parse(parseResult, new AttributionOptions());
        if (pathsFile is not null)
        {
            foreach (var (option, given) in Eligibility.Given(parseResult).Concat(Accounts.Given(parseResult)))
            {
                RejectWithPaths(given, option);
            }

            if (eligible.Kinds is { } kinds && kinds.Any(k => k != Journeys.Conversion.DefaultKind))
            {
                throw CliException.Usage($"--conversion: a path file has no conversion kinds; its conversions are of kind '{Journeys.Conversion.DefaultKind}'.");
            }

            return new TrainingData(LoadPaths(pathsFile), pathsFile);
        }

        eligible = eligible with { Options = Accounts.WithContacts(parseResult, eligible.Options) };
        var journeys = AttributeCommand.Load(inputFile!, new CancellationCheck(null, context.Cancellation), Accounts.ReaderOptions(parseResult, eligible.ReaderOptions(new EventLogCsvOptions())));
        context.ThrowIfCancelled();
        EligibilityOptions.NoteNotCounted(context, journeys, inputFile!);
        Accounts.Report(parseResult, journeys, context, eligible.Options);
        EligibilityOptions.Check(journeys, inputFile!, eligible);
        var kind = SingleKind(journeys, eligible.Kinds, "--conversion");
        return new TrainingData(journeys, eligible.Options, inputFile!, [kind]);
    }

    /// <summary>The one kind a data-driven model learns from: the data's only kind, or the one <c>--conversion</c> names.</summary>
    /// <exception cref="CliException">The data has several kinds and <c>--conversion</c> names none or several.</exception>
    public static string SingleKind(JourneySet journeys, IReadOnlyList<string>? kinds, string option)
    {
        var known = EligibilityOptions.KindsOf(journeys);
        if (kinds is { Count: 1 })
        {
            return kinds[0];
        }

        if (kinds is { Count: > 1 })
        {
            throw CliException.Usage($"{option}: a fitted model learns the paths of one conversion kind; name one of {string.Join(", ", kinds)}.");
        }

        if (known.Count > 1)
        {
            throw CliException.Usage($"the data has several conversion kinds ({string.Join(", ", known)}) and a model learns the paths of one; give {option} KIND.");
        }

        return known[0];
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

    public static PathSet LoadPaths(string path) => InputFile.Read("--paths", path, static (stream, name) => PathCsvReader.Read(stream, null, name));

    /// <summary>The highest order a Markov chain supports (<c>--order</c>, <c>--max-order</c>).</summary>
    public const int MaxOrder = 32;
}
