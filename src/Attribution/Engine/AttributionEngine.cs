using System.Runtime.Intrinsics;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Engine;

/// <summary>Runs attribution models over journeys: eligibility, allocation and roll-ups, shared by every model.</summary>
/// <remarks>
/// <para>For each conversion the engine picks the eligible touchpoints (see <see cref="AttributionOptions"/>), asks the
/// model for their weights, scales the weights to add up to 1 and multiplies them by the conversion's value.</para>
/// <para>Journeys are split into partitions that depend only on the number of journeys; partitions run in parallel and
/// their sums are added in partition order, so results are the same, bit for bit, on any number of threads.</para>
/// </remarks>
/// <example>
/// <code>
/// var engine = new AttributionEngine(new AttributionOptions { Lookback = TimeSpan.FromDays(30) });
/// AttributionReport report = engine.Run(journeys, [AttributionModels.Linear, AttributionModels.TimeDecay()]);
/// foreach (var channel in report["linear"].ByChannel)
///     Console.WriteLine($"{channel.Key}: {channel.Value:F2}");
/// </code>
/// </example>
public sealed class AttributionEngine
{
    // Fixed partitions make the order of floating-point sums independent of the thread count.
    private const int JourneysPerPartition = 16_384;
    private const int MaxPartitions = 64;

    /// <summary>Creates an engine.</summary>
    /// <param name="options">The eligibility rules and run settings; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AttributionEngine(AttributionOptions? options = null)
    {
        Options = options ?? new AttributionOptions();
        Options.Validate();
    }

    internal static AttributionOptions DefaultOptions { get; } = new();

    /// <summary>Gets the options this engine runs with.</summary>
    public AttributionOptions Options { get; }

    /// <summary>Runs one model over a journey set.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="model">The model.</param>
    /// <returns>The model's credits.</returns>
    /// <exception cref="InvalidOperationException">The model returned a negative or non-finite weight.</exception>
    public AttributionResult Run(JourneySet journeys, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(model);
        return RunCore(EligibilityWindows.For(journeys, Options), model);
    }

    /// <summary>Runs several models over the same journey set.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <returns>The results side by side, in the order of <paramref name="models"/>.</returns>
    /// <exception cref="ArgumentException">No model was given, or two models share a name.</exception>
    /// <exception cref="InvalidOperationException">A model returned a negative or non-finite weight.</exception>
    public AttributionReport Run(JourneySet journeys, IEnumerable<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(models);
        var list = models.ToList();
        RequireDistinctNames(list);

        // Windows once for every model of the report.
        var windows = EligibilityWindows.For(journeys, Options);
        var results = new AttributionResult[list.Count];
        for (var m = 0; m < list.Count; m++)
        {
            results[m] = RunCore(windows, list[m]);
        }

        return new AttributionReport(journeys, results);
    }

    /// <summary>Runs several models over journey objects (interned into a <see cref="JourneySet"/> once).</summary>
    /// <param name="journeys">The journeys; their ids must be distinct.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <returns>The results side by side.</returns>
    public AttributionReport Run(IEnumerable<Journey> journeys, IEnumerable<IAttributionModel> models)
        => Run(JourneySet.Create(journeys), models);

    /// <summary>Credits the conversions of one journey: the friendly face, under the same eligibility rule and the same
    /// weight-to-share arithmetic as <see cref="Run(JourneySet, IAttributionModel)"/>.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="model">The model.</param>
    /// <returns>Every touchpoint's credit per conversion, and the unattributed conversions.</returns>
    /// <exception cref="InvalidOperationException">The model returned a negative or non-finite weight.</exception>
    public JourneyAttribution Attribute(Journey journey, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(model);
        return OneJourney.Attribute(journey, model, Options);
    }

    /// <summary>Explains how a model credits the conversions of one journey: for every conversion, its eligible touches
    /// and why each other touch before it is not eligible (outside the lookback, before a reset, an excluded channel, a
    /// conversion outside the reporting period), and for each eligible touch its weight, share and credited value with
    /// the model's reason.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="model">The model.</param>
    /// <returns>The explanation; its eligible touches' values are the credits <see cref="Attribute"/> and
    /// <see cref="Run(JourneySet, IAttributionModel)"/> give the journey.</returns>
    /// <remarks>
    /// <para>The reason depends on the model: the touch's position for first-touch, last-touch, linear and the U-shaped
    /// family; Δt and 2^(−Δt / h) for time-decay; the milestones the touch holds for W-shaped, full-path and milestones;
    /// the channel's removal effect for a <see cref="DataDriven.MarkovModel"/>; the channel's Shapley value, with the
    /// worth v(S) of the coalitions of the conversion's channel set, for a <see cref="DataDriven.ShapleyModel"/>; the
    /// channel's weight for channel weights. Any other model gets its weight and share with a generic reason.</para>
    /// <para>A touch that is both outside the lookback and before a reset is reported as outside the lookback. The model's
    /// weights are asked for once per conversion, as in a run.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// JourneyExplanation why = new AttributionEngine().Explain(journey, AttributionModels.TimeDecay());
    /// Console.WriteLine(why);   // one line per touch: "Δt 9d, 2^(−Δt/h) = 2^(−9d / 7d) = 0.409…"
    /// </code>
    /// </example>
    /// <exception cref="InvalidOperationException">The model returned a negative or non-finite weight.</exception>
    public JourneyExplanation Explain(Journey journey, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(model);
        return JourneyExplainer.Explain(journey, model, Options);
    }

    private AttributionResult RunCore(EligibilityWindows windows, IAttributionModel model)
    {
        var journeys = windows.Journeys;
        var bound = model.Bind(new ModelBindingArguments(journeys.ChannelTable, journeys.CampaignTable, Options.Stages));
        var count = journeys.Count;
        var partitions = Math.Clamp((count + JourneysPerPartition - 1) / JourneysPerPartition, 1, MaxPartitions);
        var totals = new PartitionTotals[partitions];
        var record = Options.IncludeTouchpointCredits;

        var progress = Options.Progress;
        var done = 0;
        var gate = new Lock();
        void RunOne(int p)
        {
            var first = (int)((long)count * p / partitions);
            var end = (int)((long)count * (p + 1) / partitions);
            totals[p] = CreditAllocator.Run(windows, bound, first, end, record);
            if (progress is not null)
            {
                // One report at a time, counts rising: a display never goes backwards.
                lock (gate)
                {
                    done += end - first;
                    progress.Report(new AttributionProgress(model.Name, done, count));
                }
            }
        }

        ForEachPartition(0, partitions, RunOne);

        return Reduce(journeys, model, totals);
    }

    /// <summary>Runs models one after the other and yields each block of journeys' touchpoint credits, in model order,
    /// then journey order.</summary>
    /// <remarks>Blocks of 16,384 journeys run in parallel, as many at a time as the run may use threads, and nothing more
    /// is computed until the caller has taken them: memory holds a few blocks, never the whole run. A block's list is
    /// reused once the caller moves on, so it is valid until the next item is asked for. A conversion's shares depend on
    /// its window alone, so they are the same bits as in a recording <see cref="Run(JourneySet, IAttributionModel)"/>,
    /// whatever the thread count.</remarks>
    internal IEnumerable<(string Model, List<TouchpointCredit> Credits)> StreamTouchpointCredits(JourneySet journeys, IReadOnlyList<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(models);
        RequireDistinctNames(models);
        return Stream(journeys, models);
    }

    private IEnumerable<(string Model, List<TouchpointCredit> Credits)> Stream(JourneySet journeys, IReadOnlyList<IAttributionModel> models)
    {
        var windows = EligibilityWindows.For(journeys, Options);
        var count = journeys.Count;
        var blocks = Math.Max(1, (count + JourneysPerPartition - 1) / JourneysPerPartition);
        var ahead = Options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Options.MaxDegreeOfParallelism;

        // One list per block in flight, kept from batch to batch: no block allocates its credits anew.
        var batch = new List<TouchpointCredit>[Math.Min(ahead, blocks)];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = [];
        }

        foreach (var model in models)
        {
            var bound = model.Bind(new ModelBindingArguments(journeys.ChannelTable, journeys.CampaignTable, Options.Stages));
            for (var b = 0; b < blocks; b += batch.Length)
            {
                var first = b;
                var n = Math.Min(batch.Length, blocks - b);
                ForEachPartition(first, n, p =>
                {
                    var start = (int)Math.Min(count, (long)p * JourneysPerPartition);
                    var end = (int)Math.Min(count, (long)(p + 1) * JourneysPerPartition);
                    var credits = batch[p - first];
                    credits.Clear();
                    CreditAllocator.Run(windows, bound, start, end, credits);
                });

                Options.Progress?.Report(new AttributionProgress(model.Name, (int)Math.Min(count, (long)(b + n) * JourneysPerPartition), count));
                for (var i = 0; i < n; i++)
                {
                    yield return (model.Name, batch[i]);
                }
            }
        }
    }

    private void ForEachPartition(int first, int count, Action<int> run)
    {
        if (count == 1 || Options.MaxDegreeOfParallelism == 1)
        {
            for (var p = first; p < first + count; p++)
            {
                run(p);
            }

            return;
        }

        // Parallel.For would wrap a failure in AggregateException. Keep each partition's own exception and rethrow the
        // lowest one as itself: callers see the documented type, the same one a sequential run throws first.
        var errors = new Exception?[count];
        Parallel.For(
            first,
            first + count,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism },
            p =>
            {
                try
                {
                    run(p);
                }
                catch (Exception e)
                {
                    errors[p - first] = e;
                }
            });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
        }
    }

    private static void RequireDistinctNames(IReadOnlyList<IAttributionModel> models)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("Give at least one model.", nameof(models));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            if (!names.Add(model.Name))
            {
                throw new ArgumentException($"Two models are named '{model.Name}'; give each model of a report a distinct name.", nameof(models));
            }
        }
    }

    private AttributionResult Reduce(JourneySet journeys, IAttributionModel model, PartitionTotals[] partitions)
    {
        var channels = journeys.ChannelTable;
        var campaigns = journeys.CampaignTable;
        var first = partitions[0];
        var channelSums = new Vector128<double>[first.Channels.Length];
        var campaignSums = new Vector128<double>[first.Campaigns.Length];
        var kinds = journeys.KindTable.Count;
        var unattributed = new int[first.Kinds];
        var unattributedValue = new double[first.Kinds];
        var totalValue = new double[first.Kinds];
        var conversions = new int[first.Kinds];
        var touchpointCount = 0;

        // Partition sums are added in partition order, so the thread count never changes a bit.
        foreach (var p in partitions)
        {
            Add(channelSums, p.Channels);
            Add(campaignSums, p.Campaigns);
            for (var k = 0; k < p.Kinds; k++)
            {
                unattributed[k] += p.UnattributedConversions[k];
                unattributedValue[k] += p.UnattributedValue[k];
                totalValue[k] += p.TotalValue[k];
                conversions[k] += p.ConversionCount[k];
            }

            touchpointCount += p.Touchpoints?.Count ?? 0;
        }

        var hasNoCampaign = Array.IndexOf(journeys.TouchCampaigns, JourneySet.NoCampaign) >= 0;
        var results = new KindResult[Math.Max(1, kinds)];
        for (var k = 0; k < results.Length; k++)
        {
            var byChannel = new CreditTotal[channels.Count];
            for (var c = 0; c < byChannel.Length; c++)
            {
                var sum = channelSums[(k * channels.Count) + c];
                byChannel[c] = new CreditTotal(channels[c], sum.GetElement(0), sum.GetElement(1));
            }

            // Campaign ids first, then the slot of touches without a campaign (slot 0) when some touch has none.
            var slots = first.CampaignSlots;
            var byCampaign = new List<CreditTotal>(slots);
            for (var c = 0; c < campaigns.Count; c++)
            {
                var sum = campaignSums[(k * slots) + c + 1];
                byCampaign.Add(new CreditTotal(campaigns[c], sum.GetElement(0), sum.GetElement(1)));
            }

            if (hasNoCampaign)
            {
                var sum = campaignSums[k * slots];
                byCampaign.Add(new CreditTotal(AttributionResult.NoCampaignKey, sum.GetElement(0), sum.GetElement(1)));
            }

            var kind = kinds == 0 ? Conversion.DefaultKind : journeys.KindTable[k];
            results[k] = new KindResult(kind, byChannel, byCampaign, conversions[k], totalValue[k], unattributed[k], unattributedValue[k]);
        }

        IReadOnlyList<TouchpointCredit> touchpoints = [];
        if (touchpointCount > 0)
        {
            var all = new List<TouchpointCredit>(touchpointCount);
            foreach (var p in partitions)
            {
                all.AddRange(p.Touchpoints!);
            }

            touchpoints = all;
        }

        return new AttributionResult(model.Name, journeys, Options, results, touchpoints) { RunModel = model };
    }

    private static void Add(Vector128<double>[] into, Vector128<double>[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }
}
