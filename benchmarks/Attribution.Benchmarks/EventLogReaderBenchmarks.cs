using System.Globalization;
using System.Text;
using Attribution.IO;
using Attribution.Journeys;
using BenchmarkDotNet.Attributes;
using CsvHelper;

namespace Attribution.Benchmarks;

/// <summary>Reading an event-log CSV file into a <see cref="JourneySet"/>, against the bare CsvHelper scan underneath it.</summary>
[MemoryDiagnoser]
public class EventLogReaderBenchmarks
{
    private string path = string.Empty;

    /// <summary>Gets or sets the number of data rows in the generated file.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        path = Path.Combine(Path.GetTempPath(), $"attribution-eventlog-{Rows}-{Environment.ProcessId}.csv");
        EventLogWriter.Write(path, Rows, seed: 42);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    /// <summary>Only splits the file into fields, touching every field's bytes: the floor the reader builds on.</summary>
    [Benchmark(Baseline = true)]
    public long CsvHelperScan()
    {
        long bytes = 0;
        using var csv = CsvReader.FromFile(path);
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                bytes += csv.GetSpan(i).Length;
            }
        }

        return bytes;
    }

    [Benchmark]
    public JourneySet Read() => EventLogCsvReader.Read(path);

    /// <summary>
    /// Writes a seeded event log: journeys of 3 to 7 rows (5 on average) interleaved from a pool of 1 000 open journeys,
    /// 10 channels, 20 campaigns (on 60% of touchpoints), 10% conversion rows with a value and an id, and one timestamp
    /// in ten written with a +02:00 offset.
    /// </summary>
    internal static class EventLogWriter
    {
        private const int OpenJourneys = 1_000;

        public static void Write(string path, int rows, int seed)
        {
            var random = new Random(seed);
            var channels = Enumerable.Range(0, 10).Select(i => $"channel-{i}").ToArray();
            var campaigns = Enumerable.Range(0, 20).Select(i => $"campaign-{i:00}").ToArray();
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var plus2 = TimeSpan.FromHours(2);

            var ids = new int[OpenJourneys];
            var left = new int[OpenJourneys];
            var clock = new DateTimeOffset[OpenJourneys];
            var nextId = 0;
            for (var s = 0; s < OpenJourneys; s++)
            {
                Open(s);
            }

            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
            writer.Write("journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n");
            Span<char> stamp = stackalloc char[40];
            for (var r = 0; r < rows; r++)
            {
                var s = random.Next(OpenJourneys);
                clock[s] = clock[s].AddMinutes(random.Next(1, 3 * 24 * 60));
                var instant = random.Next(10) == 0 ? clock[s].ToOffset(plus2) : clock[s];
                instant.TryFormat(stamp, out var written, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

                writer.Write('u');
                writer.Write(ids[s]);
                writer.Write(',');
                writer.Write(stamp[..written]);
                if (random.Next(10) == 0)
                {
                    writer.Write(",,,order,");
                    writer.Write(random.Next(1, 50_000) / 100.0);
                    writer.Write(",SO-");
                    writer.Write(r);
                    writer.Write('\n');
                }
                else
                {
                    writer.Write(',');
                    writer.Write(channels[random.Next(channels.Length)]);
                    writer.Write(',');
                    if (random.Next(10) < 6)
                    {
                        writer.Write(campaigns[random.Next(campaigns.Length)]);
                    }

                    writer.Write(",,,\n");
                }

                if (--left[s] == 0)
                {
                    Open(s);
                }
            }

            void Open(int slot)
            {
                ids[slot] = nextId++;
                left[slot] = random.Next(3, 8);
                clock[slot] = start.AddMinutes(random.Next(90 * 24 * 60));
            }
        }
    }
}
