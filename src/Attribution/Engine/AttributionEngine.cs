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

    /// <summary>Gets the options this engine runs with.</summary>
    public AttributionOptions Options { get; }

    /// <summary>Runs one model over a journey set.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="model">The model.</param>
    /// <returns>The model's credits.</returns>
    /// <exception cref="ArgumentException">An excluded channel does not occur in <paramref name="journeys"/>.</exception>
    /// <exception cref="InvalidOperationException">The model returned a negative or non-finite weight.</exception>
    public AttributionResult Run(JourneySet journeys, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(model);
        return RunCore(journeys, model, ResolveExclusions(journeys));
    }

    /// <summary>Runs several models over the same journey set.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <returns>The results side by side, in the order of <paramref name="models"/>.</returns>
    /// <exception cref="ArgumentException">No model was given, two models share a name, or an excluded channel does not occur in <paramref name="journeys"/>.</exception>
    public AttributionReport Run(JourneySet journeys, IEnumerable<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(models);
        var list = models.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one model.", nameof(models));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in list)
        {
            ArgumentNullException.ThrowIfNull(model, nameof(models));
            if (!names.Add(model.Name))
            {
                throw new ArgumentException($"Two models are named '{model.Name}'; give each model of a report a distinct name.", nameof(models));
            }
        }

        var excluded = ResolveExclusions(journeys);
        var results = new AttributionResult[list.Count];
        for (var m = 0; m < list.Count; m++)
        {
            results[m] = RunCore(journeys, list[m], excluded);
        }

        return new AttributionReport(journeys, results);
    }

    /// <summary>Runs several models over journey objects (interned into a <see cref="JourneySet"/> once).</summary>
    /// <param name="journeys">The journeys; their ids must be distinct.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <returns>The results side by side.</returns>
    public AttributionReport Run(IEnumerable<Journey> journeys, IEnumerable<IAttributionModel> models)
        => Run(JourneySet.Create(journeys), models);

    /// <summary>Credits the conversions of one journey: the friendly face over the same loop as <see cref="Run(JourneySet, IAttributionModel)"/>.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="model">The model.</param>
    /// <returns>Every touchpoint's credit per conversion, and the unattributed conversions.</returns>
    /// <remarks>Excluded channels that do not occur in this journey are not an error here: one journey rarely meets every channel.</remarks>
    public JourneyAttribution Attribute(Journey journey, IAttributionModel model)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(model);
        // Columns sized to this one journey: the friendly face runs per call, so it must not pay for a big set's buffers.
        var builder = new JourneySetBuilder(journey.Touchpoints.Length, journey.Conversions.Length);
        builder.Add(journey);
        var set = builder.Build();
        var allocator = new CreditAllocator(set, model, LookbackTicks, ResolveExclusions(set, requireKnown: false), recordTouchpoints: true);
        allocator.Run(0, 1);

        // The set sorts exactly as the journey does (stable, by UTC instant), so global indices are the journey's own.
        var credits = new Credit[allocator.Touchpoints!.Count];
        var credited = new bool[journey.Conversions.Length];
        for (var i = 0; i < credits.Length; i++)
        {
            var t = allocator.Touchpoints[i];
            credits[i] = new Credit(journey.Touchpoints[t.Touchpoint], journey.Conversions[t.Conversion], t.Share, t.Value);
            credited[t.Conversion] = true;
        }

        var unattributed = new List<Conversion>();
        for (var c = 0; c < credited.Length; c++)
        {
            if (!credited[c])
            {
                unattributed.Add(journey.Conversions[c]);
            }
        }

        return new JourneyAttribution(journey, credits, unattributed);
    }

    private long LookbackTicks => Options.Lookback.Ticks;

    private AttributionResult RunCore(JourneySet journeys, IAttributionModel model, bool[]? excluded)
    {
        var count = journeys.Count;
        var partitions = Math.Clamp((count + JourneysPerPartition - 1) / JourneysPerPartition, 1, MaxPartitions);
        var allocators = new CreditAllocator[partitions];
        var record = Options.IncludeTouchpointCredits;
        var lookback = LookbackTicks;

        var progress = Options.Progress;
        var done = 0;
        void RunOne(int p)
        {
            allocators[p] = RunPartition(journeys, model, lookback, excluded, record, p, partitions);
            if (progress is not null)
            {
                var size = (int)((long)count * (p + 1) / partitions) - (int)((long)count * p / partitions);
                progress.Report(new AttributionProgress(model.Name, Interlocked.Add(ref done, size), count));
            }
        }

        if (partitions == 1 || Options.MaxDegreeOfParallelism == 1)
        {
            for (var p = 0; p < partitions; p++)
            {
                RunOne(p);
            }
        }
        else
        {
            // Parallel.For would wrap a failure in AggregateException. Keep each partition's own exception and rethrow the
            // lowest one as itself: callers see the documented type, the same one a sequential run throws first.
            var errors = new Exception?[partitions];
            Parallel.For(
                0,
                partitions,
                new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism },
                p =>
                {
                    try
                    {
                        RunOne(p);
                    }
                    catch (Exception e)
                    {
                        errors[p] = e;
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

        return Reduce(journeys, model, allocators);
    }

    private static CreditAllocator RunPartition(JourneySet journeys, IAttributionModel model, long lookback, bool[]? excluded, bool record, int partition, int partitions)
    {
        var allocator = new CreditAllocator(journeys, model, lookback, excluded, record);
        var count = journeys.Count;
        allocator.Run((int)((long)count * partition / partitions), (int)((long)count * (partition + 1) / partitions));
        return allocator;
    }

    private static AttributionResult Reduce(JourneySet journeys, IAttributionModel model, CreditAllocator[] allocators)
    {
        var channels = journeys.ChannelTable;
        var campaigns = journeys.CampaignTable;
        var channelConversions = new double[channels.Count];
        var channelValues = new double[channels.Count];
        var campaignConversions = new double[campaigns.Count + 1];
        var campaignValues = new double[campaigns.Count + 1];
        var unattributed = 0;
        var unattributedValue = 0.0;
        var totalValue = 0.0;
        var touchpointCount = 0;

        foreach (var a in allocators)
        {
            Add(channelConversions, a.ChannelConversions);
            Add(channelValues, a.ChannelValues);
            Add(campaignConversions, a.CampaignConversions);
            Add(campaignValues, a.CampaignValues);
            unattributed += a.UnattributedConversions;
            unattributedValue += a.UnattributedValue;
            totalValue += a.TotalValue;
            touchpointCount += a.Touchpoints?.Count ?? 0;
        }

        var byChannel = new CreditTotal[channels.Count];
        for (var c = 0; c < byChannel.Length; c++)
        {
            byChannel[c] = new CreditTotal(channels[c], channelConversions[c], channelValues[c]);
        }

        var byCampaign = new List<CreditTotal>(campaigns.Count + 1);
        for (var c = 0; c < campaigns.Count; c++)
        {
            byCampaign.Add(new CreditTotal(campaigns[c], campaignConversions[c], campaignValues[c]));
        }

        if (Array.IndexOf(journeys.TouchCampaigns, JourneySet.NoCampaign) >= 0)
        {
            byCampaign.Add(new CreditTotal(AttributionResult.NoCampaignKey, campaignConversions[^1], campaignValues[^1]));
        }

        IReadOnlyList<TouchpointCredit> touchpoints = [];
        if (touchpointCount > 0)
        {
            var all = new List<TouchpointCredit>(touchpointCount);
            foreach (var a in allocators)
            {
                all.AddRange(a.Touchpoints!);
            }

            touchpoints = all;
        }

        return new AttributionResult(model.Name, journeys, byChannel, byCampaign, unattributed, unattributedValue, totalValue, touchpoints);
    }

    private static void Add(double[] into, double[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }

    private bool[]? ResolveExclusions(JourneySet journeys, bool requireKnown = true)
        => Eligibility.ResolveExclusions(journeys, Options.ExcludedChannels, requireKnown);
}
