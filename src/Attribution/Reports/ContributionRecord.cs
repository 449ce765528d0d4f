namespace Attribution.Reports;

/// <summary>How much one campaign, through one channel, contributed to one conversion under one model: the CRM's "campaign contribution" object.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Campaign">The campaign, or <see cref="AttributionResult.NoCampaignKey"/> for touches without one.</param>
/// <param name="Channel">The channel of the campaign's touches.</param>
/// <param name="JourneyId">The id of the journey the conversion belongs to.</param>
/// <param name="ConversionId">The conversion's id: its own, or one derived from the journey (see <see cref="ContributionRecords.GetConversionId"/>).</param>
/// <param name="ConversionKind">The conversion's kind.</param>
/// <param name="ConversionInstant">When the conversion happened (UTC).</param>
/// <param name="ConversionValue">What the whole conversion is worth.</param>
/// <param name="Share">The campaign's share of the conversion, from 0 to 1: the sum of its touches' shares.</param>
/// <param name="Value">The credited value: share × the conversion's value.</param>
public sealed record ContributionRecord(
    string Model,
    string Campaign,
    string Channel,
    string JourneyId,
    string ConversionId,
    string ConversionKind,
    DateTimeOffset ConversionInstant,
    double ConversionValue,
    double Share,
    double Value);
