using Attribution.Cli.Commands;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary><c>--config FILE</c>: a reviewed JSON configuration (<see cref="AttributionConfig"/>) under the command line.</summary>
/// <remarks>The file's values are the base and every option given on the command line overrides the file's value of that
/// option: <c>--lookback 30d</c> the default lookback (the file's per-kind lookbacks stay), <c>--exclude</c> the excluded
/// channels, <c>--model</c> the file's models (all of them; <c>--model-file</c> models are added to either).</remarks>
internal static class ConfigFile
{
    /// <summary>Reads the file, or returns an empty configuration when no file is given.</summary>
    /// <exception cref="CliException">The file is missing or unreadable (exit code 1), or holds an unknown property or a
    /// bad value (exit code 2, naming the JSON path).</exception>
    public static AttributionConfig Load(string? path)
    {
        if (path is null)
        {
            return new AttributionConfig();
        }

        try
        {
            return InputFile.Read("--config", path, static (stream, name) => AttributionConfig.Load(stream, name));
        }
        catch (AttributionDataException e)
        {
            // The config is how the command is invoked, not the data it reads: a mistake in it is a usage error.
            throw CliException.Usage($"--config: {e.Message}");
        }
    }

    /// <summary>The options a command starts from before its own command-line options are applied: the file's, with the
    /// command's own setting of touchpoint credits. Pass them as the base of the eligibility options' parsing, and take
    /// <see cref="AttributionConfig.Conversions"/> when <c>--conversion</c> is not given.</summary>
    public static AttributionOptions BaseOptions(AttributionConfig config, bool includeTouchpoints)
        => config.Options with { IncludeTouchpointCredits = includeTouchpoints };

    /// <summary>The models of a run: the command line's when it names any (they override the file's), else the file's.</summary>
    /// <exception cref="CliException">A milestone model has no stages, or a weight names no stage.</exception>
    public static List<ModelDefinition> Models(AttributionConfig config, List<ModelDefinition> commandLine, IReadOnlyList<string> stages)
    {
        if (commandLine.Count > 0)
        {
            return commandLine;
        }

        // The file's milestone weights were checked against the file's stages; the run's stages may come from elsewhere.
        foreach (var definition in config.Models)
        {
            if (AttributionModels.NeedsStages(definition.Model) && stages.Count == 0)
            {
                throw CliException.Usage($"--config: model '{definition.Name}' ({definition.Model}) credits funnel milestones and needs the funnel's stages (\"stages\" in the file or --stages).");
            }

            foreach (var stage in definition.Model == "milestones" ? definition.Settings.Milestones.Stages.Keys : [])
            {
                if (!stages.Contains(stage, StringComparer.Ordinal))
                {
                    throw CliException.Usage($"--config: model '{definition.Name}' has a weight for '{stage}', which is no stage of the funnel ({string.Join(", ", stages)}){Suggestions.Hint(stage, stages)}.");
                }
            }
        }

        return [.. config.Models];
    }
}
