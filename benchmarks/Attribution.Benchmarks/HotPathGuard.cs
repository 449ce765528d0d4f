using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Attribution.Engine;
using Attribution.Journeys;

namespace Attribution.Benchmarks;

/// <summary>The CI guard of the engine's hot path: in one process, times each built-in model and the column-streaming
/// baseline on the same data and fails when a model's ratio to the baseline exceeds the recorded ratio by more than the
/// allowed margin.</summary>
/// <remarks>Ratios rather than times, so a slower or busier machine moves both sides. Each figure is the fastest of
/// several repetitions (the least disturbed one on shared cores), taken after a warm-up that brings the JIT to its
/// optimised code.</remarks>
internal static class HotPathGuard
{
    private const double Margin = 1.5;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string ratiosFile, bool record, int repetitions)
    {
        var journeys = BenchmarkData.Journeys;
        var engine = new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = 1 });
        var baseline = Fastest(() => ColumnStream.Run(journeys), repetitions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{journeys.Count:N0} journeys, {journeys.TouchpointCount:N0} touches; stream columns {baseline * 1e9 / journeys.TouchpointCount:F2} ns/touch"));

        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in Models.RuleBased)
        {
            var model = Models.Create(name);
            var seconds = Fastest(() => engine.Run(journeys, model), repetitions);
            ratios[name] = seconds / baseline;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-12} {seconds * 1e9 / journeys.TouchpointCount,6:F2} ns/touch  ratio {ratios[name],6:F2}"));
        }

        if (record)
        {
            File.WriteAllText(ratiosFile, JsonSerializer.Serialize(ratios, Indented) + "\n");
            Console.WriteLine($"Recorded the ratios in {ratiosFile}.");
            return 0;
        }

        var recorded = JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(ratiosFile))
            ?? throw new InvalidDataException($"{ratiosFile} holds no ratios.");
        var failed = 0;
        foreach (var (name, ratio) in ratios)
        {
            if (!recorded.TryGetValue(name, out var bound))
            {
                Console.WriteLine($"FAIL {name}: no recorded ratio in {ratiosFile}; record one with --record.");
                failed++;
            }
            else if (ratio > bound * Margin && !Confirmed(name, bound, journeys, engine, repetitions))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAIL {name}: ratio {ratio:F2} exceeds the recorded {bound:F2} by more than {(Margin - 1) * 100:F0} %, three times."));
                failed++;
            }
        }

        Console.WriteLine(failed == 0 ? "Hot path guard: every model within its bound." : $"Hot path guard: {failed} model(s) too slow.");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Measures a model and the baseline again, twice: a busy neighbour can slow one measurement, a slow engine slows every one.</summary>
    private static bool Confirmed(string name, double bound, JourneySet journeys, AttributionEngine engine, int repetitions)
    {
        var model = Models.Create(name);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var ratio = Fastest(() => engine.Run(journeys, model), repetitions) / Fastest(() => ColumnStream.Run(journeys), repetitions);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} measured again: ratio {ratio:F2}"));
            if (ratio <= bound * Margin)
            {
                return true;
            }
        }

        return false;
    }

    private static double Fastest<T>(Func<T> run, int repetitions)
    {
        // Two warm-up runs: tier-0 code, then the optimised tier with dynamic PGO.
        for (var i = 0; i < 2; i++)
        {
            GC.KeepAlive(run());
        }

        var best = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(run());
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}
