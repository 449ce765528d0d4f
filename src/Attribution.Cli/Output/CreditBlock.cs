using Attribution.Engine;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>What one model credited for the conversions of one kind: the unit every report format shows, one block per
/// model × kind (kinds are never added together).</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Kind">The conversion kind (<c>conversion</c> for a path file, which has no kinds).</param>
/// <param name="TotalConversions">The conversions of this kind (a path file's may be fractions).</param>
/// <param name="TotalValue">Their value.</param>
/// <param name="UnattributedConversions">The conversions credited to no key.</param>
/// <param name="UnattributedValue">Their value.</param>
/// <param name="Rows">The credit per key, by value descending, then key (ordinal).</param>
internal sealed record CreditBlock(string Model, string Kind, double TotalConversions, double TotalValue, double UnattributedConversions, double UnattributedValue, IReadOnlyList<CreditTotal> Rows)
{
    /// <summary>Gets whether the block has an <c>(unattributed)</c> row: some conversion of the kind had no credit.</summary>
    public bool HasUnattributed => UnattributedConversions > 0 || UnattributedValue > 0;

    /// <summary>Gets the unattributed row.</summary>
    public CreditTotal Unattributed => new(AttributionResult.UnattributedKey, UnattributedConversions, UnattributedValue);

    /// <summary>Gets the bootstrap interval of each row's key, when <c>--intervals</c> was given and the model has one for
    /// this grouping (data-driven models have none per campaign).</summary>
    public IReadOnlyDictionary<string, CreditInterval>? Intervals { get; init; }

    /// <summary>Gets a row's interval, or null when it has none (the unattributed and total rows never do).</summary>
    public CreditInterval? IntervalOf(string key) => Intervals is not null && Intervals.TryGetValue(key, out var interval) ? interval : null;

    /// <summary>Creates a block, sorting its rows by value descending, then key.</summary>
    public static CreditBlock Create(string model, string kind, double totalConversions, double totalValue, double unattributedConversions, double unattributedValue, IEnumerable<CreditTotal> rows)
        => new(model, kind, totalConversions, totalValue, unattributedConversions, unattributedValue, [.. rows.OrderByDescending(static r => r.Value).ThenBy(static r => r.Key, StringComparer.Ordinal)]);
}

/// <summary>The blocks of one report and what the reader must know to read them: what was counted, and the period.</summary>
/// <param name="Blocks">One block per model × kind, models in the order given, kinds in the data's order.</param>
/// <param name="KeyHeader">The key column's name: <c>channel</c> or <c>campaign</c>.</param>
/// <param name="Summary">What was read, for the table's first line, for example "3 journeys, 5 touchpoints".</param>
/// <param name="Period">The reporting period, or null when every conversion is reported.</param>
internal sealed record CreditReport(IReadOnlyList<CreditBlock> Blocks, string KeyHeader, string Summary, ReportingPeriod? Period)
{
    /// <summary>Gets the touch rows <c>--count-statuses</c> left out, per status (empty when every row counted).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> NotCountedByStatus { get; init; } = [];

    /// <summary>Gets the level, resamples and seed of the blocks' intervals, or null without <c>--intervals</c>.</summary>
    public IntervalOptions? Intervals { get; init; }

    /// <summary>Attaches each block's intervals (by model, kind and grouping) from a bootstrap.</summary>
    public CreditReport WithIntervals(IntervalReport? intervals, ReportGrouping grouping)
    {
        if (intervals is null)
        {
            return this;
        }

        var blocks = new List<CreditBlock>(Blocks.Count);
        foreach (var block in Blocks)
        {
            var kind = intervals.Models.FirstOrDefault(m => m.Model == block.Model)?.Kinds.FirstOrDefault(k => k.Kind == block.Kind);
            var rows = kind is null ? [] : grouping == ReportGrouping.Campaign ? kind.ByCampaign : kind.ByChannel;
            blocks.Add(rows.Count == 0 ? block : block with { Intervals = rows.ToDictionary(static r => r.Key, StringComparer.Ordinal) });
        }

        return this with { Blocks = blocks, Intervals = intervals.Options };
    }

    /// <summary>Gets the level as people read it: 0.9 → "90%".</summary>
    public string LevelText => Intervals is null ? string.Empty : (Intervals.Level * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>Takes the blocks of an engine report: one per model and kind, keeping only <paramref name="kinds"/> when
    /// given, and for a model named in <paramref name="kindsOfModel"/> only the kinds it learnt.</summary>
    public static CreditReport From(AttributionReport report, ReportGrouping grouping, IReadOnlyCollection<string>? kinds = null, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? kindsOfModel = null)
    {
        var blocks = new List<CreditBlock>();
        foreach (var result in report.Results)
        {
            var learnt = kindsOfModel?.GetValueOrDefault(result.Model);
            foreach (var kind in result.Kinds)
            {
                if ((kinds is not null && !kinds.Contains(kind.Kind)) || (learnt is not null && !learnt.Contains(kind.Kind)))
                {
                    continue;
                }

                blocks.Add(CreditBlock.Create(
                    result.Model,
                    kind.Kind,
                    kind.ConversionCount,
                    kind.TotalValue,
                    kind.UnattributedConversions,
                    kind.UnattributedValue,
                    grouping switch
                    {
                        ReportGrouping.Campaign => kind.ByCampaign,
                        ReportGrouping.TouchType => kind.ByTouchType,
                        _ => kind.ByChannel,
                    }));
            }
        }

        var journeys = report.Journeys;
        var summary = FormattableString.Invariant($"{journeys.Count:N0} journeys, {journeys.TouchpointCount:N0} touchpoints, {journeys.ConversionCount:N0} conversions");
        if (journeys.NotCountedByStatus.Count > 0)
        {
            summary += ", " + Commands.EligibilityOptions.DescribeNotCounted(journeys);
        }

        var period = report.Results.Count > 0 ? report.Results[0].Options.Period : null;
        return new CreditReport(blocks, ReportWriter.KeyHeader(grouping), summary, period) { NotCountedByStatus = journeys.NotCountedByStatus };
    }

    /// <summary>Describes the period for people: "from 2026-01-01T00:00:00Z to 2026-04-01T00:00:00Z (exclusive)".</summary>
    public static string Describe(ReportingPeriod period)
        => FormattableString.Invariant($"from {Instant(period.From)} to {Instant(period.To)} (exclusive)");

    /// <summary>Formats an instant as ISO-8601 UTC, the way the JSON report writes it.</summary>
    public static string Instant(DateTimeOffset instant)
        => Attribution.IO.Internal.Iso8601.Format(instant);
}
