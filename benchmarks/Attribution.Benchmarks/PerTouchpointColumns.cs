using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Attribution.Benchmarks;

/// <summary>Adds "ns/touch" and "B/journey" columns: the issue's targets are per touchpoint and per journey, not per run.</summary>
/// <remarks>The counts come from the seeded generator, which the host process can replay without building the data.</remarks>
internal sealed class PerTouchpointColumn : IColumn
{
    private readonly int journeys;
    private readonly Lazy<int> touchpoints;
    private readonly bool perJourneyBytes;
    private readonly bool fromMin;

    public PerTouchpointColumn(int journeys, bool perJourneyBytes, bool fromMin = false)
    {
        this.journeys = journeys;
        this.perJourneyBytes = perJourneyBytes;
        this.fromMin = fromMin;
        touchpoints = new Lazy<int>(() => BenchmarkData.CountTouchpoints(journeys));
    }

    public string Id => perJourneyBytes ? "BytesPerJourney" : fromMin ? "MinNsPerTouchpoint" : "NsPerTouchpoint";

    public string ColumnName => perJourneyBytes ? "B/journey" : fromMin ? "min ns/touch" : "ns/touch";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perJourneyBytes ? 2 : fromMin ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => perJourneyBytes
        ? $"Bytes allocated per operation divided by the journeys ({journeys:N0})"
        : $"{(fromMin ? "Fastest iteration" : "Mean")} divided by the touchpoints ({touchpoints.Value:N0} over {journeys:N0} journeys)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (perJourneyBytes)
        {
            var bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "?" : (bytes.Value / (double)journeys).ToString("0.###", CultureInfo.InvariantCulture);
        }

        // On a shared machine the fastest iteration is the least disturbed one; it is shown beside the mean.
        var mean = fromMin ? report?.ResultStatistics?.Min : report?.ResultStatistics?.Mean;
        return mean is null ? "?" : (mean.Value / touchpoints.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Per-touchpoint columns for suites over <see cref="BenchmarkData.Journeys"/>.</summary>
internal sealed class EngineConfig : ManualConfig
{
    public EngineConfig()
    {
        AddColumn(new PerTouchpointColumn(BenchmarkData.JourneyCount, perJourneyBytes: false));
        AddColumn(new PerTouchpointColumn(BenchmarkData.JourneyCount, perJourneyBytes: false, fromMin: true));
        AddColumn(new PerTouchpointColumn(BenchmarkData.JourneyCount, perJourneyBytes: true));
    }
}

/// <summary>Per-touchpoint columns for suites over <see cref="BenchmarkData.ObjectJourneys"/>.</summary>
internal sealed class ObjectApiConfig : ManualConfig
{
    public ObjectApiConfig()
    {
        AddColumn(new PerTouchpointColumn(BenchmarkData.ObjectJourneyCount, perJourneyBytes: false));
        AddColumn(new PerTouchpointColumn(BenchmarkData.ObjectJourneyCount, perJourneyBytes: false, fromMin: true));
        AddColumn(new PerTouchpointColumn(BenchmarkData.ObjectJourneyCount, perJourneyBytes: true));
    }
}
