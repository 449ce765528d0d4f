namespace Attribution.Reports;

/// <summary>What one model credited for the conversions of one kind (leads, opportunities, orders …): totals per channel
/// and per campaign, and the conversions no touchpoint earned.</summary>
/// <remarks>
/// Credit is conserved per kind: <see cref="CreditedConversions"/> + <see cref="UnattributedConversions"/> = <see cref="ConversionCount"/>,
/// and <see cref="CreditedValue"/> + <see cref="UnattributedValue"/> = <see cref="TotalValue"/>, up to floating-point rounding.
/// </remarks>
public sealed class KindResult
{
    internal KindResult(string kind, IReadOnlyList<CreditTotal> byChannel, IReadOnlyList<CreditTotal> byCampaign, int conversionCount, double totalValue, int unattributedConversions, double unattributedValue)
    {
        Kind = kind;
        ByChannel = byChannel as CreditTotals ?? new CreditTotals([.. byChannel]);
        ByCampaign = byCampaign as CreditTotals ?? new CreditTotals([.. byCampaign]);
        ConversionCount = conversionCount;
        TotalValue = totalValue;
        UnattributedConversions = unattributedConversions;
        UnattributedValue = unattributedValue;
        foreach (var total in byChannel)
        {
            CreditedConversions += total.Conversions;
            CreditedValue += total.Value;
        }
    }

    /// <summary>Gets the conversion kind.</summary>
    public string Kind { get; }

    /// <summary>Gets the credit of every channel in the data, in order of the channel's first appearance (channels that earned nothing included); also looked up by name: <c>ByChannel["email"]</c>.</summary>
    public CreditTotals ByChannel { get; }

    /// <summary>Gets the credit of every campaign in the data, in order of first appearance, then <see cref="AttributionResult.NoCampaignKey"/> when some touch has no campaign.</summary>
    public CreditTotals ByCampaign { get; }

    /// <summary>Gets the number of conversions of this kind reported (inside the period, when there is one).</summary>
    public int ConversionCount { get; }

    /// <summary>Gets the value of those conversions.</summary>
    public double TotalValue { get; }

    /// <summary>Gets the conversions credited to touchpoints (a sum of shares).</summary>
    public double CreditedConversions { get; }

    /// <summary>Gets the value credited to touchpoints.</summary>
    public double CreditedValue { get; }

    /// <summary>Gets the number of conversions with no eligible touchpoint (or whose touchpoints all weighed 0).</summary>
    public int UnattributedConversions { get; }

    /// <summary>Gets the value of the unattributed conversions.</summary>
    public double UnattributedValue { get; }

    /// <summary>Gets the unattributed conversions as a total keyed <see cref="AttributionResult.UnattributedKey"/>.</summary>
    public CreditTotal Unattributed => new(AttributionResult.UnattributedKey, UnattributedConversions, UnattributedValue);

    /// <inheritdoc/>
    public override string ToString()
        => FormattableString.Invariant($"{Kind}: {ConversionCount} conversions worth {TotalValue}, {CreditedValue} credited to {ByChannel.Count} channels, {UnattributedConversions} unattributed");
}
