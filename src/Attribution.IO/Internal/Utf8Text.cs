namespace Attribution.IO.Internal;

/// <summary>Helpers for UTF-8 field values.</summary>
internal static class Utf8Text
{
    /// <summary>Whether a field is empty or only spaces and tabs, which the format treats as absent.</summary>
    // Most fields are empty or start with a visible character; only the rest need the scan.
    public static bool IsBlank(this ReadOnlySpan<byte> utf8)
        => utf8.IsEmpty || (utf8[0] is (byte)' ' or (byte)'\t' && utf8.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0);
}
