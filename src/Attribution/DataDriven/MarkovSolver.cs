using System.Diagnostics;

namespace Attribution.DataDriven;

/// <summary>Solves an absorbing Markov chain exactly by sparse state elimination without subtractions (GTH).</summary>
/// <remarks>
/// <para>The chain's rows are turned into probabilities (each row scaled by its largest count first, so counts up to
/// <see cref="double.MaxValue"/> neither overflow nor lose precision), and the states are eliminated one at a time,
/// cheapest first (Markowitz: fewest predecessors × successors, ties by state id, so the result never depends on
/// anything but the counts). Eliminating state k reroutes every path i → k → j into i → j with probability
/// p(i,k)·p(k,j)/d(k), where d(k) is k's probability of leaving itself. Following Grassmann, Taksar and Heyman, d(k) is
/// computed as the <em>sum</em> of k's remaining ways out rather than as 1 − p(k,k): nothing is ever subtracted, so every
/// quantity is a sum of products of non-negative numbers and keeps full relative precision, even for chains whose walks
/// are a million steps long or that bounce between two states a hundred thousand times. There are no iterations and no
/// convergence test: the elimination always finishes, in time Σ predecessors × successors over the eliminated states.</para>
/// <para>The elimination is an LDU factorisation of I − Q (Q the transient part of the transition matrix) with
/// non-negative factors, so the same pass gives x (the probability of conversion from every state), the expected
/// value, the expected visits N[0, s] to every state from start, and, when asked, the diagonal N[s, s] of the
/// fundamental matrix N = (I − Q)⁻¹ by Takahashi's selected inversion on the filled pattern (again sums of
/// non-negative terms only).</para>
/// <para>States are eliminated sparsely while the remaining chain is sparse; when what remains is dense (a core of
/// popular states every other state was folded into), the rest is eliminated and inverted with dense arrays.</para>
/// </remarks>
internal static class MarkovSolver
{
    // Once the states left have at least a fifth of all possible transitions (and are not a handful), elimination
    // switches to dense arrays: the same operations, in vectorised loops without hashing.
    // Above DenseMaximum states the two m × m arrays (matrix and inverse, 1.1 GB each at the maximum) would be too
    // large, so elimination stays sparse: slower, but it still answers.
    private const int DenseMinimum = 48;
    private const int DenseMaximum = 12_000;
    private const int DenseDivisor = 5;

    /// <summary>Solves the chain, with <paramref name="removed"/> states turned into (null).</summary>
    /// <param name="graph">The chain.</param>
    /// <param name="removed">States whose incoming transitions go to (null) instead; null for none.</param>
    /// <param name="withDiagonal">Whether to compute the expected visits from start and the diagonal of N too.</param>
    /// <param name="progress">Receives the number of states processed so far: up to the state count, or twice it with the diagonal.</param>
    public static MarkovSolution Solve(MarkovGraph graph, bool[]? removed, bool withDiagonal, Action<int>? progress = null)
    {
        var n = graph.StateCount;
        var outEdges = new Dictionary<int, double>[n];
        var inEdges = new HashSet<int>[n];
        var exit = new double[n];
        var rhsC = new double[n];
        var rhsV = new double[n];
        var active = new bool[n];
        for (var s = 0; s < n; s++)
        {
            active[s] = removed is null || !removed[s];
            outEdges[s] = [];
            inEdges[s] = [];
        }

        for (var s = 0; s < n; s++)
        {
            if (!active[s])
            {
                continue;
            }

            // Scale the row by its largest count so the total cannot overflow, then divide by the total.
            var scale = Math.Max(graph.Conversions[s], graph.Nulls[s]);
            for (var e = graph.EdgeOffsets[s]; e < graph.EdgeOffsets[s + 1]; e++)
            {
                scale = Math.Max(scale, graph.EdgeCounts[e]);
            }

            if (scale <= 0)
            {
                continue;
            }

            var total = (graph.Conversions[s] / scale) + (graph.Nulls[s] / scale);
            for (var e = graph.EdgeOffsets[s]; e < graph.EdgeOffsets[s + 1]; e++)
            {
                total += graph.EdgeCounts[e] / scale;
            }

            var ends = (graph.Conversions[s] / scale) + (graph.Nulls[s] / scale);
            for (var e = graph.EdgeOffsets[s]; e < graph.EdgeOffsets[s + 1]; e++)
            {
                var t = graph.EdgeTargets[e];
                var p = graph.EdgeCounts[e] / scale / total;
                if (t == s || p <= 0)
                {
                    continue;
                }

                if (!active[t])
                {
                    ends += graph.EdgeCounts[e] / scale;
                    continue;
                }

                outEdges[s][t] = p;
                inEdges[t].Add(s);
            }

            exit[s] = ends / total;
            rhsC[s] = graph.Conversions[s] / scale / total;
            rhsV[s] = graph.Values[s] / scale / total;
        }

        var queue = new PriorityQueue<int, (long Cost, int State)>();
        var cost = new long[n];
        for (var s = 0; s < n; s++)
        {
            if (active[s])
            {
                cost[s] = (long)inEdges[s].Count * outEdges[s].Count;
                queue.Enqueue(s, (cost[s], s));
            }
        }

        var steps = new List<Step>(n);
        var eliminated = new bool[n];
        long activeStates = 0, activeEdges = 0;
        for (var s = 0; s < n; s++)
        {
            if (active[s])
            {
                activeStates++;
                activeEdges += outEdges[s].Count;
            }
        }

        DenseCore? core = null;
        while (queue.TryDequeue(out var k, out var key))
        {
            if (eliminated[k] || key.Cost != cost[k])
            {
                continue;
            }

            if (activeStates is >= DenseMinimum and <= DenseMaximum && activeEdges * DenseDivisor >= activeStates * activeStates)
            {
                // What is left is dense: finish with dense elimination, which costs the same operations without hashing.
                core = DenseCore.Eliminate(n, active, eliminated, outEdges, exit, rhsC, rhsV);
                progress?.Invoke(steps.Count + core.Count);
                break;
            }

            activeStates--;
            activeEdges -= outEdges[k].Count + inEdges[k].Count;

            eliminated[k] = true;
            var row = outEdges[k];
            var d = exit[k];
            var successors = new (int State, double Weight)[row.Count];
            var i0 = 0;
            foreach (var (j, b) in row)
            {
                d += b;
                successors[i0++] = (j, b);
            }

            // d is a sum of positive terms; it is 0 only for a state with no way out at all, which validation rules out
            // (and then the walk never converts from it: x = 0 there).
            var inverse = d > 0 ? 1 / d : 0;
            for (var x = 0; x < successors.Length; x++)
            {
                successors[x].Weight *= inverse;
            }

            var predecessors = new (int State, double Weight)[inEdges[k].Count];
            i0 = 0;
            foreach (var i in inEdges[k])
            {
                predecessors[i0++] = (i, 0);
            }

            Array.Sort(predecessors);
            for (var y = 0; y < predecessors.Length; y++)
            {
                var i = predecessors[y].State;
                var outI = outEdges[i];
                outI.Remove(k, out var a);
                var factor = a * inverse;
                predecessors[y].Weight = factor;
                exit[i] += factor * exit[k];
                rhsC[i] += factor * rhsC[k];
                rhsV[i] += factor * rhsV[k];
                foreach (var (j, u) in successors)
                {
                    if (j == i)
                    {
                        // A new self-loop of i: GTH leaves it out of d(i), which is recomputed as a sum of i's other ways out.
                        continue;
                    }

                    ref var w = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(outI, j, out var exists);
                    w += a * u;
                    if (!exists)
                    {
                        inEdges[j].Add(i);
                        activeEdges++;
                    }
                }
            }

            foreach (var (j, _) in successors)
            {
                inEdges[j].Remove(k);
            }

            row.Clear();
            inEdges[k].Clear();
            steps.Add(new Step(k, d, successors, predecessors, rhsC[k], rhsV[k]));
            foreach (var (i, _) in predecessors)
            {
                Requeue(i);
            }

            foreach (var (j, _) in successors)
            {
                Requeue(j);
            }

            progress?.Invoke(steps.Count);
        }

        var conversion = new double[n];
        var value = new double[n];
        core?.BackSubstitute(conversion, value);
        for (var x = steps.Count - 1; x >= 0; x--)
        {
            var step = steps[x];
            var inverse = step.Pivot > 0 ? 1 / step.Pivot : 0;
            double c = step.Conversion * inverse, v = step.Value * inverse;
            foreach (var (j, u) in step.Successors)
            {
                c += u * conversion[j];
                v += u * value[j];
            }

            conversion[step.State] = c;
            value[step.State] = v;
        }

        if (!withDiagonal)
        {
            return new MarkovSolution(conversion, value, null, null);
        }

        var work = steps.Count + (core?.Count ?? 0);
        return new MarkovSolution(conversion, value, Visits(n, steps, core), Diagonal(n, steps, core, work, progress));

        void Requeue(int s)
        {
            var c = (long)inEdges[s].Count * outEdges[s].Count;
            if (c != cost[s])
            {
                cost[s] = c;
                queue.Enqueue(s, (c, s));
            }
        }
    }

    /// <summary>N[0, s] for every s: row 0 of (I − Q)⁻¹ = U⁻¹ D⁻¹ L⁻¹, by a forward and a backward substitution.</summary>
    private static double[] Visits(int n, List<Step> steps, DenseCore? core)
    {
        var y = new double[n];
        y[0] = 1;
        foreach (var step in steps)
        {
            var ys = y[step.State];
            foreach (var (j, u) in step.Successors)
            {
                y[j] += u * ys;
            }

            y[step.State] = step.Pivot > 0 ? ys / step.Pivot : 0;
        }

        core?.Visits(y);

        for (var x = steps.Count - 1; x >= 0; x--)
        {
            var step = steps[x];
            var sum = y[step.State];
            foreach (var (i, l) in step.Predecessors)
            {
                sum += l * y[i];
            }

            y[step.State] = sum;
        }

        return y;
    }

    /// <summary>N[s, s] for every s by Takahashi's recurrences over the filled pattern, last eliminated first.</summary>
    /// <remarks>
    /// With I − Q = (I − L)·D·(I − U) (L strictly lower, U strictly upper in elimination order, both non-negative) and
    /// Z = (I − Q)⁻¹: Z[k, i] = Σ_l Z[k, l]·L[l, i] for k after i, Z[i, l] = Σ_m U[i, m]·Z[m, l] for l after i, and
    /// Z[i, i] = 1/d(i) + Σ_m U[i, m]·Z[m, i]. The entries needed are those between a successor and a predecessor of i,
    /// which elimination connected, so they were computed at the step of whichever of the two was eliminated first.
    /// </remarks>
    private static double[] Diagonal(int n, List<Step> steps, DenseCore? core, int done, Action<int>? progress)
    {
        var diagonal = new double[n];
        var entries = new Dictionary<long, double>();
        core?.Invert(diagonal);
        progress?.Invoke(done + (core?.Count ?? 0));
        for (var x = steps.Count - 1; x >= 0; x--)
        {
            var step = steps[x];
            var i = step.State;
            var below = new double[step.Successors.Length];
            for (var a = 0; a < step.Successors.Length; a++)
            {
                var k = step.Successors[a].State;
                var sum = 0.0;
                foreach (var (l, weight) in step.Predecessors)
                {
                    sum += Entry(k, l) * weight;
                }

                below[a] = sum;
            }

            var right = new double[step.Predecessors.Length];
            for (var b = 0; b < step.Predecessors.Length; b++)
            {
                var l = step.Predecessors[b].State;
                var sum = 0.0;
                foreach (var (m, weight) in step.Successors)
                {
                    sum += weight * Entry(m, l);
                }

                right[b] = sum;
            }

            var diag = step.Pivot > 0 ? 1 / step.Pivot : 0;
            for (var a = 0; a < step.Successors.Length; a++)
            {
                diag += step.Successors[a].Weight * below[a];
                entries[Key(step.Successors[a].State, i)] = below[a];
            }

            for (var b = 0; b < step.Predecessors.Length; b++)
            {
                entries[Key(i, step.Predecessors[b].State)] = right[b];
            }

            diagonal[i] = diag;
            progress?.Invoke(done + (core?.Count ?? 0) + (steps.Count - x));
        }

        return diagonal;

        double Entry(int row, int column)
        {
            if (row == column)
            {
                return diagonal[row];
            }

            if (core is not null && core.TryGetInverse(row, column, out var inCore))
            {
                return inCore;
            }

            var found = entries.TryGetValue(Key(row, column), out var value);
            Debug.Assert(found, "Elimination connects every successor with every predecessor of a state.");
            return value;
        }

        static long Key(int row, int column) => ((long)row << 32) | (uint)column;
    }

    /// <summary>One eliminated state: its pivot d, its row of U and column of L (each divided by d), and its right-hand sides.</summary>
    private sealed record Step(int State, double Pivot, (int State, double Weight)[] Successors, (int State, double Weight)[] Predecessors, double Conversion, double Value);
}

/// <summary>The solution of an absorbing chain from every state.</summary>
/// <param name="Conversion">P(conversion) from each state (0 for removed states).</param>
/// <param name="Value">The expected conversion value from each state.</param>
/// <param name="Visits">N[0, s]: the expected visits to each state from start; null unless asked for.</param>
/// <param name="Diagonal">N[s, s]: the expected visits to each state from itself (at least 1); null unless asked for.</param>
internal sealed record MarkovSolution(double[] Conversion, double[] Value, double[]? Visits, double[]? Diagonal);
