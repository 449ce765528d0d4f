using System.Text;

namespace Attribution.IO.Tests.Fuzz;

/// <summary>Turns a valid input into a hostile one: bytes flipped, cut, duplicated, fields swapped, huge fields, and the
/// edge values of issue 15 (negative zero, white-space cells, control characters, built-in keys, out-of-range instants,
/// overflowing numbers, other delimiters and encodings) dropped in at random.</summary>
internal static class Mutator
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "-0", "-0.00", "-0e0", "0", "-1", "1e308", "1e309", "-1e309", "NaN", "Infinity", "-Infinity", "1e-400", "4.9e-324",
            "   ", "\t", "\u00A0", " ", "", "\"", "\"\"", ",", ";", "\n", "\r\n", "\r", ">", " > ", ">>", "sep=;",
            "(none)", "(unattributed)", "(total)", " (none) ", "=cmd", "+1", "@x",
            "\0", "\u0001", "\u001B", "\u007F", "\u0085", "\u00A0x\u00A0", "\u2028", "\uFEFF", "é", "😀",
            "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z",
            "2026-02-30T00:00:00Z", "2026-03-01T09:00:00", "2026-03-01T09:00:00+14:01", "2026-03-01T24:00:00Z", "2026-03-01T09:00Z",
            "99999999999999999999999", "0.00000000000000000000001", "1_000", "0x10", "1,5",
            "{", "}", "[", "]", "null", "true", "[]", "{}", "\"format\"", "\"model\"", "\"shapley\"", "\"attribution.markov\"",
            "-2147483649", "2147483648", "9223372036854775808", "1.5", "32", "33", "-1.0",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF],
        [0xC0, 0x80],
        [0xED, 0xA0, 0x80],
        [0x80],
        [0x1F, 0x8B],
        [0xFF, 0xFE],
    ];

    private static readonly byte[] Interesting = [0, (byte)'\n', (byte)'\r', (byte)'"', (byte)',', (byte)';', (byte)'\t', (byte)' ', (byte)'-', (byte)'>', (byte)'.', (byte)'e', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', 0x7F, 0x80, 0xC2, 0xFF];

    /// <summary>Applies one to four random mutations to <paramref name="seed"/>.</summary>
    public static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            MutateOnce(data, random);
        }

        return [.. data];
    }

    private static void MutateOnce(List<byte> data, Random random)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(12))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2 when data.Count > 0:
                // Cut: a range, or the whole tail.
                data.RemoveRange(at, random.Next(2) == 0 ? data.Count - at : Math.Min(data.Count - at, 1 + random.Next(16)));
                break;
            case 3 when data.Count > 0:
                {
                    var length = Math.Min(data.Count - at, 1 + random.Next(64));
                    var copy = data.GetRange(at, length);
                    data.InsertRange(random.Next(data.Count + 1), copy);
                    break;
                }

            case 4:
            case 5:
            case 6:
                ReplaceField(data, random, Tokens[random.Next(Tokens.Length)]);
                break;
            case 7:
                data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 8:
                SwapFields(data, random);
                break;
            case 9 when random.Next(8) == 0:
                // A huge field: up to 1 MB of one character, or of digits.
                ReplaceField(data, random, Enumerable.Repeat(random.Next(2) == 0 ? (byte)'x' : (byte)'9', 1 + random.Next(1 << 20)).ToArray());
                break;
            case 10:
                // A whole line duplicated (rows repeat in real files).
                {
                    var (start, end) = LineAround(data, at);
                    data.InsertRange(end, data.GetRange(start, end - start));
                    break;
                }

            case 11 when data.Count > 0:
                // Another delimiter or encoding for the whole file.
                switch (random.Next(3))
                {
                    case 0:
                        Replace(data, (byte)',', (byte)';');
                        break;
                    case 1:
                        Replace(data, (byte)',', (byte)'\t');
                        break;
                    default:
                        var utf16 = Encoding.Unicode.GetBytes(Encoding.UTF8.GetString([.. data]));
                        data.Clear();
                        data.AddRange(utf16);
                        break;
                }

                break;
        }
    }

    private static void Replace(List<byte> data, byte from, byte to)
    {
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == from)
            {
                data[i] = to;
            }
        }
    }

    private static (int Start, int End) LineAround(List<byte> data, int at)
    {
        var start = at;
        while (start > 0 && data[start - 1] != '\n')
        {
            start--;
        }

        var end = at;
        while (end < data.Count && data[end] != '\n')
        {
            end++;
        }

        return (start, Math.Min(end + 1, data.Count));
    }

    /// <summary>Finds the field (between delimiters, quotes or line breaks) around a random position.</summary>
    private static (int Start, int End) FieldAround(List<byte> data, int at)
    {
        static bool IsBoundary(byte b) => b is (byte)',' or (byte)'\n' or (byte)'"' or (byte)':' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'>';
        var start = at;
        while (start > 0 && !IsBoundary(data[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < data.Count && !IsBoundary(data[end]))
        {
            end++;
        }

        return (start, end);
    }

    private static void ReplaceField(List<byte> data, Random random, byte[] with)
    {
        if (data.Count == 0)
        {
            data.AddRange(with);
            return;
        }

        var (start, end) = FieldAround(data, random.Next(data.Count));
        data.RemoveRange(start, end - start);
        data.InsertRange(start, with);
    }

    private static void SwapFields(List<byte> data, Random random)
    {
        if (data.Count < 2)
        {
            return;
        }

        var (s1, e1) = FieldAround(data, random.Next(data.Count));
        var (s2, e2) = FieldAround(data, random.Next(data.Count));
        if (s1 > s2)
        {
            (s1, e1, s2, e2) = (s2, e2, s1, e1);
        }

        if (e1 > s2)
        {
            return;
        }

        var first = data.GetRange(s1, e1 - s1);
        var second = data.GetRange(s2, e2 - s2);
        data.RemoveRange(s2, e2 - s2);
        data.InsertRange(s2, first);
        data.RemoveRange(s1, e1 - s1);
        data.InsertRange(s1, second);
    }
}
