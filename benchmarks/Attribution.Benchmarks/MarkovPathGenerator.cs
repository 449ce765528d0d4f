using Attribution.DataDriven;

namespace Attribution.Benchmarks;

/// <summary>Seeded generator of realistic aggregated paths for data-driven model benchmarks.</summary>
/// <remarks>
/// Ten channels with skewed popularity; lengths 1 to 15 with a long tail (about half the journeys have one or two
/// touches); a touch repeats the previous channel a third of the time; about 10 % of journeys convert, more often when
/// longer or when they touch the stronger channels; conversion values are log-normal around 80. Two million journeys
/// merge into roughly a quarter of a million distinct paths.
/// </remarks>
public static class MarkovPathGenerator
{
    private static readonly string[] ChannelNames =
        ["search", "display", "social", "email", "affiliate", "video", "direct", "referral", "push", "sms"];

    // Relative popularity (Zipf-like) and conversion lift per channel.
    private static readonly double[] Popularity = [10, 7, 6, 5, 3, 2.5, 2, 1.5, 1, 0.7];
    private static readonly double[] Lift = [0.35, -0.2, -0.1, 0.4, 0.25, -0.15, 0.5, 0.1, -0.3, 0.05];

    /// <summary>Generates the paths of <paramref name="journeys"/> journeys.</summary>
    /// <param name="journeys">How many journeys to simulate.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The aggregated paths.</returns>
    public static PathSet Generate(int journeys, int seed = 42)
    {
        var random = new Random(seed);
        var builder = new PathSetBuilder();
        foreach (var name in ChannelNames)
        {
            builder.Channels.GetOrAdd(name);
        }

        var cumulative = new double[Popularity.Length];
        var sum = 0.0;
        for (var c = 0; c < Popularity.Length; c++)
        {
            sum += Popularity[c];
            cumulative[c] = sum;
        }

        // Aggregate by path code first (base 11, one digit per touch, fits 15 touches in a long): a dictionary of longs is
        // much cheaper than merging two million journeys through the builder.
        var byCode = new Dictionary<long, (double Conversions, double Value, double Nulls)>();
        Span<int> path = stackalloc int[15];
        for (var j = 0; j < journeys; j++)
        {
            var length = Math.Min(15, 1 + (int)(Math.Log(1 - random.NextDouble()) / Math.Log(0.68)));
            var logit = -2.9 + (0.12 * length);
            for (var i = 0; i < length; i++)
            {
                int channel;
                if (i > 0 && random.NextDouble() < 0.3)
                {
                    channel = path[i - 1];
                }
                else
                {
                    var u = random.NextDouble() * sum;
                    channel = 0;
                    while (cumulative[channel] < u)
                    {
                        channel++;
                    }
                }

                path[i] = channel;
                logit += Lift[channel] / Math.Sqrt(length);
            }

            var code = 0L;
            for (var i = length - 1; i >= 0; i--)
            {
                code = (code * 11) + path[i] + 1;
            }

            ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byCode, code, out _);
            if (random.NextDouble() < 1 / (1 + Math.Exp(-logit)))
            {
                // Box–Muller normal for a log-normal value.
                var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                counts.Conversions++;
                counts.Value += Math.Round(80 * Math.Exp(0.6 * z), 2);
            }
            else
            {
                counts.Nulls++;
            }
        }

        foreach (var (code, counts) in byCode)
        {
            var length = 0;
            for (var rest = code; rest > 0; rest /= 11)
            {
                path[length++] = (int)(rest % 11) - 1;
            }

            builder.Add(path[..length], counts.Conversions, counts.Value, counts.Nulls);
        }

        return builder.Build();
    }
}
