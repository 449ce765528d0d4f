using Attribution.DataDriven;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>Campaign-level Markov chains, order 1: fit plus every campaign's exact removal effect, one thread.</summary>
/// <remarks>Paths from <see cref="CampaignPathGenerator"/>: 100 journeys per campaign (1 k campaigns: 100 k journeys,
/// about 53 k distinct paths and 60 k transitions; 10 k campaigns: 1 M journeys, about 530 k distinct paths and 700 k
/// transitions).</remarks>
[MemoryDiagnoser]
public class MarkovCampaignBenchmarks
{
    private PathSet paths = null!;

    /// <summary>Gets or sets the number of campaigns, each a channel of the chain.</summary>
    [Params(1_000, 10_000)]
    public int Campaigns { get; set; }

    /// <summary>Generates the paths once (fewer journeys when <c>ATTRIBUTION_BENCH_JOURNEYS</c> caps them, for CI's dry run).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var journeys = 100 * Campaigns;
        if (int.TryParse(Environment.GetEnvironmentVariable(BenchmarkData.JourneysVariable), System.Globalization.CultureInfo.InvariantCulture, out var cap) && cap > 0)
        {
            journeys = Math.Min(journeys, cap);
        }

        paths = CampaignPathGenerator.Generate(Campaigns, journeys, seed: 42);
    }

    /// <summary>Fits the chain and solves every removal effect.</summary>
    [Benchmark]
    public MarkovModel FitOrder1() => MarkovChain.Fit(paths);
}
