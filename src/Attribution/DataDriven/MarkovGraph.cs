namespace Attribution.DataDriven;

/// <summary>The counted transitions of a k-order chain, in compressed rows (<see cref="MarkovSolver"/> solves them).</summary>
/// <remarks>
/// <para>State 0 is (start); (conversion) and (null) are not stored as states but as per-state end counts. The
/// probability of a transition is its count over the source state's <see cref="OutTotals"/> (edges + ends).</para>
/// <para>Rows are sorted by target so the same counts always give the same arrays, whatever order paths came in.</para>
/// <para>When the counts or values of the paths add up beyond what a double holds, <see cref="Build(PathSet, int, Func{int, bool}?, out MarkovStateSpace)"/>
/// multiplies all of them by the same power of two (exact, and every probability, rate and effect is a ratio, so
/// unchanged); the counts of such a graph are then that fraction of the observed ones.</para>
/// </remarks>
internal sealed class MarkovGraph
{
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
            // Sums, not differences: counts near double.MaxValue may make a total infinite but never NaN.
            var leaving = conversions[s] + nulls[s];
            var self = 0.0;
            for (var e = edgeOffsets[s]; e < edgeOffsets[s + 1]; e++)
            {
                if (edgeTargets[e] == s)
                {
                    self += edgeCounts[e];
                }
                else
                {
                    leaving += edgeCounts[e];
                }
            }

            OutTotals[s] = leaving + self;
            Leaving[s] = leaving;
        }

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

    /// <summary>Gets, per channel, the states that contain it.</summary>
    public int[][] StatesByChannel { get; }

    /// <summary>Returns count / <see cref="OutTotals"/>[s] without overflowing when the total exceeds double.MaxValue.</summary>
    public double Probability(int state, double count)
    {
        var total = OutTotals[state];
        if (double.IsFinite(total))
        {
            return total > 0 ? count / total : 0;
        }

        // Scale by a power of two so the total fits again, then divide (exact scaling, one rounding as usual).
        var scaled = Conversions[state] / 4 + Nulls[state] / 4;
        for (var e = EdgeOffsets[state]; e < EdgeOffsets[state + 1]; e++)
        {
            scaled += EdgeCounts[e] / 4;
        }

        return count / 4 / scaled;
    }

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
        var scale = CountScale(paths);
        for (var p = 0; p < paths.Count; p++)
        {
            var conv = paths.ConversionCounts[p] * scale;
            var nul = paths.NullCounts[p] * scale;
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
            values[previous] += paths.ConversionValues[p] * scale;
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

    /// <summary>Returns 1, or the power of two that keeps every sum of counts and of values of the paths finite.</summary>
    internal static double CountScale(PathSet paths)
    {
        // Each term is scaled by 2^-64 first, so this sum cannot overflow for any number of paths a PathSet can hold.
        const double Down = 1.0 / 18446744073709551616.0;
        double counts = 0, values = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            counts += (paths.ConversionCounts[p] * Down) + (paths.NullCounts[p] * Down);
            values += paths.ConversionValues[p] * Down;
        }

        var largest = Math.Max(counts, values);
        const double Limit = 1.0 / 18446744073709551616.0 * 8.98846567431158e307; // 2^1023 · 2^-64
        return largest < Limit / 1024 ? 1 : Math.ScaleB(1, -(Math.ILogB(largest) - Math.ILogB(Limit) + 11));
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

    /// <summary>Returns a state from which no walk can end (in conversion or null), or −1 when every state can end.</summary>
    public int FindTrappedState()
    {
        var count = StateCount;
        var predecessors = new List<int>[count];
        var ends = new bool[count];
        var queue = new Queue<int>();
        for (var s = 0; s < count; s++)
        {
            predecessors[s] = [];
        }

        for (var s = 0; s < count; s++)
        {
            for (var e = EdgeOffsets[s]; e < EdgeOffsets[s + 1]; e++)
            {
                if (EdgeCounts[e] > 0)
                {
                    predecessors[EdgeTargets[e]].Add(s);
                }
            }

            if (Conversions[s] + Nulls[s] > 0)
            {
                ends[s] = true;
                queue.Enqueue(s);
            }
        }

        while (queue.TryDequeue(out var t))
        {
            foreach (var s in predecessors[t])
            {
                if (!ends[s])
                {
                    ends[s] = true;
                    queue.Enqueue(s);
                }
            }
        }

        return Array.IndexOf(ends, false);
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
