using System.Buffers;
using System.Collections;

namespace Attribution.Journeys;

/// <summary>Interns names (channels, campaigns, kinds, journey ids) to small integers, so hot loops see integers only.</summary>
/// <remarks>
/// Ids are dense and assigned in order of first appearance, starting at 0. Names are compared ordinally (case matters).
/// A table is filled by one thread while a <see cref="JourneySetBuilder"/> reads input; once a <see cref="JourneySet"/>
/// is built its tables are frozen (a new name throws <see cref="InvalidOperationException"/>) and only read, which is
/// safe from any number of threads.
/// </remarks>
public sealed class SymbolTable : IReadOnlyList<string>
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spanIds;
    private readonly List<string> names = [];
    private char[] scratch = new char[64];

    // Set when a built set takes the table over: the set promises immutability, so the table must stop growing.
    private volatile bool frozen;

    // Host objects usually repeat the same string instances; an identity lookup skips hashing their characters.
    private readonly Dictionary<string, int> byReference = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates an empty table.</summary>
    public SymbolTable()
    {
        spanIds = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the number of distinct names.</summary>
    public int Count => names.Count;

    /// <summary>Gets the name with the given id.</summary>
    /// <param name="id">An id from 0 to <see cref="Count"/> − 1.</param>
    public string this[int id] => names[id];

    /// <summary>Returns the id of <paramref name="name"/>, adding it when it is new.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The id.</returns>
    /// <exception cref="InvalidOperationException">The name is new and the table belongs to a built set.</exception>
    public int GetOrAdd(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (byReference.TryGetValue(name, out var id))
        {
            return id;
        }

        if (!ids.TryGetValue(name, out id))
        {
            id = Add(name);
        }

        if (!frozen && byReference.Count < 4096)
        {
            byReference[name] = id;
        }

        return id;
    }

    /// <summary>Returns the id of the name spelled by <paramref name="name"/>, adding it when it is new; allocates only for a new name.</summary>
    /// <param name="name">The name's characters.</param>
    /// <returns>The id.</returns>
    /// <exception cref="InvalidOperationException">The name is new and the table belongs to a built set.</exception>
    public int GetOrAdd(ReadOnlySpan<char> name)
        => spanIds.TryGetValue(name, out var id) ? id : Add(name.ToString());

    /// <summary>Returns the id of the name whose UTF-8 bytes are <paramref name="utf8Name"/>, adding it when it is new; allocates only for a new name.</summary>
    /// <param name="utf8Name">The name's UTF-8 bytes.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The bytes are not valid UTF-8.</exception>
    /// <exception cref="InvalidOperationException">The name is new and the table belongs to a built set.</exception>
    public int GetOrAdd(ReadOnlySpan<byte> utf8Name)
    {
        // While a reader fills the table (one thread), decode into a reused buffer: a stackalloc'd one would be zeroed
        // on every call, three times per CSV row. A frozen table may be read from many threads, so it decodes on the stack.
        if (!frozen)
        {
            if (scratch.Length < utf8Name.Length)
            {
                scratch = new char[Math.Max(utf8Name.Length, scratch.Length * 2)];
            }

            return GetOrAdd(Decode(utf8Name, scratch));
        }

        char[]? rented = null;
        var chars = utf8Name.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(utf8Name.Length));
        try
        {
            return GetOrAdd(Decode(utf8Name, chars));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Looks up the id of <paramref name="name"/> without adding it.</summary>
    /// <param name="name">The name.</param>
    /// <param name="id">The id, or −1 when the name is not in the table.</param>
    /// <returns><see langword="true"/> when the name is in the table.</returns>
    public bool TryGetId(ReadOnlySpan<char> name, out int id)
    {
        if (spanIds.TryGetValue(name, out id))
        {
            return true;
        }

        id = -1;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => names.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops the table from taking new names; lookups of known names go on working.</summary>
    internal void Freeze() => frozen = true;

    // UTF-16 never needs more code units than UTF-8 has bytes, so a buffer as long as the bytes always suffices.
    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8Name, Span<char> buffer)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(utf8Name, buffer, out _, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            throw new ArgumentException("The name is not valid UTF-8.", nameof(utf8Name));
        }

        return buffer[..written];
    }

    private int Add(string name)
    {
        if (frozen)
        {
            throw new InvalidOperationException($"Cannot add '{name}': this table belongs to a built set, which never changes.");
        }

        var id = names.Count;
        names.Add(name);
        ids.Add(name, id);
        return id;
    }
}
