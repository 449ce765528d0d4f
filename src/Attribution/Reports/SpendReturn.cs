namespace Attribution.Reports;

/// <summary>What one channel or campaign cost and what one model credited it with: ROAS, ROI and CPA.</summary>
/// <remarks>
/// <para>ROAS = value / spend; ROI = (value − spend) / spend; CPA = spend / conversions. A ratio whose divisor is 0 is
/// <see langword="null"/> (shown as "n/a"), never infinity or NaN.</para>
/// <para>Conversions are fractional: the sum of the shares the model gave this key, for conversions of <see cref="Kind"/>
/// only (kinds are never added together, so CPA is a cost per lead, per opportunity or per order).</para>
/// </remarks>
/// <param name="Model">The model's name.</param>
/// <param name="Key">The channel or campaign name (or <see cref="AttributionResult.NoCampaignKey"/>, or <see cref="ReturnOnSpend.TotalKey"/>).</param>
/// <param name="Channels">The channels of the key: the channel itself, or the channels a campaign's touches and spend lines name.</param>
/// <param name="Spend">The spend on the key; 0 when no spend line names it.</param>
/// <param name="Conversions">The credited conversions; 0 when the key earned no credit.</param>
/// <param name="Value">The credited value; 0 when the key earned no credit.</param>
public sealed record SpendReturn(string Model, string Key, IReadOnlyList<string> Channels, double Spend, double Conversions, double Value)
{
    /// <summary>Gets the conversion kind the credit is of, for example <c>lead</c> or <c>order</c>.</summary>
    /// <value>The default value is <see cref="Journeys.Conversion.DefaultKind"/>.</value>
    public string Kind { get; init; } = Journeys.Conversion.DefaultKind;

    /// <summary>Gets whether some spend line names this key; without one, nothing is known of its cost and every ratio is
    /// <see langword="null"/> ("n/a"), never a cost of 0.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HasSpendLine { get; init; } = true;

    /// <summary>Gets the return on ad spend, value / spend, or <see langword="null"/> when the spend is 0.</summary>
    public double? Roas => Spend > 0 ? Value / Spend : null;

    /// <summary>Gets the return on investment, (value − spend) / spend, or <see langword="null"/> when the spend is 0.</summary>
    public double? Roi => Spend > 0 ? (Value - Spend) / Spend : null;

    /// <summary>Gets the cost per acquisition of <see cref="Kind"/> (cost per lead, per order …), spend / conversions, or
    /// <see langword="null"/> when no conversion was credited or no spend line names the key.</summary>
    public double? Cpa => HasSpendLine && Conversions > 0 ? Spend / Conversions : null;

    /// <summary>Gets whether spend was recorded on this key although it earned no credit.</summary>
    public bool IsSpendWithoutCredit => Spend > 0 && Conversions == 0;

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
