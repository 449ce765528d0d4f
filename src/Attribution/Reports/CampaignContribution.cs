namespace Attribution.Reports;

/// <summary>A campaign's side of the contribution records under one model: what it influenced, its total and its return.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Campaign">The campaign, or <see cref="AttributionResult.NoCampaignKey"/>.</param>
/// <param name="Channels">The channels of its records, in order of first appearance.</param>
/// <param name="InfluencedConversions">How many distinct conversions it has a record for.</param>
/// <param name="CreditedConversions">The sum of its shares.</param>
/// <param name="Value">The sum of its credited value.</param>
/// <param name="Spend">Its spend; 0 without a spend table, for <see cref="AttributionResult.NoCampaignKey"/>, or when no spend line names it.</param>
public sealed record CampaignContribution(
    string Model,
    string Campaign,
    IReadOnlyList<string> Channels,
    int InfluencedConversions,
    double CreditedConversions,
    double Value,
    double Spend)
{
    /// <summary>Gets the conversion kind of the records summed (a campaign's leads and orders are separate rows).</summary>
    /// <value>The default value is <see cref="Journeys.Conversion.DefaultKind"/>.</value>
    public string Kind { get; init; } = Journeys.Conversion.DefaultKind;

    /// <summary>Gets the return on investment, (value − spend) / spend, or <see langword="null"/> when the spend is 0.</summary>
    public double? Roi => Spend > 0 ? (Value - Spend) / Spend : null;

    /// <summary>Gets the return on ad spend, value / spend, or <see langword="null"/> when the spend is 0.</summary>
    public double? Roas => Spend > 0 ? Value / Spend : null;

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
