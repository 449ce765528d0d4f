using Attribution.DataDriven;

namespace Attribution.Benchmarks;

/// <summary>Seeded generator of campaign-level paths: thousands of campaigns, for Markov chains with one state per campaign.</summary>
/// <remarks>
/// Campaigns have Zipf popularity (weight 1 / rank); each touch picks a campaign by popularity, or repeats the previous
/// one a fifth of the time, so transitions between campaigns are close to random: the hard case for the solver, one
/// large strongly connected chain. Lengths are 1 to 15, geometric (mean about 2.9); about 10 % of journeys convert,
/// more often when longer; values are log-normal around 80. <c>journeys</c> = 100 × campaigns keeps about a hundred
/// touches per campaign.
/// </remarks>
public static class CampaignPathGenerator
{
    /// <summary>Generates the aggregated paths of <paramref name="journeys"/> journeys over <paramref name="campaigns"/> campaigns.</summary>
    /// <param name="campaigns">How many campaigns (channels of the chain).</param>
    /// <param name="journeys">How many journeys to simulate.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The aggregated paths.</returns>
    public static PathSet Generate(int campaigns, int journeys, int seed = 42)
    {
        var random = new Random(seed);
        var builder = new PathSetBuilder();
        var cumulative = new double[campaigns];
        var sum = 0.0;
        for (var c = 0; c < campaigns; c++)
        {
            builder.Channels.GetOrAdd("campaign-" + c.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
            sum += 1.0 / (c + 1);
            cumulative[c] = sum;
        }

        Span<int> path = stackalloc int[15];
        for (var j = 0; j < journeys; j++)
        {
            var length = Math.Min(15, 1 + (int)(Math.Log(1 - random.NextDouble()) / Math.Log(0.65)));
            for (var i = 0; i < length; i++)
            {
                if (i > 0 && random.NextDouble() < 0.2)
                {
                    path[i] = path[i - 1];
                    continue;
                }

                var at = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                path[i] = Math.Min(at < 0 ? ~at : at, campaigns - 1);
            }

            var logit = -2.6 + (0.1 * length) + (path[length - 1] % 7 == 0 ? 0.5 : 0);
            if (random.NextDouble() < 1 / (1 + Math.Exp(-logit)))
            {
                var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                builder.Add(path[..length], 1, Math.Round(80 * Math.Exp(0.6 * z), 2), 0);
            }
            else
            {
                builder.Add(path[..length], 0, 0, 1);
            }
        }

        return builder.Build();
    }
}
