using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.B2B;

/// <summary>Flags channels (or campaigns) whose journeys look like paid-for fraud — leads that never progress, duplicate
/// leads, conversions injected seconds after a click, last touches that take far more credit than the journeys give them,
/// bursts of touches — with the numbers behind every signal. A flag is a lead for a person to check, not proof.</summary>
/// <remarks>
/// <para>The funnel is <see cref="AttributionOptions.Stages"/> (at least two): conversions of the first stage are the leads,
/// the second stage is progress. Conversions are credited to a row by the engine's last-touch model under the same options
/// (lookback, resets, excluded channels, period); the hijack signal also runs the linear model. Rows with fewer than
/// <see cref="SuspiciousChannelOptions.MinLeads"/> leads are "insufficient data" and never flagged.</para>
/// <para>A row's score is the number of signals that fired. Results are deterministic: the same journeys and options give the
/// same report, bit for bit, on any number of threads, rows sorted by score (highest first), then key (ordinal). Another
/// order of the same journeys gives the same rows and counts; the engine's sums may then differ in the last bits.</para>
/// </remarks>
/// <example>
/// <code>
/// var options = new AttributionOptions { Stages = ["lead", "opportunity", "order"] };
/// var report = SuspiciousChannels.Detect(journeys, options);
/// foreach (var row in report.Rows.Where(r => r.Score > 0))
///     Console.WriteLine($"{row.Key}: {row.Score} signals");
/// </code>
/// </example>
public static class SuspiciousChannels
{
    /// <summary>Computes every signal for every channel (or campaign) that has touches.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="options">The eligibility rules, with at least two <see cref="AttributionOptions.Stages"/>.</param>
    /// <param name="detection">The grouping and thresholds; defaults when null.</param>
    /// <returns>One row per channel (or campaign), by score, then key.</returns>
    /// <exception cref="ArgumentException">The options name fewer than two stages.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static SuspiciousChannelReport Detect(JourneySet journeys, AttributionOptions options, SuspiciousChannelOptions? detection = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(options);
        detection ??= new SuspiciousChannelOptions();
        detection.Validate();
        if (options.Stages.Count < 2)
        {
            throw new ArgumentException("Suspicious-channel detection needs a funnel of at least two stages (for example lead, opportunity): the first stage's conversions are the leads, the second is progress.", nameof(options));
        }

        // The engine credits every conversion: the same eligibility rules as every report, no second attribution loop here.
        var lastTouch = new AttributionEngine(options with { IncludeTouchpointCredits = true }).Run(journeys, AttributionModels.LastTouch);
        var linear = new AttributionEngine(options with { IncludeTouchpointCredits = false }).Run(journeys, AttributionModels.Linear);

        var groups = new Groups(journeys, detection.ByCampaign);
        var g = groups.Names.Count;
        var leadKind = IndexOf(journeys.Kinds, options.Stages[0]);
        var nextKind = IndexOf(journeys.Kinds, options.Stages[1]);
        var isStage = new bool[journeys.Kinds.Count];
        foreach (var stage in options.Stages)
        {
            if (IndexOf(journeys.Kinds, stage) is var k and >= 0)
            {
                isStage[k] = true;
            }
        }

        var (progressed, duplicate) = MarkLeads(journeys, leadKind, nextKind, detection.DuplicateWindow.Ticks);

        var leads = new int[g];
        var progress = new int[g];
        var duplicates = new int[g];
        var conversions = new int[g];
        var fast = new int[g];
        var delays = new List<long>[g];
        for (var i = 0; i < g; i++)
        {
            delays[i] = [];
        }

        var injectionTicks = detection.InjectionWindow.Ticks;
        foreach (var credit in lastTouch.Touchpoints)
        {
            var c = credit.Conversion;
            var kind = journeys.ConversionKinds[c];
            if (credit.Share <= 0 || !isStage[kind])
            {
                continue;
            }

            var row = groups.Of(credit.Touchpoint);
            var delay = journeys.ConversionTicks[c] - journeys.TouchTicks[credit.Touchpoint];
            conversions[row]++;
            delays[row].Add(delay);
            if (delay <= injectionTicks)
            {
                fast[row]++;
            }

            if (kind == leadKind)
            {
                leads[row]++;
                progress[row] += progressed[c] ? 1 : 0;
                duplicates[row] += duplicate[c] ? 1 : 0;
            }
        }

        var allDelays = delays.SelectMany(static d => d).ToArray();
        Array.Sort(allDelays);
        var hijacks = HijackInputs(lastTouch, linear, options.Stages, groups);
        var days = groups.DailyTouches();

        var rows = new List<SuspiciousChannel>();
        for (var r = 0; r < g; r++)
        {
            if (days[r] is null)
            {
                // No touch at all: nothing to judge (a campaign of the table that no touch carries).
                continue;
            }

            var enough = leads[r] >= detection.MinLeads;
            var noProgress = Progress(leads[r], progress[r], leads.Sum() - leads[r], progress.Sum() - progress[r], detection, enough);
            var dup = Share(duplicates[r], leads[r], duplicates.Sum() - duplicates[r], leads.Sum() - leads[r], detection.DuplicateMultiple, detection.DuplicateMinShare, enough);
            var injection = Share(fast[r], conversions[r], fast.Sum() - fast[r], conversions.Sum() - conversions[r], detection.InjectionMultiple, detection.InjectionMinShare, enough);
            var own = delays[r].ToArray();
            Array.Sort(own);
            var m = allDelays.Length - own.Length;
            var timing = new TimingDistance(
                own.Length,
                m,
                SuspicionStatistics.KolmogorovSmirnovDistance(own, allDelays),
                own.Length > 0 && m > 0 ? SuspicionStatistics.KolmogorovSmirnovCritical(detection.TimingAlpha, own.Length, m) : null);
            var hijack = Hijack(hijacks, r, detection, enough);
            var bursts = Bursts(days[r]!, groups.FirstDay[r], detection, enough);
            rows.Add(new SuspiciousChannel(groups.Names[r], leads[r], enough, noProgress, dup, injection, timing, hijack, bursts));
        }

        rows.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));
        return new SuspiciousChannelReport([.. options.Stages], detection, rows);
    }

    /// <summary>Runs the models twice, as they are and with <paramref name="channels"/> added to
    /// <see cref="AttributionOptions.ExcludedChannels"/> (which then earn credit only where nothing else is eligible), and
    /// returns how every channel's credit moves.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="options">The eligibility rules of the run.</param>
    /// <param name="channels">The channels to quarantine, for example <see cref="SuspiciousChannelReport.Flagged"/> of a
    /// channel report.</param>
    /// <param name="models">The models; their names must be distinct.</param>
    /// <returns>Per model, per kind (in the data's order), per channel (in order of first appearance), then the
    /// unattributed row: the credit before and after.</returns>
    /// <exception cref="ArgumentException">A channel name is blank, no model was given, or two models share a name.</exception>
    public static IReadOnlyList<CreditShift> Quarantine(JourneySet journeys, AttributionOptions options, IEnumerable<string> channels, IEnumerable<IAttributionModel> models)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(models);
        var quarantined = channels.ToList();
        foreach (var channel in quarantined)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(channel, nameof(channels));
        }

        var list = models.ToList();
        var before = new AttributionEngine(options).Run(journeys, list);
        var excluded = options.ExcludedChannels.Concat(quarantined).Distinct(StringComparer.Ordinal).ToList();
        var after = new AttributionEngine(options with { ExcludedChannels = excluded }).Run(journeys, list);
        var shifts = new List<CreditShift>();
        for (var m = 0; m < before.Results.Count; m++)
        {
            foreach (var kind in before.Results[m].Kinds)
            {
                var then = after.Results[m].ForKind(kind.Kind);
                var afterByChannel = then.ByChannel.ToDictionary(static c => c.Key, StringComparer.Ordinal);
                foreach (var credit in kind.ByChannel)
                {
                    var moved = afterByChannel[credit.Key];
                    shifts.Add(new CreditShift(before.Results[m].Model, kind.Kind, credit.Key, credit.Conversions, credit.Value, moved.Conversions, moved.Value));
                }

                shifts.Add(new CreditShift(before.Results[m].Model, kind.Kind, AttributionResult.UnattributedKey, kind.UnattributedConversions, kind.UnattributedValue, then.UnattributedConversions, then.UnattributedValue));
            }
        }

        return shifts;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>For every first-stage conversion: whether a next-stage conversion follows it in its journey (at any time),
    /// and whether the journey's previous first-stage conversion is at most the duplicate window before it. Every
    /// conversion counts here, inside the period or not, attributed or not: they are facts of the journey.</summary>
    private static (bool[] Progressed, bool[] Duplicate) MarkLeads(JourneySet journeys, int leadKind, int nextKind, long window)
    {
        var progressed = new bool[journeys.ConversionCount];
        var duplicate = new bool[journeys.ConversionCount];
        if (leadKind < 0)
        {
            return (progressed, duplicate);
        }

        var kinds = journeys.ConversionKinds;
        var ticks = journeys.ConversionTicks;
        for (var j = 0; j < journeys.Count; j++)
        {
            var first = journeys.ConversionOffsets[j];
            var end = journeys.ConversionOffsets[j + 1];
            var later = false;
            for (var c = end - 1; c >= first; c--)
            {
                if (kinds[c] == leadKind)
                {
                    progressed[c] = later;
                }
                else if (kinds[c] == nextKind)
                {
                    later = true;
                }
            }

            long? previous = null;
            for (var c = first; c < end; c++)
            {
                if (kinds[c] == leadKind)
                {
                    duplicate[c] = previous is { } p && ticks[c] - p <= window;
                    previous = ticks[c];
                }
            }
        }

        return (progressed, duplicate);
    }

    private static ProgressSignal Progress(int n, int k, int otherN, int otherK, SuspiciousChannelOptions detection, bool enough)
    {
        double? share = n > 0 ? (double)k / n : null;
        double? pooled = otherN > 0 ? (double)otherK / otherN : null;
        double? p = share is not null && pooled is { } q ? SuspicionStatistics.BinomialLowerTail(k, n, q) : null;
        double? threshold = pooled * detection.NoProgressMaxRatio;
        var fired = enough && p < detection.NoProgressMaxPValue && share < threshold;
        return new ProgressSignal(n, k, share, otherN, otherK, pooled, p, threshold, fired);
    }

    private static ShareSignal Share(int count, int total, int otherCount, int otherTotal, double multiple, double minShare, bool enough)
    {
        double? share = total > 0 ? (double)count / total : null;
        double? pooled = otherTotal > 0 ? (double)otherCount / otherTotal : null;
        double? threshold = pooled * multiple;
        var fired = enough && share > threshold && share >= minShare;
        return new ShareSignal(count, total, share, otherCount, otherTotal, pooled, threshold, minShare, fired);
    }

    /// <summary>Per stage kind with credited value, each row's share of it under last-touch and under linear.</summary>
    private static List<(string Kind, double[] LastTouch, double[] Linear)> HijackInputs(AttributionResult lastTouch, AttributionResult linear, IReadOnlyList<string> stages, Groups groups)
    {
        var inputs = new List<(string, double[], double[])>();
        foreach (var stage in stages)
        {
            var last = lastTouch.Kinds.FirstOrDefault(k => k.Kind == stage);
            var even = linear.Kinds.FirstOrDefault(k => k.Kind == stage);
            if (last is null || even is null || !(last.CreditedValue > 0) || !(even.CreditedValue > 0))
            {
                continue;
            }

            inputs.Add((stage, groups.Shares(groups.ByCampaign ? last.ByCampaign : last.ByChannel, last.CreditedValue), groups.Shares(groups.ByCampaign ? even.ByCampaign : even.ByChannel, even.CreditedValue)));
        }

        return inputs;
    }

    private static HijackSignal Hijack(List<(string Kind, double[] LastTouch, double[] Linear)> inputs, int row, SuspiciousChannelOptions detection, bool enough)
    {
        // Shown: the firing kind with the highest ratio; when none fires, the earliest stage with credited value. Never
        // "the highest ratio" among kinds that do not fire: two ratios of 1 apart by rounding would pick a kind at random.
        HijackSignal? best = null;
        foreach (var (kind, lastTouch, linear) in inputs)
        {
            double? ratio = linear[row] > 0 ? lastTouch[row] / linear[row] : null;
            var candidate = new HijackSignal(kind, lastTouch[row], linear[row], ratio, false);
            if (Fires(candidate, detection))
            {
                if (best is null || !Fires(best, detection) || ratio > best.Ratio)
                {
                    best = candidate;
                }
            }
            else
            {
                best ??= candidate;
            }
        }

        return best is null ? new HijackSignal(null, null, null, null, false) : best with { Fired = enough && Fires(best, detection) };
    }

    private static bool Fires(HijackSignal signal, SuspiciousChannelOptions detection)
        => signal.Ratio > detection.HijackMinRatio && signal.LastTouchShare >= detection.HijackMinLastTouchShare;

    private static BurstSignal Bursts(int[] counts, long firstDay, SuspiciousChannelOptions detection, bool enough)
    {
        var bursts = new List<BurstDay>();
        var tested = 0;
        for (var d = 1; d < counts.Length; d++)
        {
            // History: the days with touches among the window's calendar days before d. A day without touches is no
            // sample of the channel's rate: counted as 0, the fading tail of a channel (a touch now and then after weeks
            // of silence) would be a "burst" every time.
            var from = Math.Max(0, d - detection.BurstWindowDays);
            var active = 0;
            var sum = 0.0;
            for (var i = from; i < d; i++)
            {
                if (counts[i] > 0)
                {
                    active++;
                    sum += counts[i];
                }
            }

            if (active < detection.BurstMinHistoryDays)
            {
                continue;
            }

            tested++;
            var mean = sum / active;
            var squares = 0.0;
            for (var i = from; i < d; i++)
            {
                if (counts[i] > 0)
                {
                    squares += (counts[i] - mean) * (counts[i] - mean);
                }
            }

            var sd = Math.Sqrt(squares / active);
            if (counts[d] > mean + (detection.BurstDeviations * sd))
            {
                bursts.Add(new BurstDay(DateOnly.FromDayNumber((int)(firstDay + d)), counts[d], mean, sd));
            }
        }

        return new BurstSignal(bursts, tested, enough && bursts.Count > 0);
    }

    /// <summary>The rows: channels, or campaigns plus <see cref="AttributionResult.NoCampaignKey"/> for touches without one.</summary>
    private sealed class Groups
    {
        private readonly JourneySet journeys;

        public Groups(JourneySet journeys, bool byCampaign)
        {
            this.journeys = journeys;
            ByCampaign = byCampaign;
            Names = byCampaign ? [.. journeys.Campaigns, AttributionResult.NoCampaignKey] : journeys.Channels;
            FirstDay = new long[Names.Count];
        }

        public bool ByCampaign { get; }

        public IReadOnlyList<string> Names { get; }

        /// <summary>Gets each row's first touch day (days since 0001-01-01 UTC), set by <see cref="DailyTouches"/>.</summary>
        public long[] FirstDay { get; }

        public int Of(int touch)
        {
            if (!ByCampaign)
            {
                return journeys.TouchChannels[touch];
            }

            var campaign = journeys.TouchCampaigns[touch];
            return campaign == JourneySet.NoCampaign ? Names.Count - 1 : campaign;
        }

        /// <summary>Each row's touch count per UTC day from its first touch day to its last (null for a row without touches).</summary>
        public int[]?[] DailyTouches()
        {
            var last = new long[Names.Count];
            Array.Fill(FirstDay, long.MaxValue);
            Array.Fill(last, long.MinValue);
            var ticks = journeys.TouchTicks;
            for (var t = 0; t < ticks.Length; t++)
            {
                var row = Of(t);
                var day = ticks[t] / TimeSpan.TicksPerDay;
                FirstDay[row] = Math.Min(FirstDay[row], day);
                last[row] = Math.Max(last[row], day);
            }

            var counts = new int[]?[Names.Count];
            for (var r = 0; r < counts.Length; r++)
            {
                counts[r] = FirstDay[r] == long.MaxValue ? null : new int[last[r] - FirstDay[r] + 1];
            }

            for (var t = 0; t < ticks.Length; t++)
            {
                var row = Of(t);
                counts[row]![(ticks[t] / TimeSpan.TicksPerDay) - FirstDay[row]]++;
            }

            return counts;
        }

        /// <summary>Each row's credited value ÷ the kind's credited value.</summary>
        public double[] Shares(IReadOnlyList<CreditTotal> credits, double total)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Names.Count; i++)
            {
                index.TryAdd(Names[i], i);
            }

            var shares = new double[Names.Count];
            foreach (var credit in credits)
            {
                if (index.TryGetValue(credit.Key, out var row))
                {
                    shares[row] = credit.Value / total;
                }
            }

            return shares;
        }
    }
}
