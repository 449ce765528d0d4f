namespace Attribution.IO;

/// <summary>One row of an event log: a touchpoint or a conversion of one journey, as <see cref="EventLogCsvWriter"/> writes it.</summary>
/// <remarks>
/// <para>Create rows with <see cref="Touch"/> or <see cref="Conversion"/>. A touch has a channel and, optionally, a campaign,
/// a touch type (such as <c>online</c> or <c>offline</c>) and a campaign-member status; a conversion has a kind, a value
/// and, optionally, an id.</para>
/// </remarks>
public sealed record EventLogRow
{
    private EventLogRow(string journeyId, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journeyId);
        JourneyId = journeyId;
        Timestamp = timestamp;
    }

    /// <summary>Gets the journey (person, lead or account) the row belongs to.</summary>
    public string JourneyId { get; }

    /// <summary>Gets the instant of the touch or conversion.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the touch's channel; <see langword="null"/> on a conversion row.</summary>
    public string? Channel { get; private init; }

    /// <summary>Gets the touch's campaign; <see langword="null"/> when it has none and on a conversion row.</summary>
    public string? Campaign { get; private init; }

    /// <summary>Gets the conversion's kind (<c>lead</c>, <c>opportunity</c>, <c>order</c> …); <see langword="null"/> on a touch row.</summary>
    public string? Kind { get; private init; }

    /// <summary>Gets the conversion's value; 0 on a touch row.</summary>
    public double Value { get; private init; }

    /// <summary>Gets the conversion's id in the source system; <see langword="null"/> when it has none and on a touch row.</summary>
    public string? ConversionId { get; private init; }

    /// <summary>Gets the touch's type, such as <c>online</c> or <c>offline</c>; <see langword="null"/> when not known and on a conversion row.</summary>
    public string? TouchType { get; private init; }

    /// <summary>Gets the campaign-member status of the touch, such as <c>Responded</c>; <see langword="null"/> when it has none and on a conversion row.</summary>
    public string? Status { get; private init; }

    /// <summary>Gets whether the row is a conversion (it has a <see cref="Kind"/>) rather than a touch.</summary>
    public bool IsConversion => Kind is not null;

    /// <summary>Creates a touch row.</summary>
    /// <param name="journeyId">The journey; not empty.</param>
    /// <param name="timestamp">The instant.</param>
    /// <param name="channel">The channel; not empty.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/>.</param>
    /// <param name="touchType">The touch type, or <see langword="null"/>.</param>
    /// <param name="status">The campaign-member status, or <see langword="null"/>.</param>
    /// <returns>The row.</returns>
    public static EventLogRow Touch(string journeyId, DateTimeOffset timestamp, string channel, string? campaign = null, string? touchType = null, string? status = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return new EventLogRow(journeyId, timestamp)
        {
            Channel = channel,
            Campaign = Blank(campaign),
            TouchType = Blank(touchType),
            Status = Blank(status),
        };
    }

    /// <summary>Creates a conversion row.</summary>
    /// <param name="journeyId">The journey; not empty.</param>
    /// <param name="timestamp">The instant.</param>
    /// <param name="kind">The kind; not empty.</param>
    /// <param name="value">The value, a finite number &gt;= 0.</param>
    /// <param name="conversionId">The conversion's id, or <see langword="null"/>.</param>
    /// <returns>The row.</returns>
    public static EventLogRow Conversion(string journeyId, DateTimeOffset timestamp, string kind, double value = 1, string? conversionId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A conversion value must be a finite number >= 0.");
        }

        return new EventLogRow(journeyId, timestamp) { Kind = kind, Value = value + 0.0, ConversionId = Blank(conversionId) };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
