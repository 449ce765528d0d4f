using Attribution.Models;

namespace Attribution.DataDriven;

/// <summary>A Markov chain fitted on paths (<see cref="MarkovChain.Fit"/>): its removal effects, channel attribution, and an ordinary attribution model.</summary>
/// <remarks>
/// <para>States are (start), (conversion), (null) and one state per window of <see cref="Order"/> consecutive channels
/// (a path shorter than the order is one state made of the whole path). Every path contributes, weighted by its counts,
/// start → first state, state → next state, last state → (conversion) and → (null); probabilities are counts divided by
/// all counts out of the source state.</para>
/// <para>Removing a channel c sends every transition into a state that contains c to (null). Its removal effect is
/// RE(c) = 1 − P(conversion | c removed) / P(conversion); the value removal effect is the same ratio of expected
/// conversion values, where a conversion after state s is worth the mean value per conversion of the observed paths
/// ending in s (as ChannelAttribution does). Both are computed exactly by solving the absorbing chain, not by simulation.
/// A channel gets total conversions × RE(c) / Σ RE and total value × VRE(c) / Σ VRE; when every effect is 0 (no
/// conversions), every channel gets 0.</para>
/// <para>How the chain is solved: for order 1 the removal effect comes from one solve for all channels, by the identity
/// P(conversion | c removed) = P(conversion) − P(reach c)·P(conversion from c), with P(reach c) = N[start, c] / N[c, c]
/// (N the fundamental matrix), so RE(c) = N[start, c]·x(c) / (N[c, c]·P(conversion)); for higher orders, where a
/// channel is many states, the chain is solved once more per channel with those states removed. Every solve is an
/// exact state elimination that never subtracts (see the README's Markov paragraph): it has no iterations to
/// converge, answers for every valid chain (walks of a million steps, bots looping between two channels, counts near
/// <see cref="double.MaxValue"/>), and its results are exact up to a few units of rounding in the last place of each
/// sum, far inside 1e-12.</para>
/// <para>As an <see cref="IAttributionModel"/> the chain splits each conversion among its eligible touchpoints in
/// proportion to the removal effects of their channels (a channel touched twice counts twice). Channels the chain never
/// saw weigh 0; when every touchpoint weighs 0 the engine reports the conversion as unattributed.</para>
/// <para>The model is immutable and thread-safe. <see cref="ToJson"/> and <see cref="FromJson"/> save and restore it, so it
/// can be fitted in a batch job and applied elsewhere.</para>
/// </remarks>
public sealed class MarkovModel : IAttributionModel
{
    private readonly string[] channels;
    private readonly Dictionary<string, int> channelIds;
    private readonly double[] removalEffects;
    private readonly MarkovChannelResult[] results;
    private readonly Lazy<IReadOnlyList<MarkovTransition>> transitions;

    internal MarkovModel(MarkovGraph graph, string[] channels, double totalConversions, double totalValue, double totalNulls, MarkovEffects effects)
    {
        Graph = graph;
        this.channels = channels;
        channelIds = new Dictionary<string, int>(channels.Length, StringComparer.Ordinal);
        for (var c = 0; c < channels.Length; c++)
        {
            channelIds.Add(channels[c], c);
        }

        TotalConversions = totalConversions;
        TotalValue = totalValue;
        TotalNulls = totalNulls;
        Effects = effects;
        ConversionProbability = effects.ConversionProbability;
        ExpectedValue = effects.ExpectedValue;
        removalEffects = effects.RemovalEffects;
        var valueEffects = effects.ValueRemovalEffects;
        double sumEffects = 0, sumValueEffects = 0;
        for (var c = 0; c < channels.Length; c++)
        {
            sumEffects += removalEffects[c];
            sumValueEffects += valueEffects[c];
        }

        results = new MarkovChannelResult[channels.Length];
        for (var c = 0; c < channels.Length; c++)
        {
            results[c] = new MarkovChannelResult(
                channels[c],
                removalEffects[c],
                valueEffects[c],
                sumEffects > 0 ? totalConversions * (removalEffects[c] / sumEffects) : 0,
                sumValueEffects > 0 ? totalValue * (valueEffects[c] / sumValueEffects) : 0);
        }

        transitions = new Lazy<IReadOnlyList<MarkovTransition>>(BuildTransitions);
    }

    /// <summary>Gets the model's name: <c>markov</c> for order 1, <c>markov-k</c> for order k &gt; 1.</summary>
    public string Name => Order == 1 ? "markov" : $"markov-{Order}";

    /// <summary>Gets the order of the chain.</summary>
    public int Order => Graph.Order;

    /// <summary>Gets the channels the chain was fitted with, in the order of <see cref="Channels"/>' ids.</summary>
    public IReadOnlyList<string> Channels => channels;

    /// <summary>Gets the number of channel states (start, conversion and null not counted).</summary>
    public int StateCount => Graph.StateCount - 1;

    /// <summary>Gets the conversions of the paths the chain was fitted on.</summary>
    public double TotalConversions { get; }

    /// <summary>Gets the conversion value of the paths the chain was fitted on.</summary>
    public double TotalValue { get; }

    /// <summary>Gets the non-conversions of the paths the chain was fitted on.</summary>
    public double TotalNulls { get; }

    /// <summary>Gets the probability that a walk from (start) ends in (conversion); equals the observed conversion rate of the fitted paths.</summary>
    public double ConversionProbability { get; }

    /// <summary>Gets the expected conversion value of a walk from (start); equals the observed value per path.</summary>
    public double ExpectedValue { get; }

    /// <summary>Gets the removal effects and attributed conversions and value of every channel, in channel order.</summary>
    public IReadOnlyList<MarkovChannelResult> Results => results;

    /// <summary>Gets the transition matrix as a list of non-zero transitions, by source state then target state.</summary>
    public IReadOnlyList<MarkovTransition> Transitions => transitions.Value;

    internal MarkovGraph Graph { get; }

    internal MarkovEffects Effects { get; }

    /// <summary>Gets the result of one channel.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <returns>The channel's removal effects and attribution.</returns>
    /// <exception cref="KeyNotFoundException">The chain was not fitted with <paramref name="channel"/>.</exception>
    public MarkovChannelResult GetResult(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channelIds.TryGetValue(channel, out var id)
            ? results[id]
            : throw new KeyNotFoundException($"Channel '{channel}' is not one of the {channels.Length} channels of this Markov model.");
    }

    /// <summary>Lists the channels among <paramref name="channels"/> that the chain never saw in training, in first-seen order.</summary>
    /// <param name="channels">Channel names, for example those of the journeys about to be attributed.</param>
    /// <returns>The distinct unseen channels: their removal effect is unknown, so their touches earn nothing, and
    /// conversions touched only by them are unattributed.</returns>
    public IReadOnlyList<string> GetUnseenChannels(IEnumerable<string> channels) => UnseenChannels.List(channels, channelIds);

    /// <inheritdoc/>
    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        // Unbound (a direct call): look each name up. The engine binds first and never comes here.
        var ids = touchpoints.Channels;
        for (var i = 0; i < ids.Length; i++)
        {
            weights[i] = channelIds.TryGetValue(touchpoints.ChannelNames[ids[i]], out var id) ? removalEffects[id] : 0;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Returns a copy that holds the removal effect of every channel id of the data (0 for channels the chain never saw).</remarks>
    public IAttributionModel Bind(ModelBindingArguments arguments) => new ChannelTableModel(Name, WeightsFor(arguments.ChannelNames));

    /// <summary>Saves the fitted chain as JSON: its counts, and its removal effects so that loading does not solve the chain again.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => MarkovJson.Write(this);

    /// <summary>Loads a chain saved by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>A model equal to the saved one in every output.</returns>
    /// <remarks>The saved removal effects are used as they are; a file written before effects were saved (without
    /// <c>removalEffects</c>) has them computed from its counts while loading.</remarks>
    /// <exception cref="System.Text.Json.JsonException">The text is not a saved Markov model, or its contents are inconsistent.</exception>
    public static MarkovModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return MarkovJson.Read(json);
    }

    internal string StateLabel(int state)
    {
        if (state == 0)
        {
            return "(start)";
        }

        var ids = Graph.GetStateChannels(state);
        var parts = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            parts[i] = channels[ids[i]];
        }

        return string.Join(" > ", parts);
    }

    private double[] WeightsFor(IReadOnlyList<string> names)
    {
        var byId = new double[names.Count];
        for (var i = 0; i < byId.Length; i++)
        {
            if (channelIds.TryGetValue(names[i], out var id))
            {
                byId[i] = removalEffects[id];
            }
        }

        return byId;
    }

    private List<MarkovTransition> BuildTransitions()
    {
        var list = new List<MarkovTransition>(Graph.EdgeTargets.Length + (2 * Graph.StateCount));
        for (var s = 0; s < Graph.StateCount; s++)
        {
            var from = StateLabel(s);
            for (var e = Graph.EdgeOffsets[s]; e < Graph.EdgeOffsets[s + 1]; e++)
            {
                list.Add(new MarkovTransition(from, StateLabel(Graph.EdgeTargets[e]), Graph.EdgeCounts[e], Graph.Probability(s, Graph.EdgeCounts[e])));
            }

            if (Graph.Conversions[s] > 0)
            {
                list.Add(new MarkovTransition(from, "(conversion)", Graph.Conversions[s], Graph.Probability(s, Graph.Conversions[s])));
            }

            if (Graph.Nulls[s] > 0)
            {
                list.Add(new MarkovTransition(from, "(null)", Graph.Nulls[s], Graph.Probability(s, Graph.Nulls[s])));
            }
        }

        return list;
    }
}
