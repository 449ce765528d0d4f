namespace Attribution.IO.Internal;

/// <summary>The fast path for plain decimals such as <c>121.77</c>, the usual shape of a conversion value.</summary>
internal static class PlainDecimal
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Reads digits with at most one point between them; returns <see langword="false"/> for anything else
    /// (signs, exponents, spaces, too many digits), which <see cref="double.TryParse(ReadOnlySpan{byte}, System.Globalization.NumberStyles, IFormatProvider?, out double)"/> then reads.</summary>
    /// <remarks>A mantissa below 2^53 and a power of ten up to 10^22 are both exact doubles, so the one division is
    /// correctly rounded: the same double the general parser gives.</remarks>
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        ulong mantissa = 0;
        var digits = 0;
        var point = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var digit = (uint)(s[i] - '0');
            if (digit <= 9)
            {
                // 19 digits cannot overflow a ulong; the check against 2^53 below catches the rest.
                if (++digits > 19)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
            }
            else if (s[i] == '.' && point < 0)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        var scale = point < 0 ? 0 : s.Length - point - 1;
        if (digits == 0 || mantissa > MaxExactMantissa || scale >= PowersOfTen.Length)
        {
            return false;
        }

        value = mantissa / PowersOfTen[scale];
        return true;
    }
}
