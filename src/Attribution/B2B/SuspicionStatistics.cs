namespace Attribution.B2B;

/// <summary>The two tests behind the suspicious-channel signals: the exact binomial lower tail and the two-sample
/// Kolmogorov–Smirnov distance with its critical value.</summary>
internal static class SuspicionStatistics
{
    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), summed exactly term by term (in logarithms, so that 0.7^300 does not
    /// underflow before the terms are added).</summary>
    public static double BinomialLowerTail(int k, int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability is between 0 and 1.");
        }

        if (k >= n || p == 0)
        {
            return 1;
        }

        if (p == 1)
        {
            // X = n always, and k < n.
            return 0;
        }

        // log P(X = i) = log C(n, i) + i log p + (n − i) log(1 − p); each term from the previous one by the ratio
        // (n − i) / (i + 1) · p / (1 − p), so no factorial is ever formed.
        var logRatio = Math.Log(p) - double.LogP1(-p);
        var log = n * double.LogP1(-p);
        var logs = new double[k + 1];
        var max = double.NegativeInfinity;
        for (var i = 0; i <= k; i++)
        {
            logs[i] = log;
            max = Math.Max(max, log);
            log += Math.Log(n - i) - Math.Log(i + 1) + logRatio;
        }

        var sum = 0.0;
        for (var i = 0; i <= k; i++)
        {
            sum += Math.Exp(logs[i] - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>The largest gap between the empirical distribution functions of <paramref name="sample"/> and of the values
    /// of <paramref name="all"/> that are not in it: D = sup |F_sample(x) − F_rest(x)|.</summary>
    /// <param name="sample">One sample, sorted ascending.</param>
    /// <param name="all">Both samples together, sorted ascending; <paramref name="sample"/> is a sub-multiset of it.</param>
    /// <returns>The distance, or null when either sample is empty.</returns>
    public static double? KolmogorovSmirnovDistance(ReadOnlySpan<long> sample, ReadOnlySpan<long> all)
    {
        var n = sample.Length;
        var m = all.Length - n;
        if (n == 0 || m <= 0)
        {
            return null;
        }

        // The gap can only change at a value of either sample: evaluate after each run of equal values.
        var distance = 0.0;
        var j = 0;
        var i = 0;
        while (i < all.Length)
        {
            var value = all[i];
            while (i < all.Length && all[i] == value)
            {
                i++;
            }

            while (j < n && sample[j] <= value)
            {
                j++;
            }

            distance = Math.Max(distance, Math.Abs(((double)j / n) - ((double)(i - j) / m)));
        }

        return distance;
    }

    /// <summary>The large-sample critical value of the two-sample Kolmogorov–Smirnov distance at level α:
    /// c(α) · sqrt((n + m) / (n · m)), c(α) = sqrt(−ln(α / 2) / 2).</summary>
    public static double KolmogorovSmirnovCritical(double alpha, int n, int m)
        => Math.Sqrt(-Math.Log(alpha / 2) / 2) * Math.Sqrt((double)(n + m) / ((double)n * m));
}
