namespace Attribution.IO.Internal;

/// <summary>The column names of the event-log CSV format.</summary>
internal static class Columns
{
    public const string JourneyId = "journey_id";
    public const string Timestamp = "timestamp";
    public const string Channel = "channel";
    public const string Campaign = "campaign";
    public const string Conversion = "conversion";
    public const string Value = "value";
    public const string ConversionId = "conversion_id";
    public const string TouchType = "touch_type";
    public const string Status = "status";
}
