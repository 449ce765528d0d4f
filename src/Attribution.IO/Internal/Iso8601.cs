
namespace Attribution.IO.Internal;

/// <summary>Parses ISO-8601 instants that carry a UTC offset (<c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c> or <c>±hh</c>) from UTF-8, without allocating.</summary>
internal static class Iso8601
{
    /// <summary>Writes an instant the one way every output does (<see cref="InstantText"/>), for the CLI.</summary>
    public static string Format(DateTimeOffset instant) => InstantText.Utc(instant);

    private const int MaxLength = 64;

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
        return utf8.Length > MaxLength ? Failure.Malformed : ParseGeneral(utf8, out value);
    }

    /// <summary>
    /// Every accepted shape: <c>yyyy-MM-dd</c>, then <c>T</c> or one space, <c>HH:mm</c>, optionally <c>:ss</c> and a
    /// fraction of 1 to 9 digits (rounded half up to the tick, 100 ns), then <c>Z</c> or an offset <c>±hh:mm</c>,
    /// <c>±hhmm</c> or <c>±hh</c>.
    /// </summary>
    private static Failure ParseGeneral(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 16 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)'T' or (byte)' ') || s[13] != ':'
            || !Digits4(s, 0, out var year) || !Digits2(s, 5, out var month) || !Digits2(s, 8, out var day)
            || !Digits2(s, 11, out var hour) || !Digits2(s, 14, out var minute))
        {
            return Failure.Malformed;
        }

        var i = 16;
        var second = 0;
        long fraction = 0;
        var roundUp = false;
        if (i < s.Length && s[i] == ':')
        {
            if (i + 3 > s.Length || !Digits2(s, i + 1, out second))
            {
                return Failure.Malformed;
            }

            i += 3;
            if (i < s.Length && s[i] == '.')
            {
                var digits = 0;
                while (++i < s.Length && (uint)(s[i] - '0') <= 9)
                {
                    digits++;
                    if (digits <= 7)
                    {
                        fraction = (fraction * 10) + (s[i] - '0');
                    }
                    else if (digits == 8)
                    {
                        roundUp = s[i] >= '5';
                    }
                }

                if (digits is 0 or > 9)
                {
                    return Failure.Malformed;
                }

                for (var d = digits; d < 7; d++)
                {
                    fraction *= 10;
                }
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return Failure.Malformed;
        }

        TimeSpan offset;
        var rest = s[i..];
        if (rest.IsEmpty)
        {
            return Failure.NoOffset;
        }

        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (rest[0] is (byte)'+' or (byte)'-' && TryOffset(rest[1..], out var hours, out var minutes))
        {
            offset = new TimeSpan(hours, minutes, 0);
            if (rest[0] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return Failure.Malformed;
        }

        var ticks = new DateTime(year, month, day).Ticks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (second * TimeSpan.TicksPerSecond) + fraction + (roundUp ? 1 : 0);
        var utcTicks = ticks - offset.Ticks;
        if (ticks > DateTime.MaxValue.Ticks || utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            // A valid local time whose offset (or rounding) leaves DateTimeOffset's range, such as 0001-01-01T00:00:00+01:00.
            return Failure.OutOfRange;
        }

        value = new DateTimeOffset(ticks, offset);
        return Failure.None;
    }

    // DateTimeOffset allows at most 14 hours.
    private static bool TryOffset(ReadOnlySpan<byte> s, out int hours, out int minutes)
    {
        minutes = 0;
        var ok = s.Length switch
        {
            2 => Digits2(s, 0, out hours),
            4 => Digits2(s, 0, out hours) & Digits2(s, 2, out minutes),
            5 => (s[2] == ':') & Digits2(s, 0, out hours) & Digits2(s, 3, out minutes),
            _ => Unset(out hours),
        };
        return ok && minutes <= 59 && (hours < 14 || (hours == 14 && minutes == 0));
    }

    private static bool Unset(out int number)
    {
        number = 0;
        return false;
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
}
