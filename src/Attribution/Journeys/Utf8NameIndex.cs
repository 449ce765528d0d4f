using System.Buffers.Binary;
using System.Numerics;

namespace Attribution.Journeys;

/// <summary>Finds a <see cref="SymbolTable"/> id straight from a name's UTF-8 bytes, without decoding them to UTF-16.</summary>
/// <remarks>
/// CSV readers look up two or three names per row, so this is the inner loop of reading a file. The bytes of every name
/// live in one arena; the open-addressing slots keep each name's hash next to its id, so a probe that misses never
/// touches the arena and a hit compares the bytes once. The hash is seeded per process, so a crafted file cannot
/// predict collisions.
/// </remarks>
internal sealed class Utf8NameIndex
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    // A slot holds a name's hash beside its id (id −1: empty), so a probe reads one cache line, not two arrays.
    private Slot[] slots = Empty(8);
    private byte[] arena = new byte[64];
    private int arenaUsed;
    private Span[] spans = new Span[4];
    private int count;

    /// <summary>Hashes a name's bytes (a seeded multiply–xorshift over 8-byte words).</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var h = Seed ^ ((ulong)key.Length * 0x9E3779B97F4A7C15UL);
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 32;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        }

        h ^= h >> 29;
        return (int)h;
    }

    /// <summary>Looks a name up by its bytes and their <see cref="Hash"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, int hash, out int id)
    {
        var table = slots;
        var mask = table.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = table[i];
            id = slot.Id;
            if (id < 0)
            {
                return false;
            }

            if (slot.Hash == hash)
            {
                var span = spans[id];
                if (key.SequenceEqual(arena.AsSpan(span.Start, span.Length)))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Adds a name that is not in the index yet, under the id its table gave it (ids arrive as 0, 1, 2, ...).</summary>
    public void Add(ReadOnlySpan<byte> key, int hash, int id)
    {
        if (id != count)
        {
            throw new InvalidOperationException("Names must be added to the index in id order.");
        }

        // At most half full: with linear probing a miss (every new name) then probes about 2.5 slots, not 8.5 at 3/4.
        if ((count + 1) * 2 > slots.Length)
        {
            Rehash(slots.Length * 2);
        }

        if (arenaUsed + key.Length > arena.Length)
        {
            Array.Resize(ref arena, (int)Math.Min(Array.MaxLength, Math.Max((long)arena.Length * 2, (long)arenaUsed + key.Length)));
        }

        if (count == spans.Length)
        {
            Array.Resize(ref spans, count * 2);
        }

        key.CopyTo(arena.AsSpan(arenaUsed));
        spans[count] = new Span(arenaUsed, key.Length);
        arenaUsed += key.Length;
        Place(id, hash);
        count++;
    }

    /// <summary>Reserves the next id for a name that has no UTF-8 spelling; no bytes will ever find it.</summary>
    public void Skip(int id)
    {
        if (id != count)
        {
            throw new InvalidOperationException("Names must be added to the index in id order.");
        }

        if (count == spans.Length)
        {
            Array.Resize(ref spans, count * 2);
        }

        count++;
    }

    private void Place(int id, int hash)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].Id >= 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = new Slot(hash, id);
    }

    private void Rehash(int size)
    {
        var old = slots;
        slots = Empty((int)BitOperations.RoundUpToPowerOf2((uint)size));
        foreach (var slot in old)
        {
            if (slot.Id >= 0)
            {
                Place(slot.Id, slot.Hash);
            }
        }
    }

    private static Slot[] Empty(int size)
    {
        var table = new Slot[size];
        Array.Fill(table, new Slot(0, -1));
        return table;
    }

    private readonly record struct Slot(int Hash, int Id);

    private readonly record struct Span(int Start, int Length);
}
