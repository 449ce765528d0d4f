using System.CommandLine;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary>The options every command that attributes an event log shares: which touches are eligible (<c>--lookback</c>,
/// <c>--reset</c>, <c>--exclude</c>, <c>--stages</c>), which conversions are reported (<c>--from</c>, <c>--to</c>) and
/// which kinds (<c>--conversion</c>), which campaign-member statuses make a touch (<c>--count-statuses</c>), and how the
/// event log is read (<c>--delimiter</c>, <c>--column</c>).</summary>
internal sealed class EligibilityOptions
{
    public Option<string[]> Lookback { get; } = new("--lookback")
    {
        Description = "How long before a conversion a touch still earns credit (default 90d): a duration sets the default, kind=duration sets a kind (order=365d,lead=30d); repeatable. A number with s, m, h or d.",
        HelpName = "DURATION|KIND=DURATION,...",
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Channels that earn credit only when nothing else is eligible, for example direct,referral.",
        HelpName = "CHANNEL,...",
    };

    public Option<string?> Reset { get; } = new("--reset")
    {
        Description = "Which earlier touches a conversion may use: same-kind (after the previous conversion of its kind; the default), any (after the previous conversion of any kind) or never (all, within the lookback).",
        HelpName = "same-kind|any|never",
    };

    public Option<string[]> Conversion { get; } = new("--conversion")
    {
        Description = "Report only these conversion kinds (default: every kind in the data); for fit, the one kind to learn from.",
        HelpName = "KIND,...",
    };

    public Option<string[]> Stages { get; } = new("--stages")
    {
        Description = "The funnel: conversion kinds in order, for example lead,opportunity,order (milestone models and --funnel).",
        HelpName = "KIND,...",
    };

    public Option<string?> From { get; } = new("--from")
    {
        Description = "Report conversions at or after this instant: a date (midnight UTC) or an ISO-8601 time with an offset.",
        HelpName = "DATE",
    };

    public Option<string?> To { get; } = new("--to")
    {
        Description = "Report conversions before this instant (exclusive).",
        HelpName = "DATE",
    };

    public Option<string[]> CountStatuses { get; } = new("--count-statuses")
    {
        Description = "Only touch rows with one of these campaign-member statuses (the status column, ignoring case) or none are touches, for example attended,responded; the others are counted and reported as not counted by status. Default: every row counts.",
        HelpName = "STATUS,...",
    };

    public Option<string?> Delimiter { get; } = new("--delimiter")
    {
        Description = "The event log's field delimiter: one ASCII character such as ; or |, or 'tab' (default ,).",
        HelpName = "CHAR",
    };

    public Option<string[]> Column { get; } = new("--column")
    {
        Description = "The event log's header for a standard column it names otherwise, for example journey_id=user_id,timestamp=ts; repeatable. Columns: journey_id, timestamp, channel, campaign, conversion, value, conversion_id, touch_type, status.",
        HelpName = "COLUMN=HEADER,...",
    };

    public void AddTo(Command command)
    {
        command.Add(CountStatuses);
        command.Add(Delimiter);
        command.Add(Column);
        command.Add(Lookback);
        command.Add(Exclude);
        command.Add(Reset);
        command.Add(Conversion);
        command.Add(Stages);
        command.Add(From);
        command.Add(To);
    }

    /// <summary>The names of the options that shape journeys, for commands that reject them with a path file.</summary>
    public IEnumerable<(string Name, bool Given)> Given(ParseResult parseResult) =>
    [
        ("--lookback", (parseResult.GetValue(Lookback) ?? []).Length > 0),
        ("--exclude", (parseResult.GetValue(Exclude) ?? []).Length > 0),
        ("--reset", parseResult.GetValue(Reset) is not null),
        ("--stages", (parseResult.GetValue(Stages) ?? []).Length > 0),
        ("--from", parseResult.GetValue(From) is not null),
        ("--to", parseResult.GetValue(To) is not null),
        ("--count-statuses", (parseResult.GetValue(CountStatuses) ?? []).Length > 0),
        ("--delimiter", parseResult.GetValue(Delimiter) is not null),
        ("--column", (parseResult.GetValue(Column) ?? []).Length > 0),
    ];

    /// <summary>Reads what the command line alone can check; <see cref="Check"/> checks the names against the data.</summary>
    public EligibilitySettings Parse(ParseResult parseResult, AttributionOptions options)
    {
        var (lookback, byKind) = OptionParsers.ParseLookbacks("--lookback", parseResult.GetValue(Lookback) ?? []);
        if (lookback is { } fallback)
        {
            options = options with { Lookback = fallback };
        }

        if (byKind.Count > 0)
        {
            options = options with { LookbackByKind = byKind };
        }

        // Given on the command line, --exclude overrides a config file's list; not given, the file's list stands.
        var excluded = OptionParsers.ParseList(parseResult.GetValue(Exclude) ?? []);
        if (excluded.Count > 0)
        {
            options = options with { ExcludedChannels = excluded };
        }
        if (parseResult.GetValue(Reset) is { } reset)
        {
            options = options with { Reset = OptionParsers.ParseReset("--reset", reset) };
        }

        var stages = OptionParsers.ParseList(parseResult.GetValue(Stages) ?? []);
        if (stages.Count > 0)
        {
            options = options with { Stages = stages };
        }

        var fromText = parseResult.GetValue(From);
        var toText = parseResult.GetValue(To);
        if (fromText is not null || toText is not null)
        {
            var from = fromText is null ? DateTimeOffset.MinValue : OptionParsers.ParseInstant("--from", fromText);
            var to = toText is null ? DateTimeOffset.MaxValue : OptionParsers.ParseInstant("--to", toText);
            if (to <= from)
            {
                throw CliException.Usage($"--from {fromText} --to {toText}: the period must end after it starts.");
            }

            options = options with { Period = new ReportingPeriod(from, to) };
        }

        var kinds = OptionParsers.ParseList(parseResult.GetValue(Conversion) ?? []);
        var statusTexts = parseResult.GetValue(CountStatuses) ?? [];
        var statuses = OptionParsers.ParseList(statusTexts);
        if (statusTexts.Length > 0 && statuses.Count == 0)
        {
            throw CliException.Usage("--count-statuses: give at least one status, for example attended,responded.");
        }

        return new EligibilitySettings(options, kinds.Count == 0 ? null : kinds)
        {
            CountedStatuses = statuses.Count == 0 ? null : statuses,
            Delimiter = ParseDelimiter(parseResult.GetValue(Delimiter)),
            ColumnNames = ParseColumns(parseResult.GetValue(Column) ?? []),
        };
    }

    /// <summary>Parses <c>--column journey_id=user_id,timestamp=ts</c> into headers by standard name, checked as the reader checks them.</summary>
    private static Dictionary<string, string>? ParseColumns(string[] texts)
    {
        if (texts.Length == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in texts)
        {
            foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw CliException.Usage($"--column: '{item}' is not COLUMN=HEADER; write it as journey_id=user_id.");
                }

                var column = item[..equals].Trim();
                var header = item[(equals + 1)..].Trim();
                if (map.TryGetValue(column, out var earlier) && !string.Equals(earlier, header, StringComparison.Ordinal))
                {
                    throw CliException.Usage($"--column: column {column} is mapped twice, to '{earlier}' and '{header}'.");
                }

                map[column] = header;
            }
        }

        if (map.Count == 0)
        {
            throw CliException.Usage("--column: give at least one COLUMN=HEADER, for example journey_id=user_id.");
        }

        _ = Columns.Headers(map, out var problem) ?? throw CliException.Usage($"--column: {problem}.");
        return map;
    }

    private static char ParseDelimiter(string? text)
    {
        if (text is null)
        {
            return ',';
        }

        var delimiter = text.Trim().ToLowerInvariant() switch
        {
            "tab" or "\\t" => '\t',
            _ when text.Length == 1 => text[0],
            _ => throw CliException.Usage($"--delimiter: '{text}' is not one character; give one such as ; or |, or 'tab'."),
        };
        if (delimiter is '"' or '\r' or '\n' || !char.IsAscii(delimiter) || char.IsAsciiLetterOrDigit(delimiter))
        {
            throw CliException.Usage($"--delimiter: '{text}' cannot separate CSV fields; give an ASCII punctuation character, a space or 'tab'.");
        }

        return delimiter;
    }

    /// <summary>Says on standard error which touch rows <c>--count-statuses</c> left out, per status, so none is dropped unseen.</summary>
    public static void NoteNotCounted(CliContext context, JourneySet journeys, string path)
    {
        if (journeys.NotCountedByStatus.Count > 0)
        {
            context.Note($"'{path}': {DescribeNotCounted(journeys)}.");
        }
    }

    /// <summary>"4 touch rows not counted by status (sent 3, registered 1)".</summary>
    public static string DescribeNotCounted(JourneySet journeys)
    {
        var total = journeys.NotCountedByStatus.Sum(static s => (long)s.Value);
        var each = string.Join(", ", journeys.NotCountedByStatus.Select(static s => FormattableString.Invariant($"{s.Key} {s.Value:N0}")));
        return FormattableString.Invariant($"{total:N0} touch rows not counted by status ({each})");
    }

    /// <summary>Checks every channel and kind the options name against the data: a name that does not occur is a typo.</summary>
    public static void Check(JourneySet journeys, string path, EligibilitySettings settings)
    {
        AttributeCommand.RequireChannels(journeys.Channels, path, "--exclude", settings.Options.ExcludedChannels);
        RequireKinds(journeys, path, "--conversion", settings.Kinds ?? []);
        RequireKinds(journeys, path, "--lookback", settings.Options.LookbackByKind.Keys);

        // A funnel stage may be empty in one file (no orders yet this quarter), so only a close misspelling of a kind that
        // does occur is taken for a typo.
        var known = KindsOf(journeys);
        foreach (var stage in settings.Options.Stages)
        {
            if (!known.Contains(stage, StringComparer.Ordinal) && Suggestions.Closest(stage, known) is { } meant && !settings.Options.Stages.Contains(meant))
            {
                throw CliException.Usage($"--stages: conversion kind '{stage}' does not occur in '{path}' (did you mean '{meant}'?); its kinds: {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>Throws a usage error with a "did you mean" when a kind does not occur in the data.</summary>
    public static void RequireKinds(JourneySet journeys, string path, string option, IEnumerable<string> kinds)
    {
        var known = KindsOf(journeys);
        foreach (var kind in kinds)
        {
            if (!known.Contains(kind, StringComparer.Ordinal))
            {
                var hint = Suggestions.Hint(kind, known);
                throw CliException.Usage($"{option}: conversion kind '{kind}' does not occur in '{path}'{hint}; its kinds: {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>The kinds of the data, in order of first appearance (<c>conversion</c> when no row names one).</summary>
    public static IReadOnlyList<string> KindsOf(JourneySet journeys)
        => journeys.Kinds.Count > 0 ? journeys.Kinds : [Journeys.Conversion.DefaultKind];
}

/// <summary>The parsed eligibility options and the kinds to report.</summary>
/// <param name="Options">The engine's options.</param>
/// <param name="Kinds">The kinds <c>--conversion</c> keeps, or null for every kind in the data.</param>
internal sealed record EligibilitySettings(AttributionOptions Options, IReadOnlyList<string>? Kinds)
{
    /// <summary>Gets the kinds a saved model learnt, by model name: its report shows only those.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>>? KindsOfModel { get; init; }

    /// <summary>Gets the statuses <c>--count-statuses</c> counts, or null for every row.</summary>
    public IReadOnlyCollection<string>? CountedStatuses { get; init; }

    /// <summary>Gets the event log's field delimiter (<c>--delimiter</c>).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets the event log's headers by standard column (<c>--column</c>), or null for the standard headers.</summary>
    public IReadOnlyDictionary<string, string>? ColumnNames { get; init; }

    /// <summary>The reader's options these settings decide: which statuses count, the delimiter and the column headers.</summary>
    public EventLogCsvOptions ReaderOptions(EventLogCsvOptions options) => options with { CountedStatuses = CountedStatuses, Delimiter = Delimiter, ColumnNames = ColumnNames };

    /// <summary>Gets the bootstrap intervals of the models, when <c>--intervals</c> was given.</summary>
    public IntervalReport? Intervals { get; init; }
}
