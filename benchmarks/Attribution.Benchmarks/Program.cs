using System.Globalization;
using Attribution.Benchmarks;
using BenchmarkDotNet.Running;

// `write-events FILE [JOURNEYS]` writes the benchmark journeys as an event-log CSV for timing the CLI end to end.
if (args is ["write-events", var path, ..])
{
    var journeys = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : EventLogFile.DefaultJourneys;
    var rows = EventLogFile.Write(path, journeys);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows:N0} rows ({journeys:N0} journeys) to {path}."));
    return 0;
}

// `guard [--record] [--ratios FILE] [--repetitions N]` times each model against the column-streaming baseline (CI's check).
if (args is ["guard", ..])
{
    var file = Path.Combine(AppContext.BaseDirectory, "guard-ratios.json");
    var repetitions = 15;
    for (var i = 1; i < args.Length; i++)
    {
        if (args[i] == "--ratios" && i + 1 < args.Length)
        {
            file = args[++i];
        }
        else if (args[i] == "--repetitions" && i + 1 < args.Length)
        {
            repetitions = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
    }

    return HotPathGuard.Run(file, args.Contains("--record"), repetitions);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
