namespace Attribution.DataDriven;

/// <summary>An open-addressing map from non-negative 64-bit keys to ints, for the millions of lookups of chain building.</summary>
/// <remarks>Fibonacci hashing into a power-of-two table with linear probing, kept at most half full. Keys must be ≥ 0
/// (−1 marks an empty slot); both users pack two non-negative ints into a key.</remarks>
internal sealed class MarkovHashMap
{
    private long[] keys;
    private int[] values;
    private int shift;
    private int count;

    public MarkovHashMap(int capacity = 16)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        keys = new long[size];
        values = new int[size];
        Array.Fill(keys, -1L);
        shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public int Count => count;

    public static long Pack(int high, int low) => ((long)high << 32) | (uint)low;

    /// <summary>Returns the value of a key, or −1 when absent.</summary>
    public int Find(long key)
    {
        var mask = keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var k = keys[i];
            if (k == key)
            {
                return values[i];
            }

            if (k < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Returns the value of a key, adding it with <paramref name="value"/> when absent.</summary>
    public int GetOrAdd(long key, int value)
    {
        var mask = keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var k = keys[i];
            if (k == key)
            {
                return values[i];
            }

            if (k < 0)
            {
                keys[i] = key;
                values[i] = value;
                if (++count * 2 > keys.Length)
                {
                    Grow();
                }

                return value;
            }
        }
    }

    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new long[oldKeys.Length * 2];
        values = new int[keys.Length];
        Array.Fill(keys, -1L);
        shift--;
        var mask = keys.Length - 1;
        for (var j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] < 0)
            {
                continue;
            }

            var i = Slot(oldKeys[j]);
            while (keys[i] >= 0)
            {
                i = (i + 1) & mask;
            }

            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }
}
