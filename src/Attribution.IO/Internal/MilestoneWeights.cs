using Attribution.Models;

namespace Attribution.IO.Internal;

/// <summary>The one rule for milestone weights given as <c>key=weight</c> (CLI) or an object (config file): keys
/// <c>first</c>, <c>rest</c> and stage names; a stage left out is no milestone.</summary>
internal static class MilestoneWeights
{
    /// <summary>Builds the options; <paramref name="unknown"/> makes the caller's error for a key that is no stage.</summary>
    /// <param name="weights">The weights by key, already checked as numbers.</param>
    /// <param name="stages">The funnel's stages, or null when they are not known yet (the engine checks the names then).</param>
    /// <param name="unknown">Given the key and the allowed keys (with a suggestion made by the caller), the exception to throw.</param>
    /// <param name="stageName">Turns a stage key into the stage's name (trimming, checking).</param>
    public static MilestoneModelOptions Build(
        IEnumerable<KeyValuePair<string, double>> weights,
        IReadOnlyList<string>? stages,
        Func<string, IReadOnlyList<string>, Exception> unknown,
        Func<string, string>? stageName = null)
    {
        var options = new MilestoneModelOptions();
        var byStage = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, weight) in weights)
        {
            switch (key)
            {
                case "first":
                    options = options with { First = weight };
                    break;
                case "rest":
                    options = options with { Rest = weight };
                    break;
                default:
                    if (stages is not null && !stages.Contains(key, StringComparer.Ordinal))
                    {
                        throw unknown(key, ["first", .. stages, "rest"]);
                    }

                    byStage[stageName is null ? key : stageName(key)] = weight;
                    break;
            }
        }

        return options with { Stages = byStage };
    }
}
