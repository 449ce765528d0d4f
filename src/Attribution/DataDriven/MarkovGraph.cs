namespace Attribution.DataDriven;

/// <summary>The counted transitions of a k-order chain, in compressed rows, and the exact absorbing-chain solver over them.</summary>
/// <remarks>
/// <para>State 0 is (start); (conversion) and (null) are not stored as states but as per-state end counts. The
/// probability of a transition is its count over the source state's <see cref="OutTotals"/> (edges + ends).</para>
/// <para>Rows are sorted by target so the same counts always give the same arrays, whatever order paths came in.</para>
/// </remarks>
internal sealed class MarkovGraph
{
    private const double Tolerance = 1e-12;
    private const int MaxSweeps = 1_000_000;

    public MarkovGraph(int order, int channelCount, int[] stateOffsets, int[] stateChannels, int[] edgeOffsets, int[] edgeTargets, double[] edgeCounts, double[] conversions, double[] values, double[] nulls)
    {
        Order = order;
        ChannelCount = channelCount;
        StateOffsets = stateOffsets;
        StateChannels = stateChannels;
        EdgeOffsets = edgeOffsets;
        EdgeTargets = edgeTargets;
        EdgeCounts = edgeCounts;
        Conversions = conversions;
        Values = values;
        Nulls = nulls;

        var count = conversions.Length;
        OutTotals = new double[count];
        Leaving = new double[count];
        for (var s = 0; s < count; s++)
        {
            var total = conversions[s] + nulls[s];
            var self = 0.0;
            for (var e = edgeOffsets[s]; e < edgeOffsets[s + 1]; e++)
            {
                total += edgeCounts[e];
                if (edgeTargets[e] == s)
                {
                    self += edgeCounts[e];
                }
            }

            OutTotals[s] = total;
            Leaving[s] = total - self;
        }

        SweepOrder = PostOrder();
        StatesByChannel = IndexStatesByChannel();
    }

    public int Order { get; }

    public int ChannelCount { get; }

    public int StateCount => Conversions.Length;

    /// <summary>State s is made of StateChannels[StateOffsets[s] .. StateOffsets[s + 1]); empty for start.</summary>
    public int[] StateOffsets { get; }

    public int[] StateChannels { get; }

    public int[] EdgeOffsets { get; }

    public int[] EdgeTargets { get; }

    public double[] EdgeCounts { get; }

    /// <summary>Gets per state how many walks converted right after it.</summary>
    public double[] Conversions { get; }

    /// <summary>Gets per state the value of the conversions right after it.</summary>
    public double[] Values { get; }

    /// <summary>Gets per state how many walks ended in null right after it.</summary>
    public double[] Nulls { get; }

    public double[] OutTotals { get; }

    /// <summary>Gets per state its out-count without its self-loop: self-loops are solved in closed form.</summary>
    public double[] Leaving { get; }

    /// <summary>Gets the states reachable from start in DFS post-order (successors before predecessors on acyclic parts).</summary>
    public int[] SweepOrder { get; }

    /// <summary>Gets, per channel, the states that contain it.</summary>
    public int[][] StatesByChannel { get; }

    public ReadOnlySpan<int> GetStateChannels(int state) => StateChannels.AsSpan(StateOffsets[state], StateOffsets[state + 1] - StateOffsets[state]);

    /// <summary>Counts the transitions of the paths, or of the paths <paramref name="include"/> selects.</summary>
    public static MarkovGraph Build(PathSet paths, int order, Func<int, bool>? include = null) => Build(paths, order, include, out _);

    /// <summary>Counts the transitions of the selected paths and hands back the state space, to look other paths up in it.</summary>
    public static MarkovGraph Build(PathSet paths, int order, Func<int, bool>? include, out MarkovStateSpace space)
    {
        space = new MarkovStateSpace(order, paths.Channels.Count);
        var edgeIndex = new MarkovHashMap(1024);
        var edgeFrom = new List<int>();
        var edgeTo = new List<int>();
        var edgeCount = new List<double>();
        var conversions = new List<double> { 0 };
        var values = new List<double> { 0 };
        var nulls = new List<double> { 0 };

        var offsets = paths.Offsets;
        var steps = paths.Steps;
        for (var p = 0; p < paths.Count; p++)
        {
            var conv = paths.ConversionCounts[p];
            var nul = paths.NullCounts[p];
            var weight = conv + nul;
            if (weight <= 0 || (include is not null && !include(p)))
            {
                continue;
            }

            var path = steps.AsSpan(offsets[p], offsets[p + 1] - offsets[p]);
            var windows = path.Length <= order ? 1 : path.Length - order + 1;
            var previous = 0;
            for (var i = 0; i < windows; i++)
            {
                var state = space.GetOrAdd(path.Length <= order ? path : path.Slice(i, order));
                if (state == conversions.Count)
                {
                    conversions.Add(0);
                    values.Add(0);
                    nulls.Add(0);
                }

                var edge = edgeIndex.GetOrAdd(MarkovHashMap.Pack(previous, state), edgeFrom.Count);
                if (edge == edgeFrom.Count)
                {
                    edgeFrom.Add(previous);
                    edgeTo.Add(state);
                    edgeCount.Add(weight);
                }
                else
                {
                    edgeCount[edge] += weight;
                }

                previous = state;
            }

            conversions[previous] += conv;
            values[previous] += paths.ConversionValues[p];
            nulls[previous] += nul;
        }

        var stateCount = space.Count;
        var stateOffsets = new int[stateCount + 1];
        var stateChannels = new List<int>();
        Span<int> buffer = order <= 64 ? stackalloc int[order] : new int[order];
        for (var s = 0; s < stateCount; s++)
        {
            var length = space.CopyChannels(s, buffer);
            for (var i = 0; i < length; i++)
            {
                stateChannels.Add(buffer[i]);
            }

            stateOffsets[s + 1] = stateChannels.Count;
        }

        return FromEdges(order, paths.Channels.Count, stateOffsets, [.. stateChannels], [.. edgeFrom], [.. edgeTo], [.. edgeCount], [.. conversions], [.. values], [.. nulls]);
    }

    /// <summary>Sorts edges into compressed rows ordered by target.</summary>
    public static MarkovGraph FromEdges(int order, int channelCount, int[] stateOffsets, int[] stateChannels, int[] from, int[] to, double[] counts, double[] conversions, double[] values, double[] nulls)
    {
        var stateCount = conversions.Length;
        var rowOffsets = new int[stateCount + 1];
        foreach (var f in from)
        {
            rowOffsets[f + 1]++;
        }

        for (var s = 0; s < stateCount; s++)
        {
            rowOffsets[s + 1] += rowOffsets[s];
        }

        var targets = new int[from.Length];
        var edgeCounts = new double[from.Length];
        var fill = rowOffsets[..^1];
        for (var e = 0; e < from.Length; e++)
        {
            var at = fill[from[e]]++;
            targets[at] = to[e];
            edgeCounts[at] = counts[e];
        }

        for (var s = 0; s < stateCount; s++)
        {
            Array.Sort(targets, edgeCounts, rowOffsets[s], rowOffsets[s + 1] - rowOffsets[s]);
        }

        return new MarkovGraph(order, channelCount, stateOffsets, stateChannels, rowOffsets, targets, edgeCounts, conversions, values, nulls);
    }

    /// <summary>Solves the absorbing chain from start: the probability of reaching (conversion) and the expected conversion value.</summary>
    /// <param name="removed">States made absorbing null (a removed channel's states), or null for none.</param>
    /// <returns>P(conversion) and E[value], each within 1e-12 of the full chain's value (so removal effects are exact to 1e-12).</returns>
    /// <remarks>
    /// <para>x(s) = (conv(s) + Σ_t count(s,t)·x(t)) / out(s) (value: value(s) in place of conv(s)); a self-loop is moved to
    /// the left-hand side, x(s) = (conv(s) + Σ_{t≠s} count(s,t)·x(t)) / (out(s) − count(s,s)).</para>
    /// <para>Gauss–Seidel sweeps in DFS post-order run twice side by side: once from 0 (a sub-solution) and once from the
    /// largest possible value (a super-solution: 1 for probability, max value(s)/(conv(s)+null(s)) for value). The matrix is
    /// non-negative and substochastic, so the first rises and the second falls monotonically to the unique solution: the
    /// true start value always lies between them. Sweeps stop when both brackets at start are narrower than 1e-12 times the
    /// full chain's answer (the observed conversion rate and value per walk), which bounds the error rigorously; an acyclic
    /// chain needs one sweep.</para>
    /// </remarks>
    public (double Conversion, double Value) Absorb(bool[]? removed)
    {
        var count = StateCount;
        var lowC = new double[count];
        var highC = new double[count];
        var lowV = new double[count];
        var highV = new double[count];
        double valueCeiling = 0, conversions = 0, values = 0, walks = 0;
        for (var s = 0; s < count; s++)
        {
            var ends = Conversions[s] + Nulls[s];
            if (ends > 0)
            {
                valueCeiling = Math.Max(valueCeiling, Values[s] / ends);
            }

            conversions += Conversions[s];
            values += Values[s];
            walks += ends;
        }

        // The full chain's answers equal the observed rates, so they give the scale against which removal answers must be
        // accurate (a removal effect is 1 − removed / full). A zero scale means no conversions at all: the answer is 0.
        var scaleC = walks > 0 ? conversions / walks : 0;
        var scaleV = walks > 0 ? values / walks : 0;
        for (var s = 0; s < count; s++)
        {
            if (removed is null || !removed[s])
            {
                highC[s] = scaleC > 0 ? 1 : 0;
                highV[s] = valueCeiling;
            }
        }

        var order = SweepOrder;
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            foreach (var s in order)
            {
                if (removed is not null && removed[s])
                {
                    continue;
                }

                double lc = Conversions[s], hc = lc, lv = Values[s], hv = lv;
                for (var e = EdgeOffsets[s]; e < EdgeOffsets[s + 1]; e++)
                {
                    var t = EdgeTargets[e];
                    if (t == s)
                    {
                        continue;
                    }

                    var w = EdgeCounts[e];
                    lc += w * lowC[t];
                    hc += w * highC[t];
                    lv += w * lowV[t];
                    hv += w * highV[t];
                }

                var leaving = Leaving[s];
                lowC[s] = lc / leaving;
                highC[s] = hc / leaving;
                lowV[s] = lv / leaving;
                highV[s] = hv / leaving;
            }

            if (highC[0] - lowC[0] <= Tolerance * scaleC && highV[0] - lowV[0] <= Tolerance * scaleV)
            {
                return ((lowC[0] + highC[0]) / 2, (lowV[0] + highV[0]) / 2);
            }
        }

        throw new InvalidOperationException($"The Markov chain did not converge within {MaxSweeps} sweeps (bracket at start: conversion [{lowC[0]}, {highC[0]}], value [{lowV[0]}, {highV[0]}]).");
    }

    /// <summary>Marks the states that contain a channel.</summary>
    public bool[] RemovedStates(int channel)
    {
        var removed = new bool[StateCount];
        foreach (var s in StatesByChannel[channel])
        {
            removed[s] = true;
        }

        return removed;
    }

    private int[] PostOrder()
    {
        var count = StateCount;
        var visited = new bool[count];
        var order = new List<int>(count);
        var stack = new Stack<(int State, int Edge)>();
        visited[0] = true;
        stack.Push((0, EdgeOffsets[0]));
        while (stack.Count > 0)
        {
            var (s, e) = stack.Pop();
            if (e < EdgeOffsets[s + 1])
            {
                stack.Push((s, e + 1));
                var t = EdgeTargets[e];
                if (!visited[t])
                {
                    visited[t] = true;
                    stack.Push((t, EdgeOffsets[t]));
                }
            }
            else
            {
                order.Add(s);
            }
        }

        return [.. order];
    }

    private int[][] IndexStatesByChannel()
    {
        var lists = new List<int>[ChannelCount];
        for (var c = 0; c < lists.Length; c++)
        {
            lists[c] = [];
        }

        for (var s = 1; s < StateCount; s++)
        {
            var channels = GetStateChannels(s);
            for (var i = 0; i < channels.Length; i++)
            {
                // A channel repeated inside one window is listed once.
                if (channels[..i].IndexOf(channels[i]) < 0)
                {
                    lists[channels[i]].Add(s);
                }
            }
        }

        var result = new int[lists.Length][];
        for (var c = 0; c < lists.Length; c++)
        {
            result[c] = [.. lists[c]];
        }

        return result;
    }
}
