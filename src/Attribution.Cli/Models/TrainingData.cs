using System.Collections.Concurrent;
using Attribution.Cli.Output;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;

namespace Attribution.Cli.Models;

/// <summary>What a data-driven model learns from: an event log's journeys (turned into the paths of each conversion kind
/// under the run's eligibility rules), or a path file.</summary>
internal sealed class TrainingData
{
    private readonly ConcurrentDictionary<string, PathSet> byKind = new(StringComparer.Ordinal);
    private readonly AttributionOptions? options;
    private readonly PathSet? filePaths;

    /// <summary>Creates training data from journeys; paths are extracted only when a data-driven model asks for them.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="options">The eligibility rules the paths are cut under.</param>
    /// <param name="source">The file, for messages.</param>
    /// <param name="kinds">The kinds to learn, one model each (fit: one; attribute: those reported), or null for every kind of the data.</param>
    public TrainingData(JourneySet journeys, AttributionOptions options, string source, IReadOnlyList<string>? kinds = null)
    {
        Journeys = journeys;
        this.options = options;
        Source = source;
        Kinds = kinds is null ? [.. (journeys.Kinds.Count > 0 ? journeys.Kinds : [Conversion.DefaultKind])] : [.. kinds];
    }

    /// <summary>Creates training data from a path file, whose conversions have the one kind <c>conversion</c>.</summary>
    public TrainingData(PathSet paths, string source)
    {
        Source = source;
        filePaths = Checked(paths, source);
        Kinds = [Conversion.DefaultKind];
    }

    /// <summary>Gets the journeys, or null when the data is a path file.</summary>
    public JourneySet? Journeys { get; }

    /// <summary>Gets the kinds a data-driven model learns, one model each.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Gets the file the data came from, for error messages.</summary>
    public string Source { get; }

    /// <summary>Gets the paths of one kind: its conversions' eligible windows, and each journey's touches after its last
    /// conversion of that kind as a non-converting path.</summary>
    public PathSet PathsOf(string kind)
        => filePaths ?? byKind.GetOrAdd(kind, k => Checked(PathSet.FromJourneys(Journeys!, options, Journeys!.Kinds.Count == 0 ? null : k), Source));

    // A model learns from the paths' totals: an overflowing one would be solved with infinities, so it stops here.
    private static PathSet Checked(PathSet paths, string source)
    {
        FiniteNumbers.Require(paths.TotalConversions, source, "the total conversions of the paths");
        FiniteNumbers.Require(paths.TotalValue, source, "the total conversion value of the paths");
        FiniteNumbers.Require(paths.TotalNulls, source, "the total non-converting paths");
        return paths;
    }
}
