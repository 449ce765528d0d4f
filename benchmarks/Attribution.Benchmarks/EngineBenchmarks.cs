using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>The columnar hot path: eligibility (90-day lookback, conversions splitting journeys), weights and roll-ups per channel and campaign.</summary>
/// <remarks>One operation credits every conversion of <see cref="BenchmarkData.Journeys"/> (1 M journeys, ≈ 5 M touchpoints).</remarks>
[MemoryDiagnoser]
[Config(typeof(EngineConfig))]
public class EngineBenchmarks
{
    private JourneySet journeys = null!;
    private IAttributionModel model = null!;
    private AttributionEngine engine = null!;

    /// <summary>Gets or sets the model's name.</summary>
    [Params("first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights")]
    public string Model { get; set; } = "linear";

    /// <summary>Gets or sets the engine's degree of parallelism.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        journeys = BenchmarkData.Journeys;
        model = Models.Create(Model);
        engine = new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = Threads });
    }

    /// <summary>Streams the columns the engine reads and nothing more: each row's Ratio is its distance from that floor.</summary>
    /// <returns>A checksum.</returns>
    [Benchmark(Baseline = true)]
    public long StreamColumns() => ColumnStream.Run(journeys);

    [Benchmark]
    public AttributionResult Run() => engine.Run(journeys, model);
}
