using System.Globalization;
using System.Text;

namespace Attribution.Benchmarks;

/// <summary>Writes <see cref="BenchmarkData"/>'s journeys as an event-log CSV, the CLI's input, for end-to-end timing.</summary>
/// <remarks>Columns <c>journey_id,timestamp,channel,campaign,conversion,value,conversion_id</c>; rows of a journey in time order, a touch before a conversion at the same second.</remarks>
internal static class EventLogFile
{
    /// <summary>About 5 000 000 rows (≈ 6.2 rows per journey).</summary>
    public const int DefaultJourneys = 809_000;

    /// <summary>Writes the first <paramref name="journeys"/> journeys to <paramref name="path"/>; returns the number of rows.</summary>
    public static long Write(string path, int journeys)
    {
        var set = BenchmarkData.Build(journeys);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20);
        writer.Write("journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n");
        var rows = 0L;
        for (var j = 0; j < set.Count; j++)
        {
            var journey = set.GetJourney(j);
            var touches = journey.Touchpoints;
            var conversions = journey.Conversions;
            int t = 0, c = 0;
            while (t < touches.Length || c < conversions.Length)
            {
                if (t < touches.Length && (c == conversions.Length || touches[t].Instant <= conversions[c].Instant))
                {
                    var touch = touches[t++];
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{journey.Id},{touch.Instant.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{touch.Channel},{touch.Campaign},,,\n"));
                }
                else
                {
                    var conversion = conversions[c++];
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{journey.Id},{conversion.Instant.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},,,{conversion.Kind},{conversion.Value:R},\n"));
                }

                rows++;
            }
        }

        return rows;
    }
}
