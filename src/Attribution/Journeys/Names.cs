using System.Buffers;
using System.Text;
using Attribution.Reports;

namespace Attribution.Journeys;

/// <summary>The one rule for channel, campaign, conversion-kind and journey names, applied at every input boundary: the
/// readers, <see cref="Touchpoint"/>, <see cref="Conversion"/>, <see cref="Journey"/>, the builders and <see cref="SpendLine"/>.</summary>
/// <remarks>
/// <list type="number">
/// <item>Leading and trailing white space is removed (<see cref="char.IsWhiteSpace(char)"/>: spaces, tabs, line breaks,
/// no-break spaces …), so <c>email </c> and <c>email</c> are one channel everywhere, as they are in the CLI's options.</item>
/// <item>What is left must not be empty and must hold no control character (U+0000–U+001F, U+007F–U+009F).</item>
/// <item>A channel or campaign must not be one of the keys of the built-in rows, <see cref="Reserved"/>, which would
/// otherwise be ambiguous in every result.</item>
/// </list>
/// </remarks>
internal static class Names
{
    /// <summary>The keys of the built-in rows, which no channel or campaign may be called.</summary>
    public static readonly string[] Reserved = [AttributionResult.UnattributedKey, AttributionResult.NoCampaignKey, ReturnOnSpend.TotalKey];

    // The keys are ASCII, so their UTF-8 bytes are their characters.
    private static readonly byte[][] ReservedUtf8 = [.. Reserved.Select(Encoding.ASCII.GetBytes)];

    // C0 controls, DEL and C1 controls.
    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>What is wrong with a name.</summary>
    internal enum Problem
    {
        None,
        Empty,
        Control,
        Reserved,
    }

    /// <summary>Removes leading and trailing white space from UTF-8 bytes, as <see cref="string.Trim()"/> does from text.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> utf8)
    {
        // Most names start and end with a visible ASCII character: two comparisons and done.
        if (!utf8.IsEmpty && IsVisibleAscii(utf8[0]) && IsVisibleAscii(utf8[^1]))
        {
            return utf8;
        }

        while (!utf8.IsEmpty && Rune.DecodeFromUtf8(utf8, out var rune, out var length) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[length..];
        }

        while (!utf8.IsEmpty && Rune.DecodeLastFromUtf8(utf8, out var rune, out var length) == OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            utf8 = utf8[..^length];
        }

        return utf8;
    }

    /// <summary>Whether a field is empty once trimmed, which the formats treat as absent.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.IsEmpty || (!IsVisibleAscii(utf8[0]) && Trim(utf8).IsEmpty);

    /// <summary>Checks a trimmed name.</summary>
    /// <param name="trimmed">The name, already trimmed.</param>
    /// <param name="reservedApplies">Whether the name is a channel or campaign, which must not be a <see cref="Reserved"/> key.</param>
    /// <param name="control">The control character found, when that is the problem.</param>
    public static Problem Check(ReadOnlySpan<char> trimmed, bool reservedApplies, out char control)
    {
        control = '\0';
        if (trimmed.IsEmpty)
        {
            return Problem.Empty;
        }

        var at = trimmed.IndexOfAny(ControlChars);
        if (at >= 0)
        {
            control = trimmed[at];
            return Problem.Control;
        }

        if (reservedApplies && trimmed[0] == '(')
        {
            foreach (var key in Reserved)
            {
                if (trimmed.SequenceEqual(key))
                {
                    return Problem.Reserved;
                }
            }
        }

        return Problem.None;
    }

    /// <summary>Checks a trimmed name given as UTF-8 bytes (the bytes need not be valid UTF-8; that is checked where they are decoded).</summary>
    public static Problem Check(ReadOnlySpan<byte> trimmed, bool reservedApplies, out char control)
    {
        control = '\0';
        if (trimmed.IsEmpty)
        {
            return Problem.Empty;
        }

        // The vectorised search rules out every control character in the usual name; only a hit needs the byte loop.
        var suspect = trimmed.IndexOfAnyInRange((byte)0x00, (byte)0x1F) >= 0 || trimmed.IndexOfAny((byte)0x7F, (byte)0xC2) >= 0;
        for (var i = 0; suspect && i < trimmed.Length; i++)
        {
            var b = trimmed[i];
            if (b < 0x20 || b == 0x7F)
            {
                control = (char)b;
                return Problem.Control;
            }

            // U+0080–U+009F are C2 80 to C2 9F.
            if (b == 0xC2 && i + 1 < trimmed.Length && trimmed[i + 1] is >= 0x80 and <= 0x9F)
            {
                control = (char)trimmed[i + 1];
                return Problem.Control;
            }
        }

        if (reservedApplies && trimmed[0] == '(')
        {
            foreach (var key in ReservedUtf8)
            {
                if (trimmed.SequenceEqual(key))
                {
                    return Problem.Reserved;
                }
            }
        }

        return Problem.None;
    }

    /// <summary>The end of an error message for <paramref name="problem"/>, after the field is named.</summary>
    /// <param name="problem">The problem, not <see cref="Problem.None"/>.</param>
    /// <param name="name">The trimmed name as text.</param>
    /// <param name="control">The control character found.</param>
    public static string Describe(Problem problem, string name, char control) => problem switch
    {
        Problem.Empty => "is empty or white space",
        Problem.Control => $"holds the control character U+{(int)control:X4}; names may not hold control characters",
        Problem.Reserved => $"'{name}' is the key of a built-in row ({string.Join(", ", Reserved)}); rename it in the data",
        _ => "is valid",
    };

    /// <summary>Applies the rule to a required name given to an API.</summary>
    /// <returns>The trimmed name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The name breaks the rule.</exception>
    public static string Require(string? name, string paramName, bool reservedApplies)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        var trimmed = name.AsSpan().Trim();
        var problem = Check(trimmed, reservedApplies, out var control);
        if (problem != Problem.None)
        {
            throw new ArgumentException($"'{paramName}' {Describe(problem, trimmed.ToString(), control)}.", paramName);
        }

        return trimmed.Length == name.Length ? name : trimmed.ToString();
    }

    /// <summary>Applies the rule to an optional name: <see langword="null"/>, empty or white space mean none.</summary>
    /// <returns>The trimmed name, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The name breaks the rule.</exception>
    public static string? Optional(string? name, string paramName, bool reservedApplies)
        => string.IsNullOrWhiteSpace(name) ? null : Require(name, paramName, reservedApplies);

    /// <summary>Why a name that should already follow the rule (one stored in a table or a saved model) breaks it, or
    /// <see langword="null"/> when it does not.</summary>
    public static string? Violation(string name, bool reservedApplies)
    {
        var trimmed = name.AsSpan().Trim();
        if (trimmed.Length != name.Length && trimmed.Length > 0)
        {
            return $"has white space around it; names are trimmed, so use '{trimmed}'";
        }

        var problem = Check(trimmed, reservedApplies, out var control);
        return problem == Problem.None ? null : Describe(problem, name, control);
    }

    /// <summary>Checks every name of a table filled through its public methods, for the builders.</summary>
    /// <exception cref="ArgumentException">A name breaks the rule (is not trimmed, holds a control character, or is reserved).</exception>
    public static void CheckTable(SymbolTable table, string what, bool reservedApplies, string paramName)
    {
        for (var i = 0; i < table.Count; i++)
        {
            if (Violation(table[i], reservedApplies) is { } why)
            {
                throw new ArgumentException($"{what} '{table[i]}' {why}.", paramName);
            }
        }
    }

    private static bool IsVisibleAscii(byte b) => b is > 0x20 and < 0x7F;
}
