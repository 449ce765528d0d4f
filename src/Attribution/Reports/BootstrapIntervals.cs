using System.Runtime.ExceptionServices;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.Reports;

/// <summary>Confidence intervals for every model: a bootstrap over journeys (or over the walks of a path set) giving, per
/// model, conversion kind and channel (or campaign), the estimate and a percentile interval of credited value, credited
/// conversions and value share.</summary>
/// <remarks>
/// <para><b>Resampling.</b> Each resample draws as many journeys as the data has, uniformly with replacement (journey j
/// then counts W_j times, (W_1 … W_n) multinomial). A path set is resampled the same way over its walks: a row with
/// <c>c</c> conversions and <c>u</c> non-conversions is <c>c + u</c> walks, and a resampled conversion of a row carries
/// the row's mean value per conversion; fractional counts are weights, and round(total walks) walks are drawn.</para>
/// <para><b>Models.</b> A rule-based model's credit of a conversion does not depend on the other journeys, so each
/// conversion's credit vector (each path row's, for paths) is computed once and a resample only re-sums it with the
/// weights W. A data-driven model (Markov chain, Shapley) is fitted again on every resample's path counts: on journeys,
/// one model per conversion kind, each conversion then split by the refitted model's weights for its eligible touches,
/// as the engine splits it; on paths, the refitted model's own path-level credit (<see cref="MarkovModel.Results"/>,
/// <see cref="ShapleyModel.ByChannel"/>). Data-driven models have no campaign intervals.</para>
/// <para><b>Share.</b> A key's value share is its credited value over the value of all reported conversions of the kind
/// (<see cref="KindResult.TotalValue"/>, unattributed value included), both computed within each resample.</para>
/// <para><b>Percentiles.</b> With R resamples of a statistic sorted as x₁ ≤ … ≤ x_R and α = (1 − level) / 2, the interval
/// is [Q(α), Q(1 − α)] with Hyndman and Fan's type 7 quantile (the default of R and NumPy): h = (R − 1)·p + 1,
/// Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). The estimate is the statistic on the data itself, not a bootstrap mean.</para>
/// <para><b>Determinism.</b> Resample r draws from a random stream seeded by (<see cref="IntervalOptions.Seed"/>, r) only,
/// and sums its journeys in journey order, so the intervals are the same, bit for bit, on any number of threads.</para>
/// </remarks>
/// <example>
/// <code>
/// var models = new[] { new ModelDefinition("linear", "linear"), new ModelDefinition("markov", "markov") };
/// IntervalReport intervals = BootstrapIntervals.Run(journeys, models, options, new IntervalOptions { Level = 0.9 });
/// foreach (var row in intervals["markov"].ForKind("order").ByChannel)
///     Console.WriteLine($"{row.Key}: {row.Share:P1} [{row.ShareLow:P1}, {row.ShareHigh:P1}]");
/// </code>
/// </example>
public static class BootstrapIntervals
{
    /// <summary>Bootstraps models over journeys.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <param name="options">The eligibility rules, as for <see cref="AttributionEngine"/>; defaults when null.</param>
    /// <param name="intervals">The level, resamples and seed; defaults when null.</param>
    /// <returns>The intervals of every model, per kind and channel.</returns>
    /// <exception cref="ArgumentException">No model was given, two share a name, or a data-driven model cannot learn from a resample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IntervalReport Run(JourneySet journeys, IEnumerable<ModelDefinition> models, AttributionOptions? options = null, IntervalOptions? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(models);
        options ??= new AttributionOptions();
        options.Validate();
        intervals ??= new IntervalOptions();
        intervals.Validate();
        var definitions = Distinct(models);
        if (journeys.Count == 0)
        {
            throw new ArgumentException("The journey set is empty: there is nothing to resample.", nameof(journeys));
        }

        // Resamples run in parallel; the engine that computes each conversion's credit once runs on one thread per resample worker.
        options = options with { Progress = null, IncludeTouchpointCredits = false };
        var windows = EligibilityWindows.For(journeys, options);
        var layout = BootstrapLayout.For(journeys, intervals.IncludeCampaigns);
        var engine = new AttributionEngine(options);
        var resampled = new ResampledModel[definitions.Count];
        for (var m = 0; m < resampled.Length; m++)
        {
            var definition = definitions[m];
            resampled[m] = definition.IsDataDriven
                ? new JourneyFittedModel(definition, windows, layout)
                : new JourneyFixedModel(definition.Create(), engine, journeys, layout);
        }

        return Compute(layout, resampled, new JourneySampler(windows, layout.Kinds.Count), intervals);
    }

    /// <summary>Bootstraps models over aggregated paths, resampling their walks.</summary>
    /// <param name="paths">The paths, for example a ChannelAttribution path file.</param>
    /// <param name="models">Data-driven models, or rule-based models that can run on paths (<see cref="PathAttribution.CanRun"/>); names distinct.</param>
    /// <param name="intervals">The level, resamples and seed; defaults when null. <see cref="IntervalOptions.IncludeCampaigns"/> is ignored: paths have no campaigns.</param>
    /// <returns>The intervals of every model, for the one kind <c>conversion</c>.</returns>
    /// <exception cref="ArgumentException">No model was given, two share a name, a model cannot run on paths, the paths
    /// hold no walk, or a data-driven model cannot learn from a resample.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IntervalReport Run(PathSet paths, IEnumerable<ModelDefinition> models, IntervalOptions? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(models);
        intervals ??= new IntervalOptions();
        intervals.Validate();
        var definitions = Distinct(models);
        var sampler = new PathSampler(paths);
        var layout = BootstrapLayout.For(paths);
        var resampled = new ResampledModel[definitions.Count];
        for (var m = 0; m < resampled.Length; m++)
        {
            var definition = definitions[m];
            if (definition.IsDataDriven)
            {
                resampled[m] = new PathFittedModel(definition, paths);
                continue;
            }

            var model = definition.Create();
            if (!PathAttribution.CanRun(model, out var reason))
            {
                throw new ArgumentException($"Cannot run on paths: {reason}.", nameof(models));
            }

            resampled[m] = new PathFixedModel(model, paths);
        }

        return Compute(layout, resampled, sampler, intervals);
    }

    /// <summary>The type 7 quantile of sorted values (see the class remarks).</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = ((sorted.Length - 1) * p) + 1;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length)
        {
            return sorted[^1];
        }

        var below = sorted[lower - 1];
        var fraction = h - lower;
        return fraction == 0 ? below : below + (fraction * (sorted[lower] - below));
    }

    private static List<ModelDefinition> Distinct(IEnumerable<ModelDefinition> models)
    {
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
                throw new ArgumentException($"Two models are named '{model.Name}'; give each model a distinct name.", nameof(models));
            }
        }

        return list;
    }

    private static IntervalReport Compute(BootstrapLayout layout, ResampledModel[] models, ResampleSampler sampler, IntervalOptions options)
    {
        var resamples = options.Resamples;
        var width = 2 * layout.Slots;

        // Per model: resample r's (conversions, value) sums of every slot at [r · width, (r + 1) · width).
        var sums = new double[models.Length][];
        for (var m = 0; m < models.Length; m++)
        {
            sums[m] = new double[resamples * width];
        }

        // Resample r's value of every kind's reported conversions at [r · kinds, (r + 1) · kinds): the shares' denominators.
        var kinds = layout.Kinds.Count;
        var kindValues = new double[resamples * kinds];
        var point = new double[models.Length][];
        var original = sampler.Original();
        for (var m = 0; m < models.Length; m++)
        {
            point[m] = new double[width];
            models[m].Accumulate(original, point[m].AsSpan(0, layout.Slots), point[m].AsSpan(layout.Slots), models[m].CreateScratch());
        }

        void RunOne(int r, BootstrapWorker worker)
        {
            var random = BootstrapRandom.For(options.Seed, r);
            sampler.Draw(ref random, worker.Sample);
            worker.Sample.KindValues.CopyTo(kindValues.AsSpan(r * kinds, kinds));
            for (var m = 0; m < models.Length; m++)
            {
                var into = sums[m].AsSpan(r * width, width);
                models[m].Accumulate(worker.Sample, into[..layout.Slots], into[layout.Slots..], worker.Scratch[m]);
            }
        }

        if (options.MaxDegreeOfParallelism == 1)
        {
            var worker = new BootstrapWorker(sampler, models);
            for (var r = 0; r < resamples; r++)
            {
                RunOne(r, worker);
            }
        }
        else
        {
            try
            {
                Parallel.For(
                    0,
                    resamples,
                    new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
                    () => new BootstrapWorker(sampler, models),
                    (r, _, worker) =>
                    {
                        RunOne(r, worker);
                        return worker;
                    },
                    static _ => { });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // Callers see the documented exception type, as on one thread.
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }

        var results = new ModelIntervals[models.Length];
        for (var m = 0; m < models.Length; m++)
        {
            results[m] = Summarise(layout, models[m], point[m], sums[m], original.KindValues, kindValues, options);
        }

        return new IntervalReport(options, results);
    }

    private static ModelIntervals Summarise(BootstrapLayout layout, ResampledModel model, double[] point, double[] sums, double[] pointKindValues, double[] kindValues, IntervalOptions options)
    {
        var resamples = options.Resamples;
        var width = 2 * layout.Slots;
        var alpha = (1 - options.Level) / 2;
        var conversions = new double[resamples];
        var values = new double[resamples];
        var shares = new double[resamples];
        var totals = new double[resamples];
        var kinds = new KindIntervals[layout.Kinds.Count];
        for (var k = 0; k < kinds.Length; k++)
        {
            CreditInterval[] Rows(IReadOnlyList<(int Key, string Name)> keys)
            {
                var pointTotal = pointKindValues[k];
                for (var r = 0; r < resamples; r++)
                {
                    totals[r] = kindValues[(r * layout.Kinds.Count) + k];
                }

                var rows = new CreditInterval[keys.Count];
                for (var i = 0; i < rows.Length; i++)
                {
                    var slot = layout.Slot(k, keys[i].Key);
                    for (var r = 0; r < resamples; r++)
                    {
                        conversions[r] = sums[(r * width) + slot];
                        values[r] = sums[(r * width) + layout.Slots + slot];
                        shares[r] = totals[r] > 0 ? values[r] / totals[r] : 0;
                    }

                    Array.Sort(conversions);
                    Array.Sort(values);
                    Array.Sort(shares);
                    var value = point[layout.Slots + slot];
                    rows[i] = new CreditInterval(
                        keys[i].Name,
                        point[slot],
                        Quantile(conversions, alpha),
                        Quantile(conversions, 1 - alpha),
                        value,
                        Quantile(values, alpha),
                        Quantile(values, 1 - alpha),
                        pointTotal > 0 ? value / pointTotal : 0,
                        Quantile(shares, alpha),
                        Quantile(shares, 1 - alpha));
                }

                return rows;
            }

            var byChannel = Rows(layout.ChannelKeys);
            var byCampaign = model.CreditsCampaigns ? Rows(layout.CampaignKeys) : [];
            kinds[k] = new KindIntervals(layout.Kinds[k], byChannel, byCampaign);
        }

        return new ModelIntervals(model.Name, model.IsDataDriven, kinds);
    }
}
