namespace Attribution.B2B;

/// <summary>How one channel's credit of one kind under one model moves when suspicious channels are quarantined.</summary>
/// <param name="Model">The model.</param>
/// <param name="Kind">The conversion kind.</param>
/// <param name="Channel">The channel, or <see cref="Reports.AttributionResult.UnattributedKey"/>.</param>
/// <param name="ConversionsBefore">Credited conversions before.</param>
/// <param name="ValueBefore">Credited value before.</param>
/// <param name="ConversionsAfter">Credited conversions with the quarantined channels excluded.</param>
/// <param name="ValueAfter">Credited value with the quarantined channels excluded.</param>
public sealed record CreditShift(string Model, string Kind, string Channel, double ConversionsBefore, double ValueBefore, double ConversionsAfter, double ValueAfter)
{
    /// <summary>Gets ValueAfter − ValueBefore.</summary>
    public double ValueChange => ValueAfter - ValueBefore;
}
