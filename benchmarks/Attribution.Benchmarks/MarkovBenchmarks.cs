using Attribution.DataDriven;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>Fit + exact removal effects of Markov chains on two million generated journeys (about 260 k distinct paths), one thread.</summary>
[MemoryDiagnoser]
public class MarkovBenchmarks
{
    private PathSet paths = null!;

    /// <summary>Generates the paths once; about 2.5 s.</summary>
    [GlobalSetup]
    public void Setup() => paths = MarkovPathGenerator.Generate(2_000_000, seed: 42);

    /// <summary>Order 1: ten channel states.</summary>
    [Benchmark(Baseline = true)]
    public MarkovModel FitOrder1() => MarkovChain.Fit(paths, new MarkovOptions { Order = 1 });

    /// <summary>Order 3: about 1 100 states and 11 000 transitions.</summary>
    [Benchmark]
    public MarkovModel FitOrder3() => MarkovChain.Fit(paths, new MarkovOptions { Order = 3 });
}
