using System.Globalization;

namespace Attribution;

/// <summary>The one way every output writes an instant: ISO-8601 in UTC with <c>Z</c>, seconds always, and a fraction
/// only when there is one (<c>2026-03-01T09:30:00Z</c>, <c>2026-03-01T09:30:00.25Z</c>), in CSV, JSON and text alike.</summary>
internal static class InstantText
{
    public static string Utc(DateTimeOffset instant)
        => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
