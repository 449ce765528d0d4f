using System.Globalization;
using Attribution.Benchmarks;
using BenchmarkDotNet.Running;

// `write-events FILE [JOURNEYS]` writes the benchmark journeys as an event-log CSV for timing the CLI end to end.
if (args is ["write-events", var path, ..])
{
    var journeys = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : EventLogFile.DefaultJourneys;
    var rows = EventLogFile.Write(path, journeys);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows:N0} rows ({journeys:N0} journeys) to {path}."));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
