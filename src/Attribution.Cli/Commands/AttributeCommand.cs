using System.CommandLine;
using Attribution.Cli.Models;
using Attribution.Cli.Output;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution attribute --input FILE --model NAME ...</c>: attributes an event-log CSV under one or more models;
/// with <c>--paths FILE</c>, reports path-level credit (data-driven models and the position- and channel-based rules).</summary>
internal static class AttributeCommand
{
    public static Command Create(CliContext context)
    {
        var report = new ReportOptions();
        var spend = SpendOptions.Create();
        var paths = new Option<string?>("--paths")
        {
            Description = "Instead of --input: an aggregated path CSV (path,total_conversions,total_conversion_value,total_null), credited at path level; every model but time-decay (a path has no timestamps).",
            HelpName = "FILE",
        };
        var intervals = new IntervalArguments(parseResult => parseResult.GetValue(report.By)?.Trim().Equals("campaign", StringComparison.OrdinalIgnoreCase) == true);
        var funnel = new Option<bool>("--funnel")
        {
            Description = "Instead of the credit per channel, print the funnel: per model and channel, the credited conversions of each --stages kind and the ratio between consecutive stages.",
        };
        var sqlEngine = new SqlEngineMode(parseResult =>
        {
            // Only totals come back from a SQL engine: spend and the funnel are reported by the in-process engine.
            if (parseResult.GetValue(spend.Spend) is not null || parseResult.GetValue(funnel))
            {
                throw CliException.Usage("--spend and --funnel run in process; leave out --engine duckdb (or use a CSV input).");
            }

            var target = report.Resolve(parseResult, context);
            return (target.Grouping, credit => context.Write("--output", target.OutputPath, text => ReportWriter.Write(text, credit, target.Format)));
        });
        return CreateCore(
            context,
            "attribute",
            "Attribute the conversions of an event-log CSV (or an aggregated path CSV) and compare models side by side, per conversion kind; with --spend, report spend, ROAS, ROI and cost per conversion of each kind.",
            [report.By, report.Format, report.Output, spend.Spend, spend.Currency, funnel, .. sqlEngine.Options],
            includeTouchpoints: false,
            parseResult =>
            {
                var target = report.Resolve(parseResult, context);
                var spendTable = spend.Load(parseResult);
                var showFunnel = parseResult.GetValue(funnel);
                if (showFunnel && spendTable is not null)
                {
                    throw CliException.Usage("--funnel and --spend: give one of them; the funnel counts conversions, spend is reported without --funnel.");
                }

                if (intervals.Given(parseResult) && (showFunnel || spendTable is not null))
                {
                    throw CliException.Usage($"--intervals applies to the credit report; leave out {(showFunnel ? "--funnel" : "--spend")}.");
                }

                if (showFunnel && target.Grouping != ReportGrouping.Channel)
                {
                    throw CliException.Usage($"--funnel is per channel; leave out --by {ReportWriter.KeyName(target.Grouping)}.");
                }

                if (spendTable is not null && target.Grouping == ReportGrouping.TouchType)
                {
                    throw CliException.Usage("--spend is per channel or campaign; leave out --by touch-type.");
                }

                return (result, eligible) =>
                {
                    if (showFunnel)
                    {
                        if (eligible.Options.Stages.Count == 0)
                        {
                            throw CliException.Usage("--funnel needs --stages KIND,KIND,... (for example lead,opportunity,order).");
                        }

                        FunnelReportWriter.Write(target, result, eligible.Options.Stages, context);
                    }
                    else if (spendTable is null)
                    {
                        if (eligible.Intervals is { } bootstrap && target.Grouping == ReportGrouping.Campaign)
                        {
                            foreach (var model in bootstrap.Models.Where(static m => m.IsDataDriven))
                            {
                                context.Warnings?.WriteLine($"warning: --intervals: model '{model.Model}' has no intervals per campaign (a data-driven model is refitted on paths of channels); its rows have none.");
                            }
                        }

                        ReportOptions.Write(target, result, eligible.Kinds, context, kindsOfModel: eligible.KindsOfModel, intervals: eligible.Intervals);
                    }
                    else
                    {
                        SpendOptions.WarnUnknownNames(spendTable, result.Journeys, context);
                        SpendReportWriter.Write(target, result, spendTable, parseResult.GetValue(spend.Spend)!, eligible.Kinds, context);
                    }
                };
            },
            new PathMode(paths, parseResult =>
            {
                // A path file has no campaigns, no touch types and no journeys to match spend to.
                if (parseResult.GetValue(report.By)?.Trim().Equals("campaign", StringComparison.OrdinalIgnoreCase) == true)
                {
                    throw CliException.Usage("--by campaign needs --input; a path file has no campaigns.");
                }

                if (parseResult.GetValue(report.By)?.Trim().Equals("touch-type", StringComparison.OrdinalIgnoreCase) == true)
                {
                    throw CliException.Usage("--by touch-type needs --input; a path file has no touch types.");
                }

                DataOptions.RejectWithPaths(parseResult.GetValue(spend.Spend) is not null, "--spend");
                DataOptions.RejectWithPaths(parseResult.GetValue(funnel), "--funnel");
                DataOptions.RejectWithPaths(parseResult.GetValue(spend.Currency) is not null, "--currency");
                var target = report.Resolve(parseResult, context);
                return pathReport => WritePathReport(target, pathReport, context);
            }),
            intervals: intervals,
            sqlMode: sqlEngine);
    }

    private static void WritePathReport(ReportTarget target, PathReport report, CliContext context)
        => context.Write("--output", target.OutputPath, text => PathReportWriter.Write(text, report, target.Format));

    /// <summary>Builds a command that reads an event log and runs models; <paramref name="prepare"/> checks the command's own
    /// options before the input is read and returns what to do with the report. With <paramref name="pathMode"/> the command
    /// also takes a path file instead of the event log. A command that needs the journeys and models rather than a run
    /// (explain) gives <paramref name="prepareModels"/> instead of <paramref name="prepare"/>.</summary>
    internal static Command CreateCore(
        CliContext context,
        string name,
        string description,
        IEnumerable<Option> extraOptions,
        bool includeTouchpoints,
        Func<ParseResult, Action<AttributionReport, EligibilitySettings>>? prepare,
        PathMode? pathMode = null,
        Func<ParseResult, Action<JourneySet, IReadOnlyList<IAttributionModel>, EligibilitySettings>>? prepareModels = null,
        IntervalArguments? intervals = null,
        SqlEngineMode? sqlMode = null)
    {
        var input = new Option<string>("--input")
        {
            Description = "The event-log CSV: journey_id,timestamp,channel,campaign,conversion,value,conversion_id (optional touch_type,status).",
            HelpName = "FILE",
            Required = pathMode is null,
        };
        var model = new Option<string[]>("--model")
        {
            Description = $"A model to run; repeat for a side-by-side comparison. One of {string.Join(", ", ModelFactory.Names)} (alias position-based). Data-driven models (markov, shapley) learn from the input's paths. NAME=MODEL[:ARGS] runs a variant under its own name, for example early=u-shaped:0.5,0.3,0.2 or late=time-decay:3d.",
            HelpName = "[NAME=]MODEL[:ARGS]",
        };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON file of options and named models (see the README); options given on the command line override the file's.",
            HelpName = "FILE",
        };
        var milestoneWeights = new Option<string[]>("--milestone-weights")
        {
            Description = "The milestones model's weights: first=0.3,lead=0.3,opportunity=0.3,rest=0.1 (keys first, stage names, rest; a stage left out is no milestone).",
            HelpName = "KEY=W,...",
        };
        var modelFile = new Option<string[]>("--model-file")
        {
            Description = "A model saved by 'attribution fit --save' to run as it is, without training; repeatable.",
            HelpName = "FILE",
        };
        var order = OptionParsers.WholeNumber(
            new Option<int?>("--order")
            {
                Description = "The markov model's order: how many previous channels a state remembers (default 1).",
                HelpName = "N",
            },
            1,
            DataOptions.MaxOrder);
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
            Description = "The channel-weights model's weight per channel, for example email=2,display=0.5; unlisted channels weigh 1.",
            HelpName = "CHANNEL=W,...",
        };
        var eligibility = new EligibilityOptions();
        var accounts = new AccountOptions();
        var command = new Command(name, description)
        {
            input, model, modelFile, order, halfLife, positions, channelWeights, config, milestoneWeights,
        };
        eligibility.AddTo(command);
        accounts.AddTo(command);
        if (pathMode is not null)
        {
            command.Add(pathMode.Paths);
        }

        foreach (var option in intervals?.All ?? [])
        {
            command.Add(option);
        }

        foreach (var option in extraOptions)
        {
            command.Add(option);
        }

        command.SetAction(parseResult =>
        {
            // Everything the command line alone can get wrong is checked before the (possibly large) input is read.
            var pathsFile = pathMode is null ? null : parseResult.GetValue(pathMode.Paths);
            if (pathMode is not null)
            {
                DataOptions.RequireOneSource(pathsFile, parseResult.GetValue(input));
            }

            var intervalOptions = intervals?.Parse(parseResult);
            var finishPaths = pathsFile is null ? null : pathMode!.Prepare(parseResult);
            var finish = pathsFile is null ? prepare?.Invoke(parseResult) : null;
            var useModels = prepareModels?.Invoke(parseResult);
            var modelFiles = parseResult.GetValue(modelFile) ?? [];
            var configuration = ConfigFile.Load(parseResult.GetValue(config));
            var names = ModelChoices.Parse("--model", parseResult.GetValue(model) ?? []);
            if (names.Count == 0 && configuration.Models.Count == 0 && modelFiles.Length == 0)
            {
                throw CliException.Usage("--model: give at least one model (or --model-file, or \"models\" in --config).");
            }

            var settings = new ModelSettings();
            var orderValue = parseResult.GetValue(order);
            if (orderValue is not null)
            {
                RequireModel(names, "markov", "--order");
                settings = settings with { Markov = new MarkovOptions { Order = orderValue.Value } };
            }

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
            if (weightTexts.Length > 0)
            {
                RequireModel(names, "channel-weights", "--channel-weights");
                settings = settings with { ChannelWeights = new ChannelWeightsModelOptions { Weights = OptionParsers.ParseChannelWeights("--channel-weights", weightTexts) } };
            }

            // The config file's options are the base; each option given on the command line overrides the file's.
            var eligible = eligibility.Parse(parseResult, ConfigFile.BaseOptions(configuration, includeTouchpoints));
            if (eligible.Kinds is null && configuration.Conversions is { Count: > 0 } conversions)
            {
                eligible = eligible with { Kinds = conversions };
            }

            var options = eligible.Options;

            var milestoneTexts = parseResult.GetValue(milestoneWeights) ?? [];
            if (milestoneTexts.Length > 0)
            {
                RequireModel(names, "milestones", "--milestone-weights");
                settings = settings with { Milestones = ModelChoices.ParseMilestoneWeights("--milestone-weights", milestoneTexts, options.Stages) };
            }

            var definitions = ConfigFile.Models(configuration, ModelChoices.Define("--model", names, settings, options.Stages), options.Stages);
            var weights = ChannelWeightsOf(definitions, names);

            if (sqlMode is not null && pathsFile is null && sqlMode.Selected(parseResult, parseResult.GetValue(input)))
            {
                if (modelFiles.Length > 0)
                {
                    throw CliException.Usage("--model-file runs in process; leave out --engine duckdb (or use a CSV input).");
                }

                // The SQL builder mirrors the engine's eligibility and rule-based models, not the in-process extras.
                var inProcessOnly = accounts.Given(parseResult).Where(static g => g.Given).Select(static g => g.Name)
                    .Concat(intervalOptions is not null ? ["--intervals"] : [])
                    .Concat(eligible.CountedStatuses is not null ? ["--count-statuses"] : [])
                    .Concat(parseResult.GetValue<string?>("--by")?.Trim().Equals("touch-type", StringComparison.OrdinalIgnoreCase) == true ? ["--by touch-type"] : [])
                    .ToList();
                if (inProcessOnly.Count > 0)
                {
                    throw CliException.Usage($"{string.Join(", ", inProcessOnly)} run in process only; leave out --engine duckdb (or use a CSV input).");
                }

                sqlMode.Run(parseResult, parseResult.GetValue(input)!, definitions, eligible, context);
                return ExitCodes.Success;
            }

            if (pathsFile is not null)
            {
                RunOnPaths(pathsFile, definitions, modelFiles, weights, eligibility.Given(parseResult).Concat(accounts.Given(parseResult)), eligible.Kinds, intervalOptions, finishPaths!, context);
                return ExitCodes.Success;
            }

            if (intervalOptions is not null && modelFiles.Length > 0)
            {
                throw CliException.Usage("--intervals refits models on resampled data, and a --model-file model is fixed; leave out one of them.");
            }

            // The side files are read before the input too: contact roles are an eligibility rule of the engine's options.
            options = accounts.WithContacts(parseResult, options);
            eligible = eligible with { Options = options };
            var readerOptions = accounts.ReaderOptions(parseResult, new EventLogCsvOptions());

            // Saved models are read before the input: a bad one is reported at once, not after the input's long read.
            var loadedModels = modelFiles.Select(static file => (File: file, Model: ModelFile.Load("--model-file", file))).ToList();
            var path = parseResult.GetValue(input)!;
            using var display = context.Progress is null ? null : new ProgressDisplay(context.Progress, path);
            var progress = new CancellationCheck(display, context.Cancellation);
            var journeys = Load(path, progress, eligible.ReaderOptions(readerOptions));
            context.ThrowIfCancelled();
            EligibilityOptions.NoteNotCounted(context, journeys, path);
            accounts.Report(parseResult, journeys, context, options);
            EligibilityOptions.Check(journeys, path, eligible);
            foreach (var (option, channels) in weights)
            {
                RequireChannels(journeys.Channels, path, option, channels);
            }

            // Data-driven models learn only the kinds reported: one model per kind, each kind's conversions weighed by its own.
            var data = new TrainingData(journeys, options, path, eligible.Kinds);
            var models = definitions.Select(definition => ModelFactory.Create(WithProgress(definition, display), data)).ToList();
            AddModelFiles(models, loadedModels);
            context.ThrowIfCancelled();
            if (useModels is not null)
            {
                display?.Dispose();
                WarnUnseen(context, models, journeys, path);
                useModels(journeys, models, eligible);
                return ExitCodes.Success;
            }

            var result = new AttributionEngine(options with { Progress = progress }).Run(journeys, models);
            display?.Dispose();
            context.ThrowIfCancelled();
            FiniteNumbers.Require(result, path);
            WarnUnseen(context, models, journeys, path);
            // A saved model learnt one kind: the blocks of other kinds under it would only say "all unattributed".
            var learnt = models.OfType<PerKindModel>().Where(static m => m.FromFile).ToDictionary(static m => m.Name, static m => (IReadOnlyCollection<string>)[.. m.Models.Keys]);
            var bootstrap = intervalOptions is null ? null : Bootstrap(path, () => BootstrapIntervals.Run(journeys, definitions, options, intervalOptions));
            context.ThrowIfCancelled();
            finish!(result, eligible with { KindsOfModel = learnt, Intervals = bootstrap });
            return ExitCodes.Success;
        });

        return command;
    }

    // Without journeys there is nothing to allocate one by one: each data-driven model reports its own path-level credit,
    // and a rule-based one splits every path row by its weights (PathAttribution).
    private static void RunOnPaths(
        string pathsFile,
        List<ModelDefinition> definitions,
        string[] modelFiles,
        List<(string Option, IEnumerable<string> Channels)> weights,
        IEnumerable<(string Name, bool Given)> journeyOptions,
        IReadOnlyList<string>? kinds,
        IntervalOptions? intervals,
        Action<PathReport> finish,
        CliContext context)
    {
        if (modelFiles.Length > 0)
        {
            throw CliException.Usage("--model-file needs --input: a saved model allocates the conversions of journeys; with --paths, fit with --model.");
        }

        foreach (var (option, given) in journeyOptions)
        {
            DataOptions.RejectWithPaths(given, option);
        }

        // A path file has one kind, "conversion": naming it is allowed, any other kind is a typo or a misunderstanding.
        foreach (var kind in kinds ?? [])
        {
            if (kind != Conversion.DefaultKind)
            {
                throw CliException.Usage($"--conversion: a path file has no conversion kinds; its conversions are of kind '{Conversion.DefaultKind}'{Suggestions.Hint(kind, [Conversion.DefaultKind])}.");
            }
        }

        // Rule-based models need no data, so one that needs timestamps is refused before the (possibly large) file is read.
        var ruleBased = new Dictionary<string, IAttributionModel>(StringComparer.Ordinal);
        foreach (var definition in definitions.Where(static d => d.IsDataDriven && d.Name != d.Model))
        {
            // A path report reads a fitted model's own path-level credit, which a renamed copy does not expose.
            throw CliException.Usage($"--model {definition.Name}={definition.Model}: a named variant of a data-driven model runs on --input; with --paths, use --model {definition.Model} (and --order).");
        }

        foreach (var definition in definitions.Where(static d => !d.IsDataDriven))
        {
            var model = definition.Create();
            if (!PathAttribution.CanRun(model, out var reason))
            {
                throw CliException.Usage($"--model {definition.Name} cannot run with --paths: {reason}; give --input (an event log) for it.");
            }

            ruleBased.Add(definition.Name, model);
        }

        var paths = DataOptions.LoadPaths(pathsFile);
        foreach (var (option, channels) in weights)
        {
            RequireChannels(paths.Channels, pathsFile, option, channels);
        }

        var data = new TrainingData(paths, pathsFile);
        context.ThrowIfCancelled();
        var models = definitions.Select(d => ruleBased.TryGetValue(d.Name, out var model) ? model : ModelFactory.Create(d, data)).ToList();
        context.ThrowIfCancelled();
        var report = PathReport.Create(paths, models) with
        {
            Intervals = intervals is null ? null : Bootstrap(pathsFile, () => BootstrapIntervals.Run(paths, definitions, intervals)),
        };
        FiniteNumbers.Require(report, pathsFile);
        finish(report);
    }

    // A data-driven model refuses a resample it cannot learn from (for example one with no walk at all): a fact of the data.
    private static IntervalReport Bootstrap(string source, Func<IntervalReport> run)
    {
        try
        {
            return run();
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            throw CliException.BadData($"--intervals: cannot resample '{source}': {ModelFactory.MessageOf(e)}");
        }
    }

    // A fitted model (Markov or Shapley, loaded from a file or fitted per kind) gives channels it never saw no credit;
    // say so instead of leaving it silent.
    private static void WarnUnseen(CliContext context, List<IAttributionModel> models, JourneySet journeys, string path)
    {
        if (context.Warnings is null)
        {
            return;
        }

        foreach (var model in models)
        {
            var unseen = new List<string>();
            foreach (var fitted in model is PerKindModel perKind ? perKind.Models.Values : [model])
            {
                var missing = fitted switch
                {
                    MarkovModel markov => markov.GetUnseenChannels(journeys.Channels),
                    ShapleyModel shapley => shapley.GetUnseenChannels(journeys.Channels),
                    _ => [],
                };
                unseen.AddRange(missing.Where(c => !unseen.Contains(c)));
            }

            if (unseen.Count > 0)
            {
                var listed = string.Join(", ", unseen.Take(5)) + (unseen.Count > 5 ? ", …" : "");
                context.Warnings.WriteLine($"warning: the {model.Name} model never saw {unseen.Count} channel(s) of '{path}' ({listed}): their touches earn nothing, and conversions touched only by them are unattributed.");
            }
        }
    }

    private static void AddModelFiles(List<IAttributionModel> models, List<(string File, IAttributionModel Model)> modelFiles)
    {
        foreach (var (file, loaded) in modelFiles)
        {
            if (models.Any(m => m.Name == loaded.Name))
            {
                throw CliException.Usage($"--model-file: '{file}' holds model '{loaded.Name}', which is already among the models; each model name may appear once.");
            }

            models.Add(loaded);
        }
    }

    // An option for a model that is not run would be silently ignored, which hides typos in scripts; a variant with its own
    // arguments (NAME=MODEL:ARGS) does not take the shared option either.
    private static void RequireModel(List<ModelChoice> choices, string model, string option)
    {
        if (!choices.Any(c => c.Model == model && c.Arguments is null))
        {
            throw CliException.Usage($"{option} applies to --model {model}, which is not among the models given.");
        }
    }

    // The channels every channel-weights model weighs, checked against the data (a name that does not occur is a typo), each under
    // the option that named it: --channel-weights, the variant's --model, or the config file's model.
    private static List<(string Option, IEnumerable<string> Channels)> ChannelWeightsOf(List<ModelDefinition> definitions, List<ModelChoice> choices)
    {
        var weights = new List<(string Option, IEnumerable<string> Channels)>();
        foreach (var definition in definitions.Where(static d => d.Model == "channel-weights"))
        {
            var choice = choices.FirstOrDefault(c => c.Name == definition.Name);
            var option = choice is null ? $"--config: model '{definition.Name}'" : choice.Arguments is null ? "--channel-weights" : $"--model {definition.Name}";
            weights.Add((option, definition.Settings.ChannelWeights.Weights.Keys));
        }

        return weights;
    }

    // A long Markov fit reports its progress on the same display as the read.
    private static ModelDefinition WithProgress(ModelDefinition definition, ProgressDisplay? display)
        => display is null || !definition.IsDataDriven
            ? definition
            : new ModelDefinition(definition.Name, definition.Model, definition.Settings with { Markov = definition.Settings.Markov with { Progress = display } });

    internal static JourneySet Load(string path, IProgress<long>? progress = null, EventLogCsvOptions? options = null)
        => InputFile.Read("--input", path, (stream, name) => EventLogCsvReader.Read(stream, (options ?? new EventLogCsvOptions()) with { Progress = progress }, name));

    internal static void RequireChannels(IReadOnlyList<string> knownChannels, string path, string option, IEnumerable<string> channels)
    {
        var known = new HashSet<string>(knownChannels, StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (known.Contains(channel))
            {
                continue;
            }

            var hint = Suggestions.Hint(channel, knownChannels);
            var channelList = knownChannels.Count == 0 ? "it has no touchpoints" : "its channels: " + string.Join(", ", knownChannels);
            throw CliException.Usage($"{option}: channel '{channel}' does not occur in '{path}'{hint}; {channelList}.");
        }
    }
}

/// <summary>How a command also runs on a path file: the <c>--paths</c> option and what to do with the path-level report.</summary>
/// <param name="Paths">The <c>--paths</c> option.</param>
/// <param name="Prepare">Checks the command's own options before the file is read and returns the writer of the report.</param>
internal sealed record PathMode(Option<string?> Paths, Func<ParseResult, Action<PathReport>> Prepare);
