using System.Numerics;
using Attribution.Reports;

namespace Attribution.DataDriven;

/// <summary>Learns Shapley-value attribution from channel paths: each channel's credit is its Shapley value in the game of channel-set conversion rates.</summary>
/// <remarks>
/// <para>The game: for a converting path whose
/// distinct channels are U, every S ⊆ U is a coalition worth v(S), the conversion rate
/// conversions / (conversions + non-conversions) of the paths whose distinct channels are exactly S (0 when none was
/// seen). The path's conversions and value are split over U in proportion to the channels' Shapley values φ_i, each
/// clipped at 0; when every φ_i is 0 or less the path is split linearly (equally per touch).</para>
/// <para>Values are exact for sets of up to <see cref="ShapleyOptions.ExactChannelCap"/> channels and estimated by
/// seeded permutation sampling beyond (see <see cref="ShapleyOptions.Samples"/> for the error).
/// <see cref="ShapleyMethod.SimplifiedClosedForm"/> uses the closed form of Zhao et al. (2018) instead.</para>
/// <para>Cost: paths are grouped by channel set once; each distinct converting set U is then solved once, in
/// O(min(2^|U|, number of converting sets) + Σ|T|) over the observed sets T ⊆ U when exact, or O(Samples · |U|) when
/// sampled. Sets are solved in parallel; results do not depend on the number of threads.</para>
/// <para>Paths may hold at most 64 distinct channels in total (a set is a 64-bit mask).</para>
/// </remarks>
/// <example>
/// <code>
/// var paths = PathSet.FromJourneys(journeys);
/// ShapleyModel model = ShapleyAttribution.Fit(paths);
/// var result = new AttributionEngine().Run(journeys, model);
/// File.WriteAllText("shapley.json", model.ToJson());
/// </code>
/// </example>
public static class ShapleyAttribution
{
    /// <summary>The largest number of channels a path set may have.</summary>
    public const int MaxChannels = 64;

    /// <summary>Fits a Shapley model to paths.</summary>
    /// <param name="paths">The training paths.</param>
    /// <param name="options">The method, exactness cap and sampling; defaults when null.</param>
    /// <returns>The fitted model, with the attribution of the training paths in <see cref="ShapleyModel.ByChannel"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="paths"/> has more than <see cref="MaxChannels"/> channels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ShapleyModel Fit(PathSet paths, ShapleyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new ShapleyOptions();
        options.Validate();
        var channelCount = paths.Channels.Count;
        if (channelCount > MaxChannels)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"Shapley attribution supports at most {MaxChannels} channels, but the path set has {channelCount}."),
                nameof(paths));
        }

        // Aggregate paths by their set of distinct channels: Dictionary keeps first-seen order, so sums are deterministic.
        var masks = new ulong[paths.Count];
        var bySet = new Dictionary<ulong, ShapleyCoalition>();
        var steps = paths.Steps;
        var offsets = paths.Offsets;
        for (var p = 0; p < masks.Length; p++)
        {
            var mask = 0UL;
            for (var s = offsets[p]; s < offsets[p + 1]; s++)
            {
                mask |= 1UL << steps[s];
            }

            masks[p] = mask;
            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(bySet, mask, out _);
            entry = new ShapleyCoalition(mask, entry.Conversions + paths.ConversionCounts[p], entry.Nulls + paths.NullCounts[p], entry.Value + paths.ConversionValues[p]);
        }

        var coalitions = new ShapleyCoalition[bySet.Count];
        bySet.Values.CopyTo(coalitions, 0);
        var names = new string[channelCount];
        for (var c = 0; c < channelCount; c++)
        {
            names[c] = paths.Channels[c];
        }

        var model = new ShapleyModel(options, names, coalitions, credits: null);

        // Sets are independent and each samples from its own seeded stream, so computing them in parallel changes no bit.
        var sharesBySet = new double[coalitions.Length][];
        Parallel.For(0, coalitions.Length, i =>
        {
            var coalition = coalitions[i];
            sharesBySet[i] = coalition.Conversions > 0 || coalition.Value > 0 ? model.GetSharesById(coalition.Mask, 0) : [];
        });

        var conversions = new double[channelCount];
        var values = new double[channelCount];
        for (var i = 0; i < coalitions.Length; i++)
        {
            var coalition = coalitions[i];
            if (coalition.Conversions > 0 || coalition.Value > 0)
            {
                var shares = sharesBySet[i];
                if (shares.Length > 0)
                {
                    for (var rest = coalition.Mask; rest != 0; rest &= rest - 1)
                    {
                        var c = BitOperations.TrailingZeroCount(rest);
                        conversions[c] += coalition.Conversions * shares[c];
                        values[c] += coalition.Value * shares[c];
                    }
                }
            }
        }

        // Linear fallback depends on each path's touch counts, so those sets are split path by path.
        for (var p = 0; p < masks.Length; p++)
        {
            var pathConversions = paths.ConversionCounts[p];
            var pathValue = paths.ConversionValues[p];
            if ((pathConversions > 0 || pathValue > 0) && model.GetSharesById(masks[p], 0).Length == 0)
            {
                var length = offsets[p + 1] - offsets[p];
                for (var s = offsets[p]; s < offsets[p + 1]; s++)
                {
                    conversions[steps[s]] += pathConversions / length;
                    values[steps[s]] += pathValue / length;
                }
            }
        }

        var credits = new CreditTotal[channelCount];
        for (var c = 0; c < channelCount; c++)
        {
            credits[c] = new CreditTotal(names[c], conversions[c], values[c]);
        }

        return model.WithCredits(credits);
    }
}
