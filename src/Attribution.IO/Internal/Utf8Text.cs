using Attribution.Journeys;

namespace Attribution.IO.Internal;

/// <summary>Helpers for UTF-8 field values.</summary>
internal static class Utf8Text
{
    /// <summary>Whether a field is empty or only white space, which the formats treat as absent; the same white space
    /// that <see cref="Names.Trim(ReadOnlySpan{byte})"/> removes from names.</summary>
    public static bool IsBlank(this ReadOnlySpan<byte> utf8) => Names.IsBlank(utf8);
}
