using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Attribution.DataDriven;

namespace Attribution.IO.Tests.Fuzz;

/// <summary>Runs every reader over mutated valid inputs: each case must end in a result whose names follow the rule of
/// names, or in the one exception type the reader documents (<see cref="AttributionDataException"/> for CSV,
/// <see cref="JsonException"/> for a saved model); anything else is a failure, kept with the case's seed to replay it.</summary>
internal static class ReaderFuzz
{
    public const string EventLog = "event-log";
    public const string Paths = "paths";
    public const string Spend = "spend";
    public const string MarkovJson = "markov-json";
    public const string ShapleyJson = "shapley-json";

    private const string EventLogSeed =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n"
        + "u1,2026-03-01T09:00:00Z,search,brand,,,\n"
        + "u1,2026-03-01T10:00:00+02:00,email,\"spring, sale\",,,\n"
        + "u2,2026-03-02T09:00:00.5Z,social,,,,\n"
        + "u1,2026-03-03T09:00:00Z,,,order,120.5,o-1\n"
        + "\"u,3\",2026-03-03T09:00Z,display,retarget,,,\n"
        + "u2,2026-03-04T09:00:00-05:00,,,lead,,\n"
        + "u3,2026-03-05T09:00:00Z,,,order,0,\n";

    private const string EventLogMinimalSeed =
        "channel,timestamp,journey_id\n"
        + "email,2026-03-01T09:00:00Z,a\n"
        + "search,2026-03-01T09:30:00Z,b\n";

    // Touch types and campaign-member statuses (issue 10 §2); read with and without counted statuses.
    private const string EventLogTypedSeed =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status\n"
        + "u1,2026-03-01T09:00:00Z,email,expo,,,,,Sent\n"
        + "u1,2026-03-02T09:00:00Z,events,expo,,,,offline,Attended\n"
        + "u2,2026-03-02T09:00:00Z,calls,,,,,sales,\n"
        + "u3,2026-03-02T09:00:00Z,email,expo,,,,online,registered\n"
        + "u1,2026-03-03T09:00:00Z,,,order,120.5,o-1,,\n"
        + "u2,2026-03-04T09:00:00Z,,,lead,,,,\n";

    private const string PathSeed =
        "path,total_conversions,total_conversion_value,total_null\n"
        + "search > email > direct,3,360.5,10\n"
        + "search,1,100,4\n"
        + "display > search,0,0,25\n"
        + "email>direct,2,50,1\n"
        + "\"social > email\",1.5,12,0\n";

    private const string SpendSeed =
        "channel,campaign,date,cost,currency\n"
        + "search,brand,2026-03-01,120.50,EUR\n"
        + "search,,2026-03-02,30,EUR\n"
        + "email,news,,0,\n"
        + "\"social, paid\",spring,2026-03-03,1e3,eur\n";

    private static readonly Lazy<Dictionary<string, Target>> Targets = new(CreateTargets);

    /// <summary>The readers by name.</summary>
    public static IReadOnlyCollection<string> Names => Targets.Value.Keys;

    /// <summary>Runs <paramref name="cases"/> cases of one reader, in parallel over <paramref name="threads"/> threads.</summary>
    public static FuzzResult Run(string target, int cases, int seed, int threads = 1)
    {
        var t = Targets.Value[target];
        var failures = new List<string>();
        long results = 0;
        long dataErrors = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            for (var i = worker; i < cases; i += threads)
            {
                var caseSeed = HashCode.Combine(seed, i, target.Length);
                var random = new Random(caseSeed);
                var input = Mutator.Mutate(t.Seeds[random.Next(t.Seeds.Length)], random);
                try
                {
                    if (t.Run(input, random) is { } broken)
                    {
                        lock (failures)
                        {
                            failures.Add($"case {i} (seed {caseSeed}): result breaks the rule of names: {broken}");
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref results);
                    }
                }
#pragma warning disable CA1031 // Every exception is examined: the point of the fuzz.
                catch (Exception e) when (t.Allowed.IsInstanceOfType(e))
                {
                    Interlocked.Increment(ref dataErrors);
                }
                catch (Exception e)
#pragma warning restore CA1031
                {
                    lock (failures)
                    {
                        failures.Add($"case {i} (seed {caseSeed}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}\ninput: {Convert.ToBase64String(input.AsSpan(0, Math.Min(input.Length, 4096)))}");
                    }
                }
            }
        });

        return new FuzzResult(target, cases, results, dataErrors, failures, watch.Elapsed);
    }

    private static Dictionary<string, Target> CreateTargets()
    {
        var utf8 = Encoding.UTF8;
        var paths = PathCsvReader.Read(new MemoryStream(utf8.GetBytes(PathSeed)));
        return new Dictionary<string, Target>
        {
            [EventLog] = new([utf8.GetBytes(EventLogSeed), utf8.GetBytes(EventLogMinimalSeed), utf8.GetBytes(EventLogTypedSeed)], typeof(AttributionDataException), (input, random) =>
            {
                using var stream = new MemoryStream(input);

                // Both ways the reader can run: the scan interleaved with interning, or on its own thread; small batches
                // put batch boundaries (and errors carried across them) everywhere. Half the cases count only some statuses.
                var options = random.Next(2) == 0 ? null : new EventLogCsvOptions { CountedStatuses = ["attended", "responded"] };
                var set = EventLogCsvReader.Read(stream, options, "fuzz.csv", pipelined: random.Next(4) == 0, batchRows: 1 + random.Next(8));
                return Broken(set.Channels, true) ?? Broken(set.Campaigns, true) ?? Broken(set.Kinds, false) ?? Broken(set.JourneyIds, false)
                    ?? Broken(set.TouchTypes, true) ?? Broken([.. set.NotCountedByStatus.Select(s => s.Key)], false) ?? TouchTypesReadBack(set, options);
            }),
            [Paths] = new([utf8.GetBytes(PathSeed)], typeof(AttributionDataException), (input, _) =>
            {
                using var stream = new MemoryStream(input);
                var set = PathCsvReader.Read(stream, null, "fuzz.csv");
                return Broken(set.Channels, true);
            }),
            [Spend] = new([utf8.GetBytes(SpendSeed)], typeof(AttributionDataException), (input, _) =>
            {
                using var stream = new MemoryStream(input);
                var table = SpendCsvReader.Read(stream, null, "fuzz.csv");
                return Broken([.. table.Lines.Select(l => l.Channel)], true) ?? Broken([.. table.Lines.Select(l => l.Campaign ?? "c")], true);
            }),
            [MarkovJson] = new(
                [utf8.GetBytes(MarkovChain.Fit(paths).ToJson()), utf8.GetBytes(MarkovChain.Fit(paths, new MarkovOptions { Order = 2 }).ToJson())],
                typeof(JsonException),
                (input, _) => Broken(MarkovModel.FromJson(utf8.GetString(input)).Channels, true)),
            [ShapleyJson] = new(
                [utf8.GetBytes(ShapleyAttribution.Fit(paths).ToJson())],
                typeof(JsonException),
                (input, _) =>
                {
                    ShapleyModel.FromJson(utf8.GetString(input));
                    return null;
                }),
        };
    }

    /// <summary>The rule of names, written out independently of the library: trimmed, not empty, no control character,
    /// and (channels and campaigns) not a key of a built-in row.</summary>
    private static string? Broken(IReadOnlyList<string> names, bool reservedApplies)
    {
        foreach (var name in names)
        {
            if (name.Length == 0 || name != name.Trim())
            {
                return $"'{name}' is empty or not trimmed";
            }

            if (name.Any(char.IsControl))
            {
                return $"'{name}' holds a control character";
            }

            if (reservedApplies && name is "(unattributed)" or "(none)" or "(total)")
            {
                return $"'{name}' is a built-in key";
            }
        }

        return null;
    }

    /// <summary>Every touch's type is one of the set's; only statuses outside the counted ones are left out.</summary>
    private static string? TouchTypesReadBack(Journeys.JourneySet set, EventLogCsvOptions? options)
    {
        for (var i = 0; i < set.TouchpointCount; i++)
        {
            if (!set.TouchTypes.Contains(set.GetTouchpoint(i).TouchType))
            {
                return $"touch {i} has type '{set.GetTouchpoint(i).TouchType}', which is not among the set's";
            }
        }

        foreach (var (status, count) in set.NotCountedByStatus)
        {
            if (options is null || count <= 0 || status.Equals("attended", StringComparison.OrdinalIgnoreCase) || status.Equals("responded", StringComparison.OrdinalIgnoreCase))
            {
                return $"status '{status}' was left out {count} times";
            }
        }

        return null;
    }

    /// <summary>A reader, its valid inputs, and the one exception type it may throw.</summary>
    /// <param name="Run">Reads an input; returns why the result breaks the rule of names, or null.</param>
    private sealed record Target(byte[][] Seeds, Type Allowed, Func<byte[], Random, string?> Run);
}

/// <summary>What a fuzz run found.</summary>
internal sealed record FuzzResult(string Target, int Cases, long Results, long DataErrors, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    public override string ToString()
        => $"{Target}: {Cases} cases in {Elapsed.TotalSeconds:F1} s: {Results} results, {DataErrors} data errors, {Failures.Count} failures";
}
