using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const int RecentSize = 64;
    private const int ShortNameLength = 16;

    // 4096 entries (96 KiB) hold a few channels without collisions and also the journeys open at once in an interleaved log.
    private const int ShortCacheBits = 12;
    private const int ShortCacheSize = 1 << ShortCacheBits;

    // Names are keyed by their UTF-8 bytes: CSV readers hand bytes straight from the file, and one index (rather than a
    // string dictionary beside it) keeps a million-name table to one probe per lookup. Strings are encoded to look up.
    private readonly Utf8NameIndex index = new();
    private readonly List<string> names = [];

    // Host objects usually repeat the same string instances (a channel name constant, say): a small direct-mapped cache
    // of recent instances, probed by identity, skips encoding and hashing them. Allocated on first use by a string.
    private (string? Name, int Id)[]? recent;

    // Recent short names by their bytes (see GetOrAdd(ReadOnlySpan<byte>)); filled only while the table is not frozen,
    // by the one thread filling it, and an entry with length 0 is empty. Allocated on first use.
    private ShortEntry[]? shortCache;

    // Names with a lone surrogate have no UTF-8 spelling; the rare host string like that is kept here instead.
    private Dictionary<string, int>? unencodable;

    // Set when a built set takes the table over: the set promises immutability, so the table must stop growing.
    private volatile bool frozen;

    /// <summary>Creates an empty table.</summary>
    public SymbolTable()
    {
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
        var cache = recent;
        if (cache is null)
        {
            if (frozen)
            {
                return GetOrAdd(name.AsSpan(), name);
            }

            recent = cache = new (string?, int)[RecentSize];
        }

        ref var slot = ref cache[RuntimeHelpers.GetHashCode(name) & (RecentSize - 1)];
        if (ReferenceEquals(slot.Name, name))
        {
            return slot.Id;
        }

        var id = GetOrAdd(name.AsSpan(), name);

        // Only the one thread filling the table writes the cache; a frozen table is read by many, so it stops here.
        if (!frozen)
        {
            slot = (name, id);
        }

        return id;
    }

    /// <summary>Like <see cref="GetOrAdd(string)"/> for names seen once each (journey ids), which would only evict the
    /// recent names worth caching.</summary>
    internal int GetOrAddOnce(string name) => GetOrAdd(name.AsSpan(), name);

    /// <summary>Returns the id of the name spelled by <paramref name="name"/>, adding it when it is new; allocates only for a new name.</summary>
    /// <param name="name">The name's characters.</param>
    /// <returns>The id.</returns>
    /// <exception cref="InvalidOperationException">The name is new and the table belongs to a built set.</exception>
    public int GetOrAdd(ReadOnlySpan<char> name) => GetOrAdd(name, null);

    /// <summary>Returns the id of the name whose UTF-8 bytes are <paramref name="utf8Name"/>, adding it when it is new; allocates only for a new name.</summary>
    /// <param name="utf8Name">The name's UTF-8 bytes.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The bytes are not valid UTF-8.</exception>
    /// <exception cref="InvalidOperationException">The name is new and the table belongs to a built set.</exception>
    public int GetOrAdd(ReadOnlySpan<byte> utf8Name)
    {
        // Channels, campaigns and kinds are a few short names looked up millions of times, and an interleaved log repeats
        // the journeys open at the moment: for those a direct-mapped cache
        // keyed by the name's bytes themselves (two overlapping words and the length, which spell a name of up to 16 bytes
        // exactly) answers without hashing the bytes, probing the index or comparing against the arena.
        if ((uint)utf8Name.Length - 1 < ShortNameLength && !frozen)
        {
            var (head, tail) = ShortKey(utf8Name);
            var cache = shortCache ??= new ShortEntry[ShortCacheSize];
            ref var entry = ref cache[(int)(((head * 0x9E3779B97F4A7C15UL) ^ tail) * 0xFF51AFD7ED558CCDUL >> (64 - ShortCacheBits))];
            if (entry.Head == head && entry.Tail == tail && entry.Length == utf8Name.Length)
            {
                return entry.Id;
            }

            var id = GetOrAddIndexed(utf8Name);
            entry = new ShortEntry(head, tail, utf8Name.Length, id);
            return id;
        }

        return GetOrAddIndexed(utf8Name);
    }

    private int GetOrAddIndexed(ReadOnlySpan<byte> utf8Name)
    {
        var hash = Utf8NameIndex.Hash(utf8Name);
        if (index.TryGet(utf8Name, hash, out var id))
        {
            return id;
        }

        // Every name with a UTF-8 spelling is in the index, so these bytes are new: decode them once, validating.
        string name;
        try
        {
            name = StrictUtf8.GetString(utf8Name);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArgumentException("The name is not valid UTF-8.", nameof(utf8Name), e);
        }

        return Add(name, utf8Name, hash);
    }

    // Two words that, with the length, tell apart every name of 1 to 16 bytes: the first and last 8 (or 4) bytes overlap.
    private static (ulong Head, ulong Tail) ShortKey(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 8)
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(s), BinaryPrimitives.ReadUInt64LittleEndian(s[^8..]));
        }

        if (s.Length >= 4)
        {
            return (BinaryPrimitives.ReadUInt32LittleEndian(s), BinaryPrimitives.ReadUInt32LittleEndian(s[^4..]));
        }

        return (s[0] | ((ulong)s[s.Length / 2] << 8) | ((ulong)s[^1] << 16), 0);
    }

    /// <summary>Looks up the id of <paramref name="name"/> without adding it.</summary>
    /// <param name="name">The name.</param>
    /// <param name="id">The id, or −1 when the name is not in the table.</param>
    /// <returns><see langword="true"/> when the name is in the table.</returns>
    public bool TryGetId(ReadOnlySpan<char> name, out int id)
    {
        byte[]? rented = null;
        var utf8 = name.Length <= 128 ? stackalloc byte[384] : (rented = ArrayPool<byte>.Shared.Rent(name.Length * 3));
        try
        {
            if (Encode(name, utf8, out var written))
            {
                if (index.TryGet(utf8[..written], Utf8NameIndex.Hash(utf8[..written]), out id))
                {
                    return true;
                }
            }
            else if (unencodable is not null && unencodable.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out id))
            {
                return true;
            }

            id = -1;
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => names.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops the table from taking new names; lookups of known names go on working.</summary>
    internal void Freeze() => frozen = true;

    // UTF-8 needs at most three bytes per UTF-16 code unit.
    private static bool Encode(ReadOnlySpan<char> name, Span<byte> utf8, out int written)
        => Utf8.FromUtf16(name, utf8, out _, out written, replaceInvalidSequences: false) == OperationStatus.Done;

    private int GetOrAdd(ReadOnlySpan<char> name, string? instance)
    {
        byte[]? rented = null;
        var utf8 = name.Length <= 128 ? stackalloc byte[384] : (rented = ArrayPool<byte>.Shared.Rent(name.Length * 3));
        try
        {
            if (!Encode(name, utf8, out var written))
            {
                unencodable ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (unencodable.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var found))
                {
                    return found;
                }

                var added = Add(instance ?? name.ToString(), default, hash: 0, indexed: false);
                unencodable.Add(names[added], added);
                return added;
            }

            var bytes = utf8[..written];
            var hash = Utf8NameIndex.Hash(bytes);
            return index.TryGet(bytes, hash, out var id) ? id : Add(instance ?? name.ToString(), bytes, hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private int Add(string name, ReadOnlySpan<byte> utf8, int hash, bool indexed = true)
    {
        if (frozen)
        {
            throw new InvalidOperationException($"Cannot add '{name}': this table belongs to a built set, which never changes.");
        }

        var id = names.Count;
        names.Add(name);
        if (indexed)
        {
            index.Add(utf8, hash, id);
        }
        else
        {
            index.Skip(id);
        }

        return id;
    }

    private readonly record struct ShortEntry(ulong Head, ulong Tail, int Length, int Id);
}
