using System.Globalization;
using Attribution.Cli.Output;
using Attribution.IO.Internal;
using Attribution.Journeys;

namespace Attribution.Cli.Demo;

/// <summary>Writes journeys as an event-log CSV (<c>journey_id,timestamp,channel,campaign,conversion,value,conversion_id</c>),
/// the format <c>attribution attribute --input</c> reads.</summary>
/// <remarks>A touch row fills channel and campaign; a conversion row fills conversion (its kind), value and conversion_id.
/// Events of a journey are in time order, a touch before a conversion at the same instant.</remarks>
internal static class EventLogCsvWriter
{
    /// <summary>The header line.</summary>
    public const string Header = "journey_id,timestamp,channel,campaign,conversion,value,conversion_id";

    public static void Write(TextWriter writer, IEnumerable<Journey> journeys)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var journey in journeys)
        {
            var id = CsvText.Quote(journey.Id);
            var touches = journey.Touchpoints;
            var conversions = journey.Conversions;
            int t = 0, c = 0;
            while (t < touches.Length || c < conversions.Length)
            {
                if (t < touches.Length && (c == conversions.Length || touches[t].Instant.UtcTicks <= conversions[c].Instant.UtcTicks))
                {
                    var touch = touches[t++];
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{id},{Timestamp(touch.Instant)},{CsvText.Quote(touch.Channel)},{CsvText.Quote(touch.Campaign ?? string.Empty)},,,\n"));
                }
                else
                {
                    var conversion = conversions[c++];
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{id},{Timestamp(conversion.Instant)},,,{CsvText.Quote(conversion.Kind)},{CsvReportWriter.Number(conversion.Value)},{CsvText.Quote(conversion.Id ?? string.Empty)}\n"));
                }
            }
        }
    }

    private static string Timestamp(DateTimeOffset instant)
        => Attribution.IO.Internal.Iso8601.Format(instant);
}
