namespace Attribution.Reports;

/// <summary>Credit earned by one channel or campaign (or left unattributed) under one model.</summary>
/// <param name="Key">The channel or campaign name, <see cref="AttributionResult.NoCampaignKey"/> or <see cref="AttributionResult.UnattributedKey"/>.</param>
/// <param name="Conversions">Credited conversions as a fractional count: the sum of this key's shares.</param>
/// <param name="Value">Credited value: the sum of share × conversion value.</param>
public readonly record struct CreditTotal(string Key, double Conversions, double Value);
