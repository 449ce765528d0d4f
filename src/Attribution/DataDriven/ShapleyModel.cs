using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Numerics;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.DataDriven;

/// <summary>A fitted Shapley model (<see cref="ShapleyAttribution.Fit"/>): an ordinary attribution model that splits each conversion over its channels by their Shapley values.</summary>
/// <remarks>
/// <para>For the eligible touches of a conversion, the model takes their distinct channels U, computes each channel's
/// Shapley value in the channel-set game learnt in training (clipped at 0 and normalised), and gives every touch its
/// channel's share divided by the number of touches of that channel, so that each channel's touches together earn its
/// share. When every value is 0 the touches of channels seen in training weigh the same.</para>
/// <para>Channels are matched by name. A channel unseen in training is a player whose coalitions were never observed
/// (worth 0): it earns nothing, but it still counts as a player of U. As with <see cref="MarkovModel"/>, a conversion
/// whose touches are all of unseen channels (every conversion, for a model fitted on no paths) gets no weight and the
/// engine reports it as unattributed; <see cref="GetUnseenChannels"/> lists such channels so a host can warn about
/// them. Shares are cached per channel set; the model is immutable and safe to use from several threads.</para>
/// </remarks>
public sealed class ShapleyModel : IAttributionModel
{
    private static readonly double[] Linear = [];

    private readonly string[] channels;
    private readonly ShapleyCoalition[] coalitions;
    private readonly CreditTotal[] credits;
    private CreditTotals? byChannel;
    private readonly Dictionary<string, int> idByName;
    private readonly ShapleyGame game;
    private readonly ConcurrentDictionary<(ulong Known, int Unknown), double[]> cache;

    internal ShapleyModel(ShapleyOptions options, string[] channels, ShapleyCoalition[] coalitions, CreditTotal[]? credits)
    {
        Options = options;
        this.channels = channels;
        this.coalitions = coalitions;
        this.credits = credits ?? [];
        idByName = new Dictionary<string, int>(channels.Length, StringComparer.Ordinal);
        for (var c = 0; c < channels.Length; c++)
        {
            idByName.Add(channels[c], c);
        }

        var rates = new KeyValuePair<ulong, double>[coalitions.Length];
        for (var i = 0; i < coalitions.Length; i++)
        {
            rates[i] = new KeyValuePair<ulong, double>(coalitions[i].Mask, coalitions[i].Rate);
        }

        game = new ShapleyGame(rates, options);
        cache = new ConcurrentDictionary<(ulong, int), double[]>();
        ChannelShares = BuildChannelShares(channels, this.credits);
    }

    private ShapleyModel(ShapleyModel model, CreditTotal[] credits)
    {
        Options = model.Options;
        channels = model.channels;
        coalitions = model.coalitions;
        this.credits = credits;
        idByName = model.idByName;
        game = model.game;
        cache = model.cache;
        ChannelShares = BuildChannelShares(channels, credits);
    }

    /// <summary>Gets the model's name, <c>shapley</c>.</summary>
    public string Name => "shapley";

    /// <summary>Gets the options the model was fitted with.</summary>
    public ShapleyOptions Options { get; }

    /// <summary>Gets the channels seen in training.</summary>
    public IReadOnlyList<string> Channels => channels;

    /// <summary>Gets the attribution of the training paths: each channel's credited conversions and value, in the order of <see cref="Channels"/>.</summary>
    /// <remarks>Every converting training path has at least one channel and falls back to linear when its values are all 0,
    /// so these add up to the path set's total conversions and value (up to rounding).</remarks>
    public CreditTotals ByChannel => byChannel ??= new CreditTotals(credits);

    /// <summary>Gets each channel's fraction of the training conversions it was credited with (all 0 when there were none).</summary>
    public IReadOnlyDictionary<string, double> ChannelShares { get; }

    /// <summary>Gets the conversion rate learnt for an exact set of channels: v(S) of the game.</summary>
    /// <param name="channelSet">The channels of the set; order and repeats do not matter.</param>
    /// <returns>conversions / (conversions + non-conversions) of the training paths whose distinct channels are exactly the set; 0 when none was seen.</returns>
    public double GetConversionRate(IEnumerable<string> channelSet)
    {
        var (known, unknown) = MaskOf(channelSet);
        return unknown > 0 ? 0 : game.Worth(known);
    }

    /// <summary>Gets how the model splits credit over a set of channels: each channel's clipped, normalised Shapley value.</summary>
    /// <param name="channelSet">The distinct channels of a journey; order and repeats do not matter.</param>
    /// <returns>One share per distinct channel, adding up to 1 (equal shares among the channels seen in training when every
    /// value is 0), or all 0 when no channel of the set was seen in training; empty for an empty set.</returns>
    public IReadOnlyDictionary<string, double> GetShares(IEnumerable<string> channelSet)
    {
        ArgumentNullException.ThrowIfNull(channelSet);
        var distinct = new List<string>();
        foreach (var channel in channelSet)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(channel, nameof(channelSet));
            if (!distinct.Contains(channel))
            {
                distinct.Add(channel);
            }
        }

        var (known, unknown) = MaskOf(distinct);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (distinct.Count == 0)
        {
            return result;
        }

        var shares = known == 0 ? Linear : GetSharesById(known, unknown);
        var seen = BitOperations.PopCount(known);
        foreach (var channel in distinct)
        {
            result[channel] = !idByName.TryGetValue(channel, out var id) ? 0
                : shares.Length == 0 ? 1.0 / seen
                : shares[id];
        }

        return result;
    }

    /// <summary>Lists the channels among <paramref name="channels"/> that the model never saw in training, in first-seen order.</summary>
    /// <param name="channels">Channel names, for example those of the journeys about to be attributed.</param>
    /// <returns>The distinct unseen channels: their touches earn nothing, and conversions touched only by them are unattributed.</returns>
    public IReadOnlyList<string> GetUnseenChannels(IEnumerable<string> channels) => UnseenChannels.List(channels, idByName);

    /// <inheritdoc/>
    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
        => ComputeWeights(touchpoints, weights, Resolve(touchpoints.ChannelNames));

    /// <inheritdoc/>
    /// <remarks>Returns a copy that maps the data's channel ids to the channels seen in training once, for the whole run.</remarks>
    public IAttributionModel Bind(ModelBindingArguments arguments) => new BoundShapleyModel(this, Resolve(arguments.ChannelNames));

    /// <summary>Weighs touches whose channel ids <paramref name="map"/> turns into training ids (−1: unseen).</summary>
    internal void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights, int[] map)
    {
        var touches = touchpoints.Channels;
        var known = 0UL;
        var anyUnknown = false;
        Span<int> counts = stackalloc int[ShapleyAttribution.MaxChannels];
        foreach (var channel in touches)
        {
            var id = map[channel];
            if (id < 0)
            {
                anyUnknown = true;
            }
            else
            {
                known |= 1UL << id;
                counts[id]++;
            }
        }

        if (known == 0)
        {
            // Only channels the model never saw (or a model fitted on nothing): no weight, so the conversion is unattributed.
            weights.Clear();
            return;
        }

        var shares = GetSharesById(known, anyUnknown ? CountDistinctUnknown(touches, map) : 0);
        if (shares.Length == 0)
        {
            for (var i = 0; i < touches.Length; i++)
            {
                weights[i] = map[touches[i]] < 0 ? 0 : 1;
            }

            return;
        }

        for (var i = 0; i < touches.Length; i++)
        {
            var id = map[touches[i]];
            weights[i] = id < 0 ? 0 : shares[id] / counts[id];
        }
    }

    /// <summary>Writes the model as JSON: options, channels, the observed channel sets with their counts, and the training attribution.</summary>
    /// <returns>The JSON text; <see cref="FromJson"/> reads it back into an equivalent model.</returns>
    public string ToJson() => ShapleyModelJson.Write(Options, channels, coalitions, credits);

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not JSON of a Shapley model, or a field is missing or invalid.</exception>
    public static ShapleyModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ShapleyModelJson.Read(json);
    }

    internal ShapleyModel WithCredits(CreditTotal[] totals) => new(this, totals);

    /// <summary>The game behind the split of one set of channels, for explanations: each channel's Shapley value as the
    /// model computes it (before clipping at 0 and normalising), and the worth v(S) of the set's coalitions: every
    /// non-empty subset when the set has at most <paramref name="listAllUpTo"/> channels, else the subsets worth more
    /// than 0 (the others are worth 0).</summary>
    /// <param name="set">The distinct channels, in the order the coalitions list them.</param>
    /// <param name="listAllUpTo">The largest set whose subsets are all listed.</param>
    internal (double[] Values, List<CoalitionValue> Coalitions) Explain(IReadOnlyList<string> set, int listAllUpTo)
    {
        var (known, unknown) = MaskOf(set);
        var k = BitOperations.PopCount(known);
        var raw = game.Values(known, unknown);
        var values = new double[set.Count];
        var trainedBits = new ulong[set.Count];
        for (var i = 0; i < set.Count; i++)
        {
            if (idByName.TryGetValue(set[i], out var id))
            {
                // Values come in ascending trained id, then the unseen channels (all alike).
                trainedBits[i] = 1UL << id;
                values[i] = raw[BitOperations.PopCount(known & ((1UL << id) - 1))];
            }
            else
            {
                values[i] = raw.Length > k ? raw[k] : 0;
            }
        }

        // Sorted by size, then by subset of the set (all listed) or by trained ids (only those worth more than 0).
        var coalitions = new List<(int Size, ulong Key, CoalitionValue Value)>();
        if (set.Count <= listAllUpTo)
        {
            for (var subset = 1UL; subset < 1UL << set.Count; subset++)
            {
                var mask = 0UL;
                var seen = true;
                for (var i = 0; i < set.Count; i++)
                {
                    if ((subset & (1UL << i)) != 0)
                    {
                        mask |= trainedBits[i];
                        seen &= trainedBits[i] != 0;
                    }
                }

                coalitions.Add((BitOperations.PopCount(subset), subset, new CoalitionValue(Names(set, subset), seen ? game.Worth(mask) : 0)));
            }
        }
        else
        {
            foreach (var coalition in this.coalitions)
            {
                if ((coalition.Mask & ~known) != 0 || !(coalition.Rate > 0))
                {
                    continue;
                }

                var names = new List<string>();
                for (var i = 0; i < set.Count; i++)
                {
                    if ((coalition.Mask & trainedBits[i]) != 0)
                    {
                        names.Add(set[i]);
                    }
                }

                coalitions.Add((names.Count, coalition.Mask, new CoalitionValue(names, coalition.Rate)));
            }
        }

        coalitions.Sort(static (a, b) => a.Size != b.Size ? a.Size.CompareTo(b.Size) : a.Key.CompareTo(b.Key));
        return (values, coalitions.ConvertAll(static c => c.Value));

        static string[] Names(IReadOnlyList<string> set, ulong subset)
        {
            var names = new string[BitOperations.PopCount(subset)];
            var n = 0;
            for (var i = 0; i < set.Count; i++)
            {
                if ((subset & (1UL << i)) != 0)
                {
                    names[n++] = set[i];
                }
            }

            return names;
        }
    }

    /// <summary>Shares by training id for a set (empty array: split linearly), computed once per set.</summary>
    internal double[] GetSharesById(ulong known, int unknown)
    {
        if (cache.TryGetValue((known, unknown), out var shares))
        {
            return shares;
        }

        return cache.GetOrAdd((known, unknown), static (key, model) => model.ComputeShares(key.Known, key.Unknown), this);
    }

    private double[] ComputeShares(ulong known, int unknown)
    {
        var shares = game.Shares(known, unknown, channels.Length);
        return shares.Length == 0 ? Linear : shares;
    }

    private (ulong Known, int Unknown) MaskOf(IEnumerable<string> channelSet)
    {
        ArgumentNullException.ThrowIfNull(channelSet);
        var known = 0UL;
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in channelSet)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(channel, nameof(channelSet));
            if (idByName.TryGetValue(channel, out var id))
            {
                known |= 1UL << id;
            }
            else
            {
                unknown.Add(channel);
            }
        }

        return (known, unknown.Count);
    }

    private static int CountDistinctUnknown(ReadOnlySpan<int> touches, int[] map)
    {
        var seen = ArrayPool<bool>.Shared.Rent(map.Length);
        try
        {
            Array.Clear(seen, 0, map.Length);
            var count = 0;
            foreach (var channel in touches)
            {
                if (map[channel] < 0 && !seen[channel])
                {
                    seen[channel] = true;
                    count++;
                }
            }

            return count;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    private int[] Resolve(IReadOnlyList<string> names)
    {
        var map = new int[names.Count];
        for (var id = 0; id < map.Length; id++)
        {
            map[id] = idByName.TryGetValue(names[id], out var trained) ? trained : -1;
        }

        return map;
    }

    private static ReadOnlyDictionary<string, double> BuildChannelShares(string[] channels, CreditTotal[] credits)
    {
        var total = 0.0;
        foreach (var credit in credits)
        {
            total += credit.Conversions;
        }

        var shares = new Dictionary<string, double>(channels.Length, StringComparer.Ordinal);
        for (var c = 0; c < channels.Length; c++)
        {
            shares[channels[c]] = total > 0 && c < credits.Length ? credits[c].Conversions / total : 0;
        }

        return new ReadOnlyDictionary<string, double>(shares);
    }
}
