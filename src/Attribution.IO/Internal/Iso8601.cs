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

        /// <summary>A valid ISO-8601 instant whose offset puts it before year 1 or after year 9999 in UTC.</summary>
        OutOfRange,
    }

    public static Failure TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        if (TryParseCommon(utf8, out value))
        {
            return Failure.None;
        }

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

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return Failure.None;
        }

        // The local part and the offset may each be fine while their difference leaves DateTimeOffset's range (such as
        // 0001-01-01T00:00:00+01:00): tell that apart from garbage.
        return text[^1] != 'Z' && IsValidOffset(text[^6..])
            && (DateTime.TryParseExact(text[..^6], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || DateTime.TryParseExact(text[..^6], "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            ? Failure.OutOfRange
            : Failure.Malformed;
    }

    /// <summary>
    /// The fast path for the usual shape, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> then <c>Z</c> or <c>±hh:mm</c>, read straight from
    /// the bytes. It accepts only what the exact formats accept; anything else, valid or not, is left to them.
    /// </summary>
    private static bool TryParseCommon(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits4(s, 0, out var year) || !Digits2(s, 5, out var month) || !Digits2(s, 8, out var day)
            || !Digits2(s, 11, out var hour) || !Digits2(s, 14, out var minute) || !Digits2(s, 17, out var second))
        {
            return false;
        }

        // Years 1 and 9999 can fall outside the range of DateTimeOffset once the offset is applied; leave them to the slow path.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            while (++i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (++digits > 7)
                {
                    return false;
                }

                fraction = (fraction * 10) + (s[i] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (var d = digits; d < 7; d++)
            {
                fraction *= 10;
            }
        }

        TimeSpan offset;
        if (i == s.Length - 1 && s[i] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (i == s.Length - 6 && s[i] is (byte)'+' or (byte)'-' && s[i + 3] == ':'
            && Digits2(s, i + 1, out var offsetHours) && Digits2(s, i + 4, out var offsetMinutes)
            && offsetHours <= 14 && offsetMinutes <= 59 && (offsetHours < 14 || offsetMinutes == 0))
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (s[i] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        // The fields are in range, so the sum is the same instant DateTime's checked constructors would give.
        var ticks = new DateTime(year, month, day).Ticks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (second * TimeSpan.TicksPerSecond) + fraction;
        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool Digits2(ReadOnlySpan<byte> s, int start, out int number)
    {
        var tens = (uint)(s[start] - '0');
        var ones = (uint)(s[start + 1] - '0');
        number = (int)((tens * 10) + ones);
        return tens <= 9 && ones <= 9;
    }

    private static bool Digits4(ReadOnlySpan<byte> s, int start, out int number)
    {
        var ok = Digits2(s, start, out var high) & Digits2(s, start + 2, out var low);
        number = (high * 100) + low;
        return ok;
    }

    // HasOffset has checked the shape ±dd:dd; DateTimeOffset allows at most 14 hours.
    private static bool IsValidOffset(ReadOnlySpan<char> offset)
    {
        var hours = ((offset[1] - '0') * 10) + (offset[2] - '0');
        var minutes = ((offset[4] - '0') * 10) + (offset[5] - '0');
        return minutes <= 59 && (hours < 14 || (hours == 14 && minutes == 0));
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
