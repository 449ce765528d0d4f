using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Attribution.IO.Internal;

/// <summary>Parses ISO-8601 instants that carry a UTC offset (<c>Z</c> or <c>±hh:mm</c>) from UTF-8, without allocating.</summary>
internal static class Iso8601
{
    private const int MaxLength = 64;

    // ".FFFFFFF" makes the fraction (and its point) optional; "K" reads Z or an offset, and an offset is checked first.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>Why a timestamp was rejected.</summary>
    internal enum Failure
    {
        None,
        Malformed,
        NoOffset,
    }

    public static Failure TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.IsEmpty || utf8.Length > MaxLength)
        {
            return Failure.Malformed;
        }

        Span<char> chars = stackalloc char[MaxLength];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return Failure.Malformed;
        }

        var text = chars[..written];
        if (!HasOffset(text))
        {
            // Tell "no offset" apart from garbage, so the message can say what to add.
            return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? Failure.NoOffset
                : Failure.Malformed;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? Failure.None
            : Failure.Malformed;
    }

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        if (text[^1] == 'Z')
        {
            return true;
        }

        return text.Length >= 6
            && text[^6] is '+' or '-'
            && char.IsAsciiDigit(text[^5])
            && char.IsAsciiDigit(text[^4])
            && text[^3] == ':'
            && char.IsAsciiDigit(text[^2])
            && char.IsAsciiDigit(text[^1]);
    }
}
