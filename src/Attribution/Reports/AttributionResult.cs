using System.Collections.ObjectModel;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>What one model credited over one journey set, per conversion kind: totals per channel and per campaign,
/// unattributed conversions, and optionally every touchpoint's credit.</summary>
/// <remarks>
/// <para>Results are per kind (<see cref="Kinds"/>, <see cref="ForKind"/>); credit is conserved per kind. For data with
/// one kind, the totals are also here directly (<see cref="ByChannel"/>, <see cref="CreditedValue"/> …); for data with
/// several, those throw rather than add a lead to an order.</para>
/// </remarks>
public sealed class AttributionResult
{
    /// <summary>The key of touches without a campaign in <see cref="ByCampaign"/>.</summary>
    public const string NoCampaignKey = "(none)";

    /// <summary>The key reports use for conversions no touchpoint earned.</summary>
    public const string UnattributedKey = "(unattributed)";

    internal AttributionResult(string model, JourneySet journeys, Engine.AttributionOptions options, IReadOnlyList<KindResult> kinds, IReadOnlyList<TouchpointCredit> touchpoints)
    {
        Model = model;
        Journeys = journeys;
        Options = options;
        Kinds = new ReadOnlyCollection<KindResult>([.. kinds]);

        // Read-only wrappers: a caller casting a result list back to an array or List<T> must not change a result.
        Touchpoints = touchpoints as ReadOnlyCollection<TouchpointCredit> ?? new ReadOnlyCollection<TouchpointCredit>(touchpoints as IList<TouchpointCredit> ?? [.. touchpoints]);
    }

    /// <summary>Gets the model the engine ran, so that its credits can be run again a block at a time
    /// (<see cref="ContributionRecords.Stream(AttributionReport)"/>).</summary>
    internal Models.IAttributionModel? RunModel { get; init; }

    /// <summary>Gets the model's name.</summary>
    public string Model { get; }

    /// <summary>Gets the journeys that were attributed; touchpoint credits index into it.</summary>
    public JourneySet Journeys { get; }

    /// <summary>Gets the options the result was computed with.</summary>
    public Engine.AttributionOptions Options { get; }

    /// <summary>Gets the result of every conversion kind in the data, in order of the kind's first appearance.</summary>
    /// <remarks>Different kinds are never added together: a lead and an order are different things.</remarks>
    public IReadOnlyList<KindResult> Kinds { get; }

    /// <summary>Gets the result of one conversion kind.</summary>
    /// <param name="kind">The kind, for example <c>order</c>.</param>
    /// <returns>That kind's credits.</returns>
    /// <exception cref="KeyNotFoundException">The data has no conversion of that kind.</exception>
    public KindResult ForKind(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var result in Kinds)
        {
            if (result.Kind == kind)
            {
                return result;
            }
        }

        throw new KeyNotFoundException($"The data has no conversion of kind '{kind}'. Its kinds: {string.Join(", ", Kinds.Select(k => k.Kind))}.");
    }

    /// <summary>Gets the credit of every channel, for data with one conversion kind (see <see cref="ForKind"/> otherwise).</summary>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds.</exception>
    public CreditTotals ByChannel => Single.ByChannel;

    /// <summary>Gets the credit of every campaign, for data with one conversion kind (see <see cref="ForKind"/> otherwise).</summary>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds.</exception>
    public CreditTotals ByCampaign => Single.ByCampaign;

    /// <summary>Gets the number of conversions reported, of every kind.</summary>
    public int ConversionCount => Kinds.Sum(k => k.ConversionCount);

    /// <summary>Gets the value of all conversions, for data with one conversion kind.</summary>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds.</exception>
    public double TotalValue => Single.TotalValue;

    /// <summary>Gets the conversions credited to touchpoints, of every kind (a sum of shares; a conversion counts once whatever its kind).</summary>
    public double CreditedConversions => Kinds.Sum(k => k.CreditedConversions);

    /// <summary>Gets the value credited to touchpoints, for data with one conversion kind.</summary>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds.</exception>
    public double CreditedValue => Single.CreditedValue;

    /// <summary>Gets the number of conversions, of every kind, with no eligible touchpoint (or whose touchpoints all weighed 0).</summary>
    public int UnattributedConversions => Kinds.Sum(k => k.UnattributedConversions);

    /// <summary>Gets the value of the unattributed conversions, for data with one conversion kind.</summary>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds.</exception>
    public double UnattributedValue => Single.UnattributedValue;

    /// <summary>Gets the unattributed conversions as a total keyed <see cref="UnattributedKey"/>, for data with one conversion kind.</summary>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds.</exception>
    public CreditTotal Unattributed => Single.Unattributed;

    /// <summary>Gets every touchpoint's credit for every conversion, by journey and conversion in order; empty unless
    /// <see cref="Engine.AttributionOptions.IncludeTouchpointCredits"/> was set.</summary>
    public IReadOnlyList<TouchpointCredit> Touchpoints { get; }

    private KindResult Single => Kinds.Count == 1
        ? Kinds[0]
        : throw new InvalidOperationException(
            $"The data has {Kinds.Count} conversion kinds ({string.Join(", ", Kinds.Select(k => k.Kind))}) and kinds are never added together; use ForKind(kind) or Kinds.");

    /// <inheritdoc/>
    public override string ToString() => $"{Model}: {string.Join("; ", Kinds)}";
}
