namespace Attribution.Reports;

/// <summary>The random stream of one resample: SplitMix64 started from a hash of (seed, resample index), so a resample's
/// draws never depend on which thread runs it or on the resamples before it.</summary>
internal struct BootstrapRandom
{
    private ulong state;

    private BootstrapRandom(ulong state) => this.state = state;

    public static BootstrapRandom For(int seed, int resample)
        => new(Mix(Mix((ulong)(uint)seed) ^ (0x9E3779B97F4A7C15UL * ((ulong)(uint)resample + 1))));

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>An unbiased integer from 0 to <paramref name="bound"/> − 1 (Lemire's multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        var product = (ulong)(uint)(Next() >> 32) * (uint)bound;
        var low = (uint)product;
        if (low < (uint)bound)
        {
            var threshold = (uint)-bound % (uint)bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(Next() >> 32) * (uint)bound;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
