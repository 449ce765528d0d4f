namespace Attribution.Reports;

/// <summary>One channel's (or campaign's) credit under one model and conversion kind: the estimate from the data and
/// its bootstrap percentile interval (see <see cref="BootstrapIntervals"/>).</summary>
/// <param name="Key">The channel or campaign name (<see cref="AttributionResult.NoCampaignKey"/> for touches without a campaign).</param>
/// <param name="Conversions">Credited conversions on the data itself.</param>
/// <param name="ConversionsLow">The lower end of the interval of credited conversions.</param>
/// <param name="ConversionsHigh">The upper end of the interval of credited conversions.</param>
/// <param name="Value">Credited value on the data itself.</param>
/// <param name="ValueLow">The lower end of the interval of credited value.</param>
/// <param name="ValueHigh">The upper end of the interval of credited value.</param>
/// <param name="Share">The key's share of the value of all reported conversions of the kind (unattributed value included), from 0 to 1.</param>
/// <param name="ShareLow">The lower end of the interval of the share.</param>
/// <param name="ShareHigh">The upper end of the interval of the share.</param>
public readonly record struct CreditInterval(
    string Key,
    double Conversions,
    double ConversionsLow,
    double ConversionsHigh,
    double Value,
    double ValueLow,
    double ValueHigh,
    double Share,
    double ShareLow,
    double ShareHigh);
