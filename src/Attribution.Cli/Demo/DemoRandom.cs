namespace Attribution.Cli.Demo;

/// <summary>A tiny SplitMix64 generator: the same seed gives the same demo data on every runtime and platform.</summary>
/// <remarks>System.Random's algorithm is an implementation detail; the demo must not change when it does.</remarks>
internal sealed class DemoRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns an integer in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    /// <summary>Returns true with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Returns an exponentially distributed value with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Returns a log-normally distributed value whose logarithm has the given mean and standard deviation.</summary>
    public double LogNormal(double mu, double sigma)
    {
        // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
        var u1 = 1 - NextDouble();
        var u2 = NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp(mu + (sigma * z));
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
