using System.Collections;
using System.Diagnostics;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Reports;

/// <summary>The contribution of every campaign to every conversion it influenced, per model, with views from either side.</summary>
/// <remarks>
/// <para>There is one record per (model, conversion, campaign, channel): the touches of one campaign through one channel
/// that were eligible for the conversion, their shares added up. A campaign runs on one channel in most data, so that is
/// one record per (model, conversion, campaign). Touches without a campaign are grouped under
/// <see cref="AttributionResult.NoCampaignKey"/>, per channel.</para>
/// <para>The records of a conversion add up to its value (shares to 1); the records of a campaign add up to its total in
/// <see cref="AttributionResult.ByCampaign"/>. Unattributed conversions have no record, and neither has a
/// campaign whose touches the model weighed 0 (the middle touches under last touch, for example).</para>
/// <para>Records need every touchpoint's credit: run the engine with
/// <see cref="Engine.AttributionOptions.IncludeTouchpointCredits"/> set, which keeps all of them in memory; or, for large
/// data, take them from <see cref="Stream(JourneySet, IEnumerable{IAttributionModel}, AttributionOptions?)"/>, which makes
/// them a block of journeys at a time as they are enumerated and holds only a few blocks' credits.</para>
/// </remarks>
/// <example>
/// <code>
/// var engine = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true });
/// var records = ContributionRecords.From(engine.Run(journeys, [AttributionModels.Linear]));
/// foreach (var r in records.ForConversion("order-1"))
///     Console.WriteLine($"{r.Campaign}: {r.Share:P0}");
/// </code>
/// </example>
public sealed class ContributionRecords : IReadOnlyList<ContributionRecord>
{
    private readonly ContributionRecord[] records;

    private ContributionRecords(ContributionRecord[] records) => this.records = records;

    /// <summary>Gets the number of records.</summary>
    public int Count => records.Length;

    /// <summary>Gets a record.</summary>
    /// <param name="index">The record's index.</param>
    public ContributionRecord this[int index] => records[index];

    /// <summary>Builds the records of one model's result.</summary>
    /// <param name="result">The result; it must hold touchpoint credits.</param>
    /// <returns>The records, by journey, conversion in time order, then campaign in order of the first eligible touch.</returns>
    /// <exception cref="InvalidOperationException">The result credited conversions but holds no touchpoint credits.</exception>
    public static ContributionRecords From(AttributionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ContributionRecords([.. Build(result)]);
    }

    /// <summary>Builds the records of every model of a report.</summary>
    /// <param name="report">The report; it must hold touchpoint credits.</param>
    /// <returns>The records of each model, models in report order.</returns>
    /// <exception cref="InvalidOperationException">A result credited conversions but holds no touchpoint credits.</exception>
    public static ContributionRecords From(AttributionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ContributionRecords([.. report.Results.SelectMany(Build)]);
    }

    /// <summary>Builds the records of several models a block of journeys at a time, for writing them as they come:
    /// memory holds a few blocks' records, never all of them.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <param name="options">The eligibility rules and run settings; defaults when null.
    /// <see cref="Engine.AttributionOptions.IncludeTouchpointCredits"/> is not needed.</param>
    /// <returns>The same records, in the same order, as <see cref="From(AttributionReport)"/> on a report of these
    /// models; the models run as the sequence is enumerated, once per enumeration.</returns>
    /// <exception cref="ArgumentException">No model was given, or two models share a name.</exception>
    /// <exception cref="InvalidOperationException">A model returned a negative or non-finite weight (while enumerating).</exception>
    /// <example>
    /// <code>
    /// using var writer = new StreamWriter("contributions.csv");
    /// ContributionWriter.WriteCsv(writer, ContributionRecords.Stream(journeys, [AttributionModels.Linear]));
    /// </code>
    /// </example>
    public static IEnumerable<ContributionRecord> Stream(JourneySet journeys, IEnumerable<IAttributionModel> models, AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(models);
        var engine = new AttributionEngine(options);
        return Flatten(engine.StreamTouchpointCredits(journeys, [.. models]), journeys);
    }

    /// <summary>Builds the records of every model of a report a block of journeys at a time, running each model again
    /// (see <see cref="Stream(JourneySet, IEnumerable{IAttributionModel}, AttributionOptions?)"/>): the report need not hold
    /// touchpoint credits.</summary>
    /// <param name="report">The report, from <see cref="AttributionEngine.Run(JourneySet, IEnumerable{IAttributionModel})"/>.</param>
    /// <returns>The same records, in the same order, as <see cref="From(AttributionReport)"/> on a report that holds
    /// touchpoint credits.</returns>
    public static IEnumerable<ContributionRecord> Stream(AttributionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var models = report.Results.Select(r => r.RunModel ?? throw new UnreachableException("The engine keeps the model of every result.")).ToList();
        return Stream(report.Journeys, models, report.Results[0].Options);
    }

    /// <summary>Gets the id of a conversion: its own id, or one derived from its journey that is stable across runs and input order.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="conversion">The conversion's global index.</param>
    /// <returns>The conversion's id, or <c>{journey id}#{kind}#{n}</c> where n counts, from 1, the journey's conversions of that kind in time order.</returns>
    public static string GetConversionId(JourneySet journeys, int conversion)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var own = journeys.GetConversion(conversion).Id;
        if (own is not null)
        {
            return own;
        }

        var journey = JourneyOf(journeys, conversion);
        var kind = journeys.ConversionKinds[conversion];
        var n = 1;
        for (var c = journeys.ConversionOffsets[journey]; c < conversion; c++)
        {
            if (journeys.ConversionKinds[c] == kind)
            {
                n++;
            }
        }

        return FormattableString.Invariant($"{journeys.JourneyIdTable[journey]}#{journeys.KindTable[kind]}#{n}");
    }

    /// <summary>Gets the records of one conversion: which campaigns influenced it and how much.</summary>
    /// <param name="conversionId">The conversion's id.</param>
    /// <param name="model">Only this model's records, or every model's when <see langword="null"/>.</param>
    /// <returns>The records, in order.</returns>
    public IReadOnlyList<ContributionRecord> ForConversion(string conversionId, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(conversionId);
        return records.Where(r => r.ConversionId == conversionId && (model is null || r.Model == model)).ToArray();
    }

    /// <summary>Gets the records of one campaign: which conversions it influenced and how much.</summary>
    /// <param name="campaign">The campaign, or <see cref="AttributionResult.NoCampaignKey"/>.</param>
    /// <param name="model">Only this model's records, or every model's when <see langword="null"/>.</param>
    /// <returns>The records, in order.</returns>
    public IReadOnlyList<ContributionRecord> ForCampaign(string campaign, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return records.Where(r => r.Campaign == campaign && (model is null || r.Model == model)).ToArray();
    }

    /// <summary>Sums the records per model, conversion kind and campaign, with the campaign's spend and ROI.</summary>
    /// <param name="spend">The spend, matched by campaign name; none when <see langword="null"/>.</param>
    /// <returns>One row per (model, kind, campaign), in order of first appearance; kinds are never added together.</returns>
    public IReadOnlyList<CampaignContribution> ByCampaign(SpendTable? spend = null)
    {
        var rows = new List<(string Model, string Kind, string Campaign, List<string> Channels, HashSet<string> Conversions, double Shares, double Value)>();
        var index = new Dictionary<(string, string, string), int>();
        foreach (var r in records)
        {
            if (!index.TryGetValue((r.Model, r.ConversionKind, r.Campaign), out var i))
            {
                i = rows.Count;
                index.Add((r.Model, r.ConversionKind, r.Campaign), i);
                rows.Add((r.Model, r.ConversionKind, r.Campaign, [], new HashSet<string>(StringComparer.Ordinal), 0, 0));
            }

            var row = rows[i];
            if (!row.Channels.Contains(r.Channel))
            {
                row.Channels.Add(r.Channel);
            }

            row.Conversions.Add(r.ConversionId);
            rows[i] = row with { Shares = row.Shares + r.Share, Value = row.Value + r.Value };
        }

        return rows.Select(r => new CampaignContribution(
            r.Model,
            r.Campaign,
            r.Channels,
            r.Conversions.Count,
            r.Shares,
            r.Value,
            spend is null || r.Campaign == AttributionResult.NoCampaignKey ? 0 : spend.GetCampaignSpend(r.Campaign)) { Kind = r.Kind }).ToArray();
    }

    /// <inheritdoc/>
    public IEnumerator<ContributionRecord> GetEnumerator() => ((IEnumerable<ContributionRecord>)records).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => records.GetEnumerator();

    private static List<ContributionRecord> Build(AttributionResult result)
    {
        var credits = result.Touchpoints;
        if (credits.Count == 0 && result.CreditedConversions > 0)
        {
            throw new InvalidOperationException(
                $"The result of model '{result.Model}' holds no touchpoint credits; run the engine with AttributionOptions.IncludeTouchpointCredits = true to build contribution records.");
        }

        return [.. Build(result.Model, result.Journeys, credits)];
    }

    // Records are made on the caller's thread as it takes them, so each dies young: none outlives its write.
    private static IEnumerable<ContributionRecord> Flatten(IEnumerable<(string Model, List<TouchpointCredit> Credits)> blocks, JourneySet set)
    {
        foreach (var (model, credits) in blocks)
        {
            foreach (var record in Build(model, set, credits))
            {
                yield return record;
            }
        }
    }

    // The one home of the records' rule, for a whole result and for a block of journeys alike.
    private static IEnumerable<ContributionRecord> Build(string model, JourneySet set, IReadOnlyList<TouchpointCredit> credits)
    {
        var group = new List<(int Campaign, int Channel, double Share, double Value)>();
        var i = 0;
        while (i < credits.Count)
        {
            // Credits come grouped by conversion; sum each conversion's credits per (campaign, channel) in touch order.
            var conversion = credits[i].Conversion;
            var journey = credits[i].Journey;
            group.Clear();
            for (; i < credits.Count && credits[i].Conversion == conversion; i++)
            {
                var touch = credits[i].Touchpoint;
                var key = (set.TouchCampaigns[touch], set.TouchChannels[touch]);
                var g = group.FindIndex(x => (x.Campaign, x.Channel) == key);
                if (g < 0)
                {
                    group.Add((key.Item1, key.Item2, credits[i].Share, credits[i].Value));
                }
                else
                {
                    group[g] = group[g] with { Share = group[g].Share + credits[i].Share, Value = group[g].Value + credits[i].Value };
                }
            }

            var id = GetConversionId(set, conversion);
            var instant = new DateTimeOffset(set.ConversionTicks[conversion], TimeSpan.Zero);
            foreach (var (campaign, channel, share, value) in group)
            {
                // A model that weighs a touch 0 (first and last touch do) gave its campaign no part in the conversion.
                if (share == 0)
                {
                    continue;
                }

                yield return new ContributionRecord(
                    model,
                    campaign < 0 ? AttributionResult.NoCampaignKey : set.CampaignTable[campaign],
                    set.ChannelTable[channel],
                    set.JourneyIdTable[journey],
                    id,
                    set.KindTable[set.ConversionKinds[conversion]],
                    instant,
                    set.ConversionValues[conversion],
                    share,
                    value);
            }
        }
    }

    private static int JourneyOf(JourneySet journeys, int conversion)
    {
        // Offsets are non-decreasing; the last j with offsets[j] <= conversion skips journeys without conversions.
        var offsets = journeys.ConversionOffsets;
        int lo = 0, hi = journeys.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (offsets[mid] <= conversion)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
