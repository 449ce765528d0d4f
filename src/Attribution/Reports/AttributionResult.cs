using System.Collections.ObjectModel;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>What one model credited over one journey set: totals per channel and per campaign, unattributed conversions, and optionally every touchpoint's credit.</summary>
/// <remarks>
/// Credit is conserved: <see cref="CreditedConversions"/> + <see cref="UnattributedConversions"/> = <see cref="ConversionCount"/>,
/// and <see cref="CreditedValue"/> + <see cref="UnattributedValue"/> = <see cref="TotalValue"/>, up to floating-point rounding.
/// </remarks>
public sealed class AttributionResult
{
    /// <summary>The key of touches without a campaign in <see cref="ByCampaign"/>.</summary>
    public const string NoCampaignKey = "(none)";

    /// <summary>The key reports use for conversions no touchpoint earned.</summary>
    public const string UnattributedKey = "(unattributed)";

    internal AttributionResult(
        string model,
        JourneySet journeys,
        IReadOnlyList<CreditTotal> byChannel,
        IReadOnlyList<CreditTotal> byCampaign,
        int unattributedConversions,
        double unattributedValue,
        double totalValue,
        IReadOnlyList<TouchpointCredit> touchpoints)
    {
        Model = model;
        Journeys = journeys;
        // Read-only wrappers: a caller casting a result list back to an array or List<T> must not change a result.
        ByChannel = Freeze(byChannel);
        ByCampaign = Freeze(byCampaign);
        UnattributedConversions = unattributedConversions;
        UnattributedValue = unattributedValue;
        TotalValue = totalValue;
        Touchpoints = Freeze(touchpoints);

        foreach (var total in byChannel)
        {
            CreditedConversions += total.Conversions;
            CreditedValue += total.Value;
        }
    }

    /// <summary>Gets the model's name.</summary>
    public string Model { get; }

    /// <summary>Gets the journeys that were attributed; touchpoint credits index into it.</summary>
    public JourneySet Journeys { get; }

    /// <summary>Gets the credit of every channel in the data, in order of the channel's first appearance (channels that earned nothing included).</summary>
    public IReadOnlyList<CreditTotal> ByChannel { get; }

    /// <summary>Gets the credit of every campaign in the data, in order of first appearance, then <see cref="NoCampaignKey"/> when some touch has no campaign.</summary>
    public IReadOnlyList<CreditTotal> ByCampaign { get; }

    /// <summary>Gets the number of conversions in the data.</summary>
    public int ConversionCount => Journeys.ConversionCount;

    /// <summary>Gets the value of all conversions in the data.</summary>
    public double TotalValue { get; }

    /// <summary>Gets the conversions credited to touchpoints (a sum of shares).</summary>
    public double CreditedConversions { get; }

    /// <summary>Gets the value credited to touchpoints.</summary>
    public double CreditedValue { get; }

    /// <summary>Gets the number of conversions with no eligible touchpoint (or whose touchpoints all weighed 0).</summary>
    public int UnattributedConversions { get; }

    /// <summary>Gets the value of the unattributed conversions.</summary>
    public double UnattributedValue { get; }

    /// <summary>Gets the unattributed conversions as a total keyed <see cref="UnattributedKey"/>.</summary>
    public CreditTotal Unattributed => new(UnattributedKey, UnattributedConversions, UnattributedValue);

    /// <summary>Gets every touchpoint's credit for every conversion, by journey and conversion in order; empty unless
    /// <see cref="Engine.AttributionOptions.IncludeTouchpointCredits"/> was set.</summary>
    public IReadOnlyList<TouchpointCredit> Touchpoints { get; }

    // Wraps without copying: the engine hands over lists it no longer touches, and touchpoint lists can be large.
    private static ReadOnlyCollection<T> Freeze<T>(IReadOnlyList<T> items)
        => items as ReadOnlyCollection<T> ?? new ReadOnlyCollection<T>(items as IList<T> ?? [.. items]);
}
