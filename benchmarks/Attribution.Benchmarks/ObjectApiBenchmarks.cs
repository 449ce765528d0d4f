using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using BenchmarkDotNet.Attributes;

namespace Attribution.Benchmarks;

/// <summary>The friendly face against the columnar one, on the same 100 000 journeys, on one thread.</summary>
/// <remarks>
/// <see cref="Columnar"/> is the baseline: the Ratio column is the object API's cost relative to it (target ≤ 5).
/// <see cref="RunObjects"/> includes interning the journey objects into a set; <see cref="AttributeEach"/> is
/// <c>model.Attribute(journey)</c> once per journey, as business code attributing one customer at a time would call it.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ObjectApiConfig))]
public class ObjectApiBenchmarks
{
    private JourneySet set = null!;
    private IReadOnlyList<Journey> journeys = null!;
    private IAttributionModel model = null!;
    private IAttributionModel[] models = null!;
    private AttributionOptions options = null!;
    private AttributionEngine engine = null!;

    /// <summary>Gets or sets the model's name.</summary>
    [Params("first-touch", "last-touch", "linear", "time-decay", "u-shaped", "channel-weights")]
    public string Model { get; set; } = "linear";

    [GlobalSetup]
    public void Setup()
    {
        set = BenchmarkData.ObjectJourneySet;
        journeys = BenchmarkData.ObjectJourneys;
        model = Models.Create(Model);
        models = [model];
        options = new AttributionOptions { MaxDegreeOfParallelism = 1 };
        engine = new AttributionEngine(options);
    }

    [Benchmark(Baseline = true)]
    public AttributionResult Columnar() => engine.Run(set, model);

    [Benchmark]
    public AttributionReport RunObjects() => engine.Run(journeys, models);

    [Benchmark]
    public double AttributeEach()
    {
        // Sum something from every result so the work cannot be skipped.
        var credited = 0.0;
        for (var i = 0; i < journeys.Count; i++)
        {
            var attribution = model.Attribute(journeys[i], options);
            credited += attribution.Credits.Count;
        }

        return credited;
    }
}
