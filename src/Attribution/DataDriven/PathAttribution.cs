using System.Diagnostics.CodeAnalysis;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.DataDriven;

/// <summary>Runs a rule-based model over aggregated paths (a <see cref="PathSet"/>, for example a ChannelAttribution path
/// file), the way ChannelAttribution's <c>heuristic_models</c> put first-, last-touch and linear beside a Markov chain.</summary>
/// <remarks>
/// <para>Each path row is one conversion pattern seen <c>conversions</c> times: the model weighs the row's touches as it
/// would weigh the eligible touches of one conversion, and the row's conversions and value are split by those shares.
/// Touches are counted, not channels: under <c>linear</c>, <c>a &gt; b &gt; a</c> gives <c>a</c> two thirds. Rows
/// without conversions (only <c>total_null</c>) earn nothing; a row whose weights are all 0 (possible with channel
/// weights) is unattributed, never dropped.</para>
/// <para>A path has no timestamps, so only models whose weights depend on positions and channels alone can run:
/// first-touch, last-touch, linear, U-shaped and channel weights (<see cref="AttributionModels"/>). The model sees every
/// touch and the conversion at tick 0 and no campaigns. Time-decay weighs a touch by its age and is rejected, as are
/// custom weight functions and user models, which may read the time; fitted data-driven models report their own
/// path-level credit (<see cref="MarkovModel.Results"/>, <see cref="ShapleyModel.ByChannel"/>).</para>
/// </remarks>
/// <example>
/// <code>
/// PathAttributionResult linear = PathAttribution.Run(paths, AttributionModels.Linear);
/// foreach (var channel in linear.ByChannel)
///     Console.WriteLine($"{channel.Key}: {channel.Conversions:F1} conversions, {channel.Value:F2}");
/// </code>
/// </example>
public static class PathAttribution
{
    /// <summary>Tells whether a model can run on paths, which have no timestamps, and if not, why.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reason">When the model cannot run: why, in a sentence naming the model.</param>
    /// <returns><see langword="true"/> for the built-in position- and channel-based models.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static bool CanRun(IAttributionModel model, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is NamedModel named)
        {
            // A renamed model (a preset such as j-shaped, a variant) weighs as the model it wraps.
            return CanRun(named.Inner, out reason);
        }

        reason = model switch
        {
            FirstTouchModel or LastTouchModel or LinearModel or UShapedModel or ChannelWeightsModel => null,
            TimeDecayModel => $"model '{model.Name}' weighs each touch by its age before the conversion, and paths have no timestamps",
            MarkovModel or ShapleyModel => $"model '{model.Name}' is a fitted data-driven model; its path-level credit is its own (MarkovModel.Results, ShapleyModel.ByChannel)",
            _ => $"model '{model.Name}' may weigh touches by their time, and paths have no timestamps; only first-touch, last-touch, linear, u-shaped and channel weights run on paths",
        };
        return reason is null;
    }

    /// <summary>Splits the conversions and value of every path over its channels by the model's weights.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="model">A position- or channel-based model (see <see cref="CanRun"/>).</param>
    /// <returns>The credit per channel of <paramref name="paths"/> and what no channel earned.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The model cannot run on paths (<see cref="CanRun"/>).</exception>
    /// <exception cref="InvalidOperationException">The model wrote a negative or non-finite weight.</exception>
    public static PathAttributionResult Run(PathSet paths, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!CanRun(model, out var reason))
        {
            throw new ArgumentException($"Cannot run on paths: {reason}.", nameof(model));
        }

        var scratch = new PathWeighing(paths);
        var conversionsByChannel = new double[paths.Channels.Count];
        var valueByChannel = new double[paths.Channels.Count];
        double unattributedConversions = 0, unattributedValue = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            var conversions = paths.ConversionCounts[p];
            var value = paths.ConversionValues[p];
            if (conversions == 0 && value == 0)
            {
                continue;
            }

            var shares = scratch.Shares(model, p);
            if (shares.IsEmpty)
            {
                unattributedConversions += conversions;
                unattributedValue += value;
                continue;
            }

            var channels = paths.GetPath(p);
            for (var i = 0; i < shares.Length; i++)
            {
                conversionsByChannel[channels[i]] += shares[i] * conversions;
                valueByChannel[channels[i]] += shares[i] * value;
            }
        }

        var byChannel = new CreditTotal[conversionsByChannel.Length];
        for (var c = 0; c < byChannel.Length; c++)
        {
            byChannel[c] = new CreditTotal(paths.Channels[c], conversionsByChannel[c], valueByChannel[c]);
        }

        return new PathAttributionResult(model.Name, paths, Array.AsReadOnly(byChannel), unattributedConversions, unattributedValue);
    }
}

/// <summary>Weighs the touches of one path row as the touches of one conversion: the one rule by which a model splits a
/// path (<see cref="PathAttribution"/>, and the bootstrap's path-level credit).</summary>
internal sealed class PathWeighing
{
    private readonly PathSet paths;
    private readonly long[] ticks;
    private readonly int[] campaigns;
    private readonly double[] weights;

    public PathWeighing(PathSet paths)
    {
        this.paths = paths;
        var longest = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            longest = Math.Max(longest, paths.Offsets[p + 1] - paths.Offsets[p]);
        }

        // Zero ticks and no campaigns state what a path does not know; CanRun admits only models that read neither.
        ticks = new long[longest];
        campaigns = new int[longest];
        campaigns.AsSpan().Fill(-1);
        weights = new double[longest];
    }

    /// <summary>Gets every touch's share of row <paramref name="p"/> (scaled to add up to 1), or an empty span when every
    /// weight is 0. The span is valid until the next call.</summary>
    /// <exception cref="InvalidOperationException">The model wrote a negative or non-finite weight.</exception>
    public ReadOnlySpan<double> Shares(IAttributionModel model, int p)
    {
        var channels = paths.GetPath(p);
        var n = channels.Length;
        var w = weights.AsSpan(0, n);
        var touchpoints = new EligibleTouchpoints(ticks.AsSpan(0, n), channels, campaigns.AsSpan(0, n), 0, paths.ConversionValues[p], paths.Channels, []);
        model.ComputeWeights(touchpoints, w);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (!(w[i] >= 0 && w[i] <= double.MaxValue))
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"Model '{model.Name}' returned weight {w[i]} for touch {i} of path {p}; weights must be finite and not negative."));
            }

            sum += w[i];
        }

        if (sum == 0)
        {
            return [];
        }

        for (var i = 0; i < n; i++)
        {
            w[i] /= sum;
        }

        return w;
    }
}
