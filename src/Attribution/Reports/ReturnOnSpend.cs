using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>Matches spend to credit per conversion kind and per channel or campaign: spend, credited conversions and value, ROAS, ROI and CPA.</summary>
/// <remarks>
/// <para>Spend is matched to credit by channel name, and by campaign name for campaigns (a campaign name identifies one
/// campaign, as in <see cref="AttributionResult.ByCampaign"/>). Spend lines without a campaign count for their channel
/// only.</para>
/// <para>Rows are per conversion kind: a lead's credit is never added to an order's, so CPA is a cost per lead, per
/// opportunity or per order, and ROAS the value of one kind against all spend. When the result has a reporting period,
/// only spend lines dated inside it count (see <see cref="SpendTable.Within"/>). A key that earned credit but that no
/// spend line names has <see cref="SpendReturn.HasSpendLine"/> false and no ratios ("n/a"), never a cost of 0.</para>
/// <para>Nothing is dropped: every channel or campaign of the data gets a row (with spend 0 when no line names it, so
/// ROAS and ROI are undefined), and every channel or campaign that has spend but earned no credit gets a row after them
/// (value 0, so ROAS is 0, ROI is −1 and CPA is undefined).</para>
/// </remarks>
/// <example>
/// <code>
/// var spend = new SpendTable([new SpendLine("paid_search", null, null, 1200)], "EUR");
/// foreach (var row in ReturnOnSpend.ByChannel(report["linear"], spend))
///     Console.WriteLine($"{row.Key}: ROAS {row.Roas?.ToString("F2") ?? "n/a"}");
/// </code>
/// </example>
public static class ReturnOnSpend
{
    /// <summary>The key of the row <see cref="Total"/> returns.</summary>
    public const string TotalKey = "(total)";

    /// <summary>Computes the return per channel under one model, kind by kind.</summary>
    /// <param name="result">The model's result.</param>
    /// <param name="spend">The spend; restricted to the result's reporting period when it has one (see <see cref="SpendTable.Within"/>).</param>
    /// <returns>For each kind of the result in order: the data's channels in order of first appearance, then channels with
    /// spend but absent from the data, in spend order. Every row's <see cref="SpendReturn.Kind"/> is set.</returns>
    public static IReadOnlyList<SpendReturn> ByChannel(AttributionResult result, SpendTable spend)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(spend);
        spend = spend.Within(result.Options.Period);
        var rows = new List<SpendReturn>();
        foreach (var kind in result.Kinds)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var credit in kind.ByChannel)
            {
                seen.Add(credit.Key);
                rows.Add(new SpendReturn(result.Model, credit.Key, [credit.Key], spend.GetChannelSpend(credit.Key), credit.Conversions, credit.Value)
                {
                    Kind = kind.Kind,
                    HasSpendLine = spend.HasChannel(credit.Key),
                });
            }

            foreach (var line in spend.ByChannel)
            {
                if (!seen.Contains(line.Key))
                {
                    rows.Add(new SpendReturn(result.Model, line.Key, line.Channels, line.Cost, 0, 0) { Kind = kind.Kind });
                }
            }
        }

        return rows;
    }

    /// <summary>Computes the return per campaign under one model, kind by kind.</summary>
    /// <param name="result">The model's result.</param>
    /// <param name="spend">The spend; restricted to the result's reporting period when it has one.</param>
    /// <returns>For each kind of the result in order: the data's campaigns in order of first appearance (with
    /// <see cref="AttributionResult.NoCampaignKey"/>, which has no spend, when some touch has no campaign), then campaigns
    /// with spend but absent from the data, in spend order.</returns>
    public static IReadOnlyList<SpendReturn> ByCampaign(AttributionResult result, SpendTable spend)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(spend);
        spend = spend.Within(result.Options.Period);
        var dataChannels = CampaignChannels(result.Journeys);
        var rows = new List<SpendReturn>();
        foreach (var kind in result.Kinds)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var credit in kind.ByCampaign)
            {
                seen.Add(credit.Key);
                var channels = dataChannels.TryGetValue(credit.Key, out var c) ? c : [];
                var cost = 0.0;
                var hasLine = false;
                if (credit.Key != AttributionResult.NoCampaignKey && spend.FindCampaign(credit.Key) is { } line)
                {
                    cost = line.Cost;
                    hasLine = true;
                    channels = Union(channels, line.Channels);
                }

                rows.Add(new SpendReturn(result.Model, credit.Key, channels, cost, credit.Conversions, credit.Value) { Kind = kind.Kind, HasSpendLine = hasLine });
            }

            foreach (var line in spend.ByCampaign)
            {
                if (!seen.Contains(line.Key))
                {
                    rows.Add(new SpendReturn(result.Model, line.Key, line.Channels, line.Cost, 0, 0) { Kind = kind.Kind });
                }
            }
        }

        return rows;
    }

    /// <summary>Computes the return per channel under every model of a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="spend">The spend.</param>
    /// <returns>The rows of <see cref="ByChannel(AttributionResult, SpendTable)"/> for each model, models in report order.</returns>
    public static IReadOnlyList<SpendReturn> ByChannel(AttributionReport report, SpendTable spend)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Results.SelectMany(r => ByChannel(r, spend)).ToArray();
    }

    /// <summary>Computes the return per campaign under every model of a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="spend">The spend.</param>
    /// <returns>The rows of <see cref="ByCampaign(AttributionResult, SpendTable)"/> for each model, models in report order.</returns>
    public static IReadOnlyList<SpendReturn> ByCampaign(AttributionReport report, SpendTable spend)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Results.SelectMany(r => ByCampaign(r, spend)).ToArray();
    }

    /// <summary>Computes the return of all spend under one model, for data with one conversion kind.</summary>
    /// <param name="result">The model's result.</param>
    /// <param name="spend">The spend.</param>
    /// <returns>A row keyed <see cref="TotalKey"/>: all spend against the credited conversions and value (unattributed conversions, which no channel earned, are left out).</returns>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds; use <see cref="Totals"/>.</exception>
    public static SpendReturn Total(AttributionResult result, SpendTable spend)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(spend);
        spend = spend.Within(result.Options.Period);
        return new SpendReturn(result.Model, TotalKey, [], spend.Total, result.CreditedConversions, result.CreditedValue) { Kind = result.Kinds.Count == 1 ? result.Kinds[0].Kind : Journeys.Conversion.DefaultKind };
    }

    /// <summary>Computes the return of all spend under one model, one row per conversion kind: cost per lead, per opportunity, per order.</summary>
    /// <param name="result">The model's result.</param>
    /// <param name="spend">The spend; restricted to the result's reporting period when it has one.</param>
    /// <returns>A row keyed <see cref="TotalKey"/> per kind, in the order of <see cref="AttributionResult.Kinds"/>: all spend
    /// against that kind's credited conversions and value.</returns>
    public static IReadOnlyList<SpendReturn> Totals(AttributionResult result, SpendTable spend)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(spend);
        spend = spend.Within(result.Options.Period);
        return [.. result.Kinds.Select(k => new SpendReturn(result.Model, TotalKey, [], spend.Total, k.CreditedConversions, k.CreditedValue) { Kind = k.Kind })];
    }

    /// <summary>Finds the channels each campaign's touches use, in order of first appearance.</summary>
    private static Dictionary<string, IReadOnlyList<string>> CampaignChannels(JourneySet journeys)
    {
        var lists = new List<string>?[journeys.CampaignTable.Count + 1];
        var channels = journeys.TouchChannels;
        var campaigns = journeys.TouchCampaigns;
        for (var t = 0; t < channels.Length; t++)
        {
            var slot = campaigns[t] < 0 ? lists.Length - 1 : campaigns[t];
            var list = lists[slot] ??= [];
            var name = journeys.ChannelTable[channels[t]];
            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }

        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var k = 0; k < lists.Length; k++)
        {
            if (lists[k] is { } list)
            {
                map[k == lists.Length - 1 ? AttributionResult.NoCampaignKey : journeys.CampaignTable[k]] = list;
            }
        }

        return map;
    }

    private static List<string> Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var all = first.ToList();
        foreach (var name in second)
        {
            if (!all.Contains(name))
            {
                all.Add(name);
            }
        }

        return all;
    }
}
