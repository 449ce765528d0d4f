using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution attribute --input FILE --model NAME ...</c>: attributes an event-log CSV under one or more models.</summary>
internal static class AttributeCommand
{
    public static Command Create(CliContext context)
    {
        var report = new ReportOptions();
        var spend = SpendOptions.Create();
        return CreateCore(
            "attribute",
            "Attribute the conversions of an event-log CSV and compare models side by side; with --spend, report spend, ROAS, ROI and CPA.",
            [report.By, report.Format, report.Output, spend.Spend, spend.Currency],
            includeTouchpoints: false,
            parseResult =>
            {
                var target = report.Resolve(parseResult, context);
                var spendTable = spend.Load(parseResult);
                return (result, _) =>
                {
                    if (spendTable is null)
                    {
                        ReportOptions.Write(target, result, context);
                    }
                    else
                    {
                        SpendReportWriter.Write(target, result, spendTable, context);
                    }
                };
            });
    }

    /// <summary>Builds a command that reads an event log and runs models; <paramref name="prepare"/> checks the command's own
    /// options before the input is read and returns what to do with the report.</summary>
    internal static Command CreateCore(
        string name,
        string description,
        IEnumerable<Option> extraOptions,
        bool includeTouchpoints,
        Func<ParseResult, Action<AttributionReport, AttributionOptions>> prepare)
    {
        var input = new Option<string>("--input")
        {
            Description = "The event-log CSV: journey_id,timestamp,channel,campaign,conversion,value,conversion_id.",
            HelpName = "FILE",
            Required = true,
        };
        var model = new Option<string[]>("--model")
        {
            Description = $"A model to run; repeat for a side-by-side comparison. One of {string.Join(", ", ModelFactory.Names)} (alias position-based).",
            HelpName = "NAME",
            Required = true,
        };
        var lookback = new Option<string?>("--lookback")
        {
            Description = "How long before a conversion a touch still earns credit (default 90d). A number with s, m, h or d.",
            HelpName = "DURATION",
        };
        var halfLife = new Option<string?>("--half-life")
        {
            Description = "The time-decay model's half-life (default 7d).",
            HelpName = "DURATION",
        };
        var positions = new Option<string?>("--positions")
        {
            Description = "The u-shaped model's shares of first, middle and last touches (default 0.4,0.2,0.4).",
            HelpName = "F,M,L",
        };
        var channelWeights = new Option<string[]>("--channel-weights")
        {
            Description = "The custom model's weight per channel, for example email=2,display=0.5; unlisted channels weigh 1.",
            HelpName = "CHANNEL=W,...",
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Channels that earn credit only when nothing else is eligible, for example direct,referral.",
            HelpName = "CHANNEL,...",
        };
        var command = new Command(name, description)
        {
            input, model, lookback, halfLife, positions, channelWeights, exclude,
        };
        foreach (var option in extraOptions)
        {
            command.Add(option);
        }

        command.SetAction(parseResult =>
        {
            // Everything the command line alone can get wrong is checked before the (possibly large) input is read.
            var finish = prepare(parseResult);
            var names = ResolveModels(parseResult.GetValue(model) ?? []);
            var settings = new ModelSettings();
            var halfLifeText = parseResult.GetValue(halfLife);
            if (halfLifeText is not null)
            {
                RequireModel(names, "time-decay", "--half-life");
                settings = settings with { TimeDecay = new TimeDecayModelOptions { HalfLife = OptionParsers.ParseDuration("--half-life", halfLifeText) } };
            }

            var positionsText = parseResult.GetValue(positions);
            if (positionsText is not null)
            {
                RequireModel(names, "u-shaped", "--positions");
                settings = settings with { UShaped = OptionParsers.ParsePositions("--positions", positionsText) };
            }

            var weightTexts = parseResult.GetValue(channelWeights) ?? [];
            Dictionary<string, double>? weights = null;
            if (weightTexts.Length > 0)
            {
                RequireModel(names, "custom", "--channel-weights");
                weights = OptionParsers.ParseChannelWeights("--channel-weights", weightTexts);
                settings = settings with { ChannelWeights = new ChannelWeightsModelOptions { Weights = weights } };
            }

            var options = new AttributionOptions { IncludeTouchpointCredits = includeTouchpoints };
            var lookbackText = parseResult.GetValue(lookback);
            if (lookbackText is not null)
            {
                options = options with { Lookback = OptionParsers.ParseDuration("--lookback", lookbackText) };
            }

            var excluded = OptionParsers.ParseList(parseResult.GetValue(exclude) ?? []);
            options = options with { ExcludedChannels = excluded };

            var path = parseResult.GetValue(input)!;
            var journeys = Load(path);
            RequireChannels(journeys, path, "--exclude", excluded);
            if (weights is not null)
            {
                RequireChannels(journeys, path, "--channel-weights", weights.Keys);
            }

            var models = names.Select(name => ModelFactory.Create(name, settings, journeys)).ToList();
            var result = new AttributionEngine(options).Run(journeys, models);
            finish(result, options);
            return ExitCodes.Success;
        });

        return command;
    }

    private static List<string> ResolveModels(string[] texts)
    {
        var names = new List<string>();
        foreach (var text in OptionParsers.ParseList(texts))
        {
            var name = ModelFactory.Resolve(text);
            if (names.Contains(name))
            {
                throw CliException.Usage($"--model: '{name}' is given twice.");
            }

            names.Add(name);
        }

        if (names.Count == 0)
        {
            throw CliException.Usage("--model: give at least one model.");
        }

        return names;
    }

    // An option for a model that is not run would be silently ignored, which hides typos in scripts.
    private static void RequireModel(List<string> names, string model, string option)
    {
        if (!names.Contains(model))
        {
            throw CliException.Usage($"{option} applies to --model {model}, which is not among the models given.");
        }
    }

    private static JourneySet Load(string path)
    {
        try
        {
            return EventLogCsvReader.Read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadData($"--input: file '{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadData($"--input: cannot read '{path}': {e.Message}");
        }
    }

    private static void RequireChannels(JourneySet journeys, string path, string option, IEnumerable<string> channels)
    {
        var known = new HashSet<string>(journeys.Channels, StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (known.Contains(channel))
            {
                continue;
            }

            var sameLetters = journeys.Channels.FirstOrDefault(c => string.Equals(c, channel, StringComparison.OrdinalIgnoreCase));
            var hint = sameLetters is null ? string.Empty : $" (did you mean '{sameLetters}'? channel names are case-sensitive)";
            var channelList = journeys.Channels.Count == 0 ? "it has no touchpoints" : "its channels: " + string.Join(", ", journeys.Channels);
            throw CliException.Usage($"{option}: channel '{channel}' does not occur in '{path}'{hint}; {channelList}.");
        }
    }
}
