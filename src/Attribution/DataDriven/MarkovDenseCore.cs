using System.Numerics;
using System.Runtime.InteropServices;

namespace Attribution.DataDriven;

/// <summary>The dense end of <see cref="MarkovSolver"/>'s elimination: the states left, eliminated in ascending id order.</summary>
/// <remarks>
/// The same subtraction-free (GTH) elimination as the sparse part, on an m × m array: row k keeps U[k, j] (j after k)
/// and column k keeps L[i, k] (i after k), each divided by the pivot d(k) = exit(k) + Σ_{j after k} w(k, j). Diagonal
/// entries of the array are never read (self-loops are left out of the pivots by construction).
/// </remarks>
internal sealed class DenseCore
{
    private readonly int m;
    private readonly int[] states;
    private readonly int[] index;
    private readonly double[] matrix;
    private readonly double[] pivots;
    private readonly double[] rhsC;
    private readonly double[] rhsV;
    private double[]? inverse;

    private DenseCore(int[] states, int[] index, double[] matrix, double[] pivots, double[] rhsC, double[] rhsV)
    {
        m = states.Length;
        this.states = states;
        this.index = index;
        this.matrix = matrix;
        this.pivots = pivots;
        this.rhsC = rhsC;
        this.rhsV = rhsV;
    }

    public int Count => m;

    /// <summary>Eliminates the states not yet eliminated, given their remaining transitions, ways out and right-hand sides.</summary>
    public static DenseCore Eliminate(int n, bool[] active, bool[] eliminated, Dictionary<int, double>[] outEdges, double[] exit, double[] conversion, double[] value)
    {
        var list = new List<int>();
        var index = new int[n];
        Array.Fill(index, -1);
        for (var s = 0; s < n; s++)
        {
            if (active[s] && !eliminated[s])
            {
                index[s] = list.Count;
                list.Add(s);
            }
        }

        var states = list.ToArray();
        var m = states.Length;
        var a = new double[(long)m * m];
        var exits = new double[m];
        var c = new double[m];
        var v = new double[m];
        for (var r = 0; r < m; r++)
        {
            var s = states[r];
            exits[r] = exit[s];
            c[r] = conversion[s];
            v[r] = value[s];
            foreach (var (t, w) in outEdges[s])
            {
                a[((long)r * m) + index[t]] = w;
            }

            eliminated[s] = true;
        }

        var pivots = new double[m];
        for (var k = 0; k < m; k++)
        {
            var row = a.AsSpan((int)((long)k * m) + k + 1, m - k - 1);
            var d = exits[k] + Sum(row);
            pivots[k] = d;
            var inv = d > 0 ? 1 / d : 0;
            Scale(row, inv);
            for (var i = k + 1; i < m; i++)
            {
                ref var lik = ref a[((long)i * m) + k];
                var w = lik;
                if (w == 0)
                {
                    continue;
                }

                lik = w * inv;
                exits[i] += lik * exits[k];
                c[i] += lik * c[k];
                v[i] += lik * v[k];

                // Row i gains w·U[k, j]; its own diagonal entry gains the new self-loop, which is never read.
                Axpy(w, row, a.AsSpan((int)((long)i * m) + k + 1, m - k - 1));
            }
        }

        return new DenseCore(states, index, a, pivots, c, v);
    }

    /// <summary>Writes x and the expected value of the core's states (they depend on nothing eliminated earlier).</summary>
    public void BackSubstitute(double[] conversion, double[] value)
    {
        var x = new double[m];
        var y = new double[m];
        for (var k = m - 1; k >= 0; k--)
        {
            var row = matrix.AsSpan((int)((long)k * m) + k + 1, m - k - 1);
            var inv = pivots[k] > 0 ? 1 / pivots[k] : 0;
            x[k] = (rhsC[k] * inv) + Dot(row, x.AsSpan(k + 1));
            y[k] = (rhsV[k] * inv) + Dot(row, y.AsSpan(k + 1));
            conversion[states[k]] = x[k];
            value[states[k]] = y[k];
        }
    }

    /// <summary>Continues the forward substitution of row 0 of N into the core, then does the core's backward part.</summary>
    public void Visits(double[] y)
    {
        var local = new double[m];
        for (var k = 0; k < m; k++)
        {
            local[k] = y[states[k]];
        }

        for (var k = 0; k < m; k++)
        {
            var yk = local[k];
            Axpy(yk, matrix.AsSpan((int)((long)k * m) + k + 1, m - k - 1), local.AsSpan(k + 1));
            local[k] = pivots[k] > 0 ? yk / pivots[k] : 0;
        }

        for (var k = m - 1; k >= 0; k--)
        {
            var sum = local[k];
            for (var i = k + 1; i < m; i++)
            {
                sum += matrix[((long)i * m) + k] * local[i];
            }

            local[k] = sum;
            y[states[k]] = sum;
        }
    }

    /// <summary>Computes the whole inverse of the core's part of I − Q (Takahashi, dense) and writes its diagonal.</summary>
    public void Invert(double[] diagonal)
    {
        var z = new double[(long)m * m];
        var column = new double[m];
        for (var i = m - 1; i >= 0; i--)
        {
            for (var l = i + 1; l < m; l++)
            {
                column[l] = matrix[((long)l * m) + i];
            }

            var lower = column.AsSpan(i + 1);
            var uRow = matrix.AsSpan((int)((long)i * m) + i + 1, m - i - 1);
            var zRow = z.AsSpan((int)((long)i * m) + i + 1, m - i - 1);
            var diag = pivots[i] > 0 ? 1 / pivots[i] : 0;
            for (var k = i + 1; k < m; k++)
            {
                // Z[k, i] = Σ_l Z[k, l]·L[l, i]; then Z[i, ·] accumulates U[i, k]·Z[k, ·].
                var zki = Dot(z.AsSpan((int)((long)k * m) + i + 1, m - i - 1), lower);
                z[((long)k * m) + i] = zki;
                var uik = uRow[k - i - 1];
                if (uik != 0)
                {
                    diag += uik * zki;
                    Axpy(uik, z.AsSpan((int)((long)k * m) + i + 1, m - i - 1), zRow);
                }
            }

            z[((long)i * m) + i] = diag;
            diagonal[states[i]] = diag;
        }

        inverse = z;
    }

    /// <summary>Gets N[row, column] when both states are in the core.</summary>
    public bool TryGetInverse(int row, int column, out double value)
    {
        var r = index[row];
        var c = index[column];
        if (r < 0 || c < 0 || inverse is null)
        {
            value = 0;
            return false;
        }

        value = inverse[((long)r * m) + c];
        return true;
    }

    private static double Sum(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value;
        }

        return sum;
    }

    private static void Scale(Span<double> x, double factor)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= factor;
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var acc = Vector<double>.Zero;
        for (var i = 0; i < vx.Length; i++)
        {
            acc += vx[i] * vy[i];
        }

        var sum = Vector.Sum(acc);
        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var va = new Vector<double>(a);
        for (var i = 0; i < vx.Length; i++)
        {
            vy[i] += va * vx[i];
        }

        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
