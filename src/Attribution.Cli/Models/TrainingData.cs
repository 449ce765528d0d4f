using Attribution.Cli.Output;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;

namespace Attribution.Cli.Models;

/// <summary>What a data-driven model learns from: an event log's journeys (turned into paths under the run's lookback and exclusions), or a path file.</summary>
internal sealed class TrainingData
{
    private readonly Lazy<PathSet> paths;

    /// <summary>Creates training data from journeys; the paths are extracted only when a data-driven model asks for them.</summary>
    public TrainingData(JourneySet journeys, AttributionOptions options, string source)
    {
        Journeys = journeys;
        Source = source;
        paths = new Lazy<PathSet>(() => Checked(PathSet.FromJourneys(journeys, options), source));
    }

    /// <summary>Creates training data from a path file.</summary>
    public TrainingData(PathSet paths, string source)
    {
        Source = source;
        this.paths = new Lazy<PathSet>(Checked(paths, source));
    }

    /// <summary>Gets the journeys, or null when the data is a path file.</summary>
    public JourneySet? Journeys { get; }

    /// <summary>Gets the paths.</summary>
    public PathSet Paths => paths.Value;

    /// <summary>Gets the file the data came from, for error messages.</summary>
    public string Source { get; }

    // A model learns from the paths' totals: an overflowing one would be solved with infinities, so it stops here.
    private static PathSet Checked(PathSet paths, string source)
    {
        FiniteNumbers.Require(paths.TotalConversions, source, "the total conversions of the paths");
        FiniteNumbers.Require(paths.TotalValue, source, "the total conversion value of the paths");
        FiniteNumbers.Require(paths.TotalNulls, source, "the total non-converting paths");
        return paths;
    }
}
