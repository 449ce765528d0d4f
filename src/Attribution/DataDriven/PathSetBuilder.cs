using Attribution.Journeys;

namespace Attribution.DataDriven;

/// <summary>Collects channel paths with their counts and merges identical ones into a <see cref="PathSet"/>.</summary>
/// <remarks>Not thread-safe. Adding the same path twice adds up its counts.</remarks>
/// <example>
/// <code>
/// var builder = new PathSetBuilder();
/// builder.Add(["search", "email"], conversions: 3, value: 360, nulls: 10);
/// builder.Add(["display"], conversions: 0, value: 0, nulls: 25);
/// PathSet paths = builder.Build();
/// </code>
/// </example>
public sealed class PathSetBuilder
{
    private readonly List<int> offsets = [0];
    private readonly List<int> steps = [];
    private readonly List<double> conversions = [];
    private readonly List<double> values = [];
    private readonly List<double> nulls = [];
    private readonly Dictionary<int, int> byContent;
    private bool built;

    /// <summary>Creates an empty builder.</summary>
    public PathSetBuilder()
    {
        byContent = new Dictionary<int, int>(new PathComparer(this));
    }

    /// <summary>Gets the table that interns channel names; paths added as ids use ids from this table.</summary>
    public SymbolTable Channels { get; } = new();

    /// <summary>Gets the number of distinct paths so far.</summary>
    public int Count => conversions.Count;

    /// <summary>Adds a path given by channel names.</summary>
    /// <param name="channels">The channels in order; at least one, none empty.</param>
    /// <param name="conversions">How often the path converted; finite, not negative.</param>
    /// <param name="value">The total value of those conversions; finite, not negative.</param>
    /// <param name="nulls">How often the path ended without converting; finite, not negative.</param>
    /// <exception cref="ArgumentException">The path is empty, a channel name is empty, holds a control character or is the
    /// key of a built-in row (names are trimmed, as everywhere), or a count is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public void Add(IEnumerable<string> channels, double conversions, double value, double nulls)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var ids = new List<int>();
        foreach (var channel in channels)
        {
            ids.Add(Channels.GetOrAdd(Names.Require(channel, nameof(channels), reservedApplies: true)));
        }

        Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), conversions, value, nulls);
    }

    /// <summary>Adds a path given by channel ids from <see cref="Channels"/>.</summary>
    /// <param name="channels">The channel ids in order; at least one.</param>
    /// <param name="conversions">How often the path converted; finite, not negative.</param>
    /// <param name="value">The total value of those conversions; finite, not negative.</param>
    /// <param name="nulls">How often the path ended without converting; finite, not negative.</param>
    /// <exception cref="ArgumentException">The path is empty, or a count is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A channel id is not in <see cref="Channels"/>, or a count is negative.</exception>
    public void Add(ReadOnlySpan<int> channels, double conversions, double value, double nulls) => AddPath(channels, conversions, value, nulls);

    /// <summary>Adds a path as <see cref="Add(ReadOnlySpan{int}, double, double, double)"/> does and returns the index of its
    /// row (a new row, or the earlier row it merged into): the bootstrap remembers which row each journey fed.</summary>
    internal int AddPath(ReadOnlySpan<int> channels, double conversions, double value, double nulls)
    {
        if (built)
        {
            throw new InvalidOperationException("This builder has already built its path set; create a new builder.");
        }

        if (channels.IsEmpty)
        {
            throw new ArgumentException("A path needs at least one channel.", nameof(channels));
        }

        Guard.FiniteNonNegative(conversions);
        Guard.FiniteNonNegative(value);
        Guard.FiniteNonNegative(nulls);

        // −0.0 is zero, and must not turn a sum into −0.
        conversions = conversions == 0 ? 0 : conversions;
        value = value == 0 ? 0 : value;
        nulls = nulls == 0 ? 0 : nulls;
        foreach (var id in channels)
        {
            if ((uint)id >= (uint)Channels.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(channels), id, $"Channel id {id} is not in the builder's channel table (0 to {Channels.Count - 1}).");
            }
        }

        // Append tentatively as a new path, then look it up by content; a duplicate is rolled back and merged.
        var candidate = this.conversions.Count;
        var start = steps.Count;
        foreach (var id in channels)
        {
            steps.Add(id);
        }

        offsets.Add(steps.Count);
        if (byContent.TryGetValue(candidate, out var existing))
        {
            steps.RemoveRange(start, steps.Count - start);
            offsets.RemoveAt(offsets.Count - 1);
            this.conversions[existing] += conversions;
            values[existing] += value;
            this.nulls[existing] += nulls;
            return existing;
        }

        this.conversions.Add(conversions);
        values.Add(value);
        this.nulls.Add(nulls);
        byContent.Add(candidate, candidate);
        return candidate;
    }

    /// <summary>Returns the path set. The builder cannot be used afterwards.</summary>
    /// <returns>The paths, in order of first appearance.</returns>
    /// <exception cref="ArgumentException">A name added to <see cref="Channels"/> breaks the rule of names (see <see cref="Add(IEnumerable{string}, double, double, double)"/>).</exception>
    public PathSet Build() => Build(0, 0);

    internal PathSet Build(double unattributedConversions, double unattributedValue)
    {
        Names.CheckTable(Channels, "Channel", reservedApplies: true, nameof(Channels));
        built = true;
        Channels.Freeze();
        return new PathSet(Channels, [.. offsets], [.. steps], [.. conversions], [.. values], [.. nulls], unattributedConversions, unattributedValue);
    }

    private ReadOnlySpan<int> PathAt(int index)
        => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(steps)[offsets[index]..offsets[index + 1]];

    /// <summary>Compares paths by content through their index in the builder's flat storage.</summary>
    private sealed class PathComparer(PathSetBuilder owner) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => owner.PathAt(x).SequenceEqual(owner.PathAt(y));

        public int GetHashCode(int obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(owner.PathAt(obj)));
            return hash.ToHashCode();
        }
    }
}
