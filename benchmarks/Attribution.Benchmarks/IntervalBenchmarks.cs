using Attribution.DataDriven;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>Bootstrap intervals (issue 13 §1): 200 resamples of a Markov chain of order 1 refitted on two million generated
/// walks (about 266 k distinct paths), and 200 resamples of every rule-based model on <see cref="BenchmarkData.Journeys"/>.</summary>
/// <remarks>One operation is a whole <see cref="BootstrapIntervals.Run(PathSet, IEnumerable{ModelDefinition}, IntervalOptions?)"/>
/// (or its journey overload), on up to <see cref="Threads"/> threads; for the rule-based models that includes computing
/// every conversion's credit once with the engine.</remarks>
[MemoryDiagnoser]
public class IntervalBenchmarks
{
    private static readonly ModelSettings Settings = new()
    {
        ChannelWeights = new ChannelWeightsModelOptions
        {
            Weights = new Dictionary<string, double> { ["paid-search"] = 2, ["display"] = 0.5, ["direct"] = 0, ["email"] = 1.5 },
        },
    };

    private PathSet paths = null!;
    private JourneySet journeys = null!;
    private ModelDefinition[] ruleBased = null!;

    /// <summary>Gets or sets how many resamples may run at once.</summary>
    [Params(2)]
    public int Threads { get; set; } = 2;

    /// <summary>Generates the walks; about 2.5 s.</summary>
    [GlobalSetup(Target = nameof(MarkovOrder1))]
    public void SetupMarkov() => paths = MarkovPathGenerator.Generate(2_000_000, seed: 42);

    /// <summary>Builds the journeys (1 M by default) and the rule-based definitions (the channel-weights model's weights as the engine suite's).</summary>
    [GlobalSetup(Target = nameof(RuleBased))]
    public void SetupRuleBased()
    {
        journeys = BenchmarkData.Journeys;
        ruleBased = [.. Models.RuleBased.Select(static name => new ModelDefinition(name, name, Settings))];
    }

    /// <summary>200 resamples of Markov order 1 on paths: each resample draws 2 M walks, rebuilds the path counts and refits.</summary>
    [Benchmark]
    public IntervalReport MarkovOrder1()
        => BootstrapIntervals.Run(paths, [new ModelDefinition("markov", "markov")], new IntervalOptions { MaxDegreeOfParallelism = Threads });

    /// <summary>200 resamples of the six rule-based models on journeys: credit computed once, re-summed per resample.</summary>
    [Benchmark]
    public IntervalReport RuleBased()
        => BootstrapIntervals.Run(journeys, ruleBased, intervals: new IntervalOptions { MaxDegreeOfParallelism = Threads });
}
