using Attribution.B2B;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.B2B;

public sealed class SuspiciousChannelsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static readonly AttributionOptions Funnel = new() { Stages = ["lead", "opportunity"] };

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>One journey per lead: optional earlier touches (1, 2 … hours before, same day), the channel's touch, a lead of
    /// value 10 after <paramref name="delay"/>, and for the leads <paramref name="progresses"/> picks an opportunity 5 days
    /// later. Touches are <paramref name="perDay"/> a day from <see cref="Start"/>, so daily counts are constant.</summary>
    private static IEnumerable<Journey> Leads(string channel, int count, int perDay, Func<int, bool> progresses, TimeSpan delay, string[]? before = null, string? campaign = null)
    {
        before ??= [];
        for (var i = 0; i < count; i++)
        {
            var touch = Start.AddDays(i / perDay).AddMinutes(i % perDay);
            var touches = new List<Touchpoint>();
            for (var b = 0; b < before.Length; b++)
            {
                touches.Add(new Touchpoint(touch.AddHours(b - before.Length), before[b]));
            }

            touches.Add(new Touchpoint(touch, channel, campaign));
            var lead = touch + delay;
            var conversions = new List<Conversion> { new(lead, 10, "lead") };
            if (progresses(i))
            {
                conversions.Add(new Conversion(lead.AddDays(5), 100, "opportunity"));
            }

            yield return new Journey($"{channel}-{i}", touches, conversions);
        }
    }

    /// <summary>Three honest channels, 100 leads each, 2 a day, 30 % progressing, converting an hour after the touch.</summary>
    private static List<Journey> Honest() =>
    [
        .. Leads("search", 100, 2, static i => i % 10 < 3, Hour),
        .. Leads("social", 100, 2, static i => i % 10 < 3, Hour),
        .. Leads("email", 100, 2, static i => i % 10 < 3, Hour),
    ];

    /// <summary>The honest channels plus an affiliate: 300 leads, 3 a day, none progressing, each 2 s after its touch, which
    /// follows a search and a social touch in the same journey.</summary>
    private static List<Journey> WithAffiliate() =>
    [
        .. Honest(),
        .. Leads("affiliate", 300, 3, static _ => false, TimeSpan.FromSeconds(2), ["search", "social"], "aff-network"),
    ];

    private static SuspiciousChannelReport Detect(IEnumerable<Journey> journeys, SuspiciousChannelOptions? detection = null)
        => SuspiciousChannels.Detect(JourneySet.Create(journeys), Funnel, detection);

    private static SuspiciousChannel Row(SuspiciousChannelReport report, string key) => report.Rows.Single(r => r.Key == key);

    [Fact]
    public void Detect_AffiliateWhoseLeadsNeverProgressAndConvertSecondsAfterTheTouch_IsFlaggedByNoProgressInjectionAndHijack()
    {
        var report = Detect(WithAffiliate());

        var affiliate = report.Rows[0];
        affiliate.Key.Should().Be("affiliate");
        affiliate.HasEnoughData.Should().BeTrue();
        affiliate.Score.Should().Be(3);
        report.Flagged.Should().Equal("affiliate");

        // No progress: 0 of 300, against 90 of 300 for the others (0.3); P(X ≤ 0) = 0.7^300; share 0 < 0.3 / 3 = 0.1.
        affiliate.NoProgress.Should().BeEquivalentTo(new { Leads = 300, Progressed = 0, Share = 0.0, OtherLeads = 300, OtherProgressed = 90, Fired = true });
        affiliate.NoProgress.PooledShare.Should().BeApproximately(0.3, 1e-15);
        affiliate.NoProgress.Threshold.Should().BeApproximately(0.1, 1e-15);
        affiliate.NoProgress.PValue.Should().BeApproximately(Math.Pow(0.7, 300), 1e-58);

        // Injection: all 300 of its conversions 2 s after the touch; the others' 300 leads (1 h) and 90 opportunities (5 d): 0 of 390.
        affiliate.Injection.Should().BeEquivalentTo(new { Count = 300, Total = 300, Share = 1.0, OtherCount = 0, OtherTotal = 390, PooledShare = 0.0, Fired = true });

        // Its times (all 2 s) against the others' (1 h and 5 d) do not overlap: D = 1; critical value c(0.01) · sqrt((300 + 390) / (300 · 390)).
        affiliate.Timing.Distance.Should().Be(1);
        affiliate.Timing.CriticalValue.Should().BeApproximately(Math.Sqrt(-Math.Log(0.005) / 2) * Math.Sqrt(690.0 / 117_000), 1e-12);
        affiliate.Timing.AboveCritical.Should().BeTrue();

        // Hijack on lead value (600 leads × 10): last touch 3000 / 6000 = 1/2; linear gives it a third of its journeys,
        // 1000 / 6000 = 1/6; ratio 3 > 2 and 1/2 ≥ 5 %.
        affiliate.Hijack.Kind.Should().Be("lead");
        affiliate.Hijack.LastTouchShare.Should().BeApproximately(0.5, 1e-12);
        affiliate.Hijack.LinearShare.Should().BeApproximately(1.0 / 6, 1e-12);
        affiliate.Hijack.Ratio.Should().BeApproximately(3, 1e-9);
        affiliate.Hijack.Fired.Should().BeTrue();

        affiliate.Duplicates.Fired.Should().BeFalse();
        affiliate.Bursts.Fired.Should().BeFalse("3 touches a day, every day");
        report.Rows.Skip(1).Should().AllSatisfy(r => r.Score.Should().Be(0));
    }

    [Fact]
    public void Detect_SameGeneratorWithoutTheAffiliate_FlagsNothing()
    {
        var report = Detect(Honest());

        report.Rows.Select(static r => r.Key).Should().Equal("email", "search", "social");
        report.Rows.Should().AllSatisfy(r => r.Score.Should().Be(0));
        report.Flagged.Should().BeEmpty();

        // Each channel: 30 of 100 progress, as do 60 of 200 of the others.
        Row(report, "search").NoProgress.Share.Should().BeApproximately(0.3, 1e-15);
        Row(report, "search").NoProgress.PooledShare.Should().BeApproximately(0.3, 1e-15);
        Row(report, "search").Hijack.Ratio.Should().BeApproximately(1, 1e-12, "one touch per journey: last touch and linear agree");
        Row(report, "search").Bursts.DaysTested.Should().Be(36, "50 days, the first 14 without enough history");
    }

    [Fact]
    public void Detect_ChannelWithTenLeads_IsInsufficientDataAndNeverFlagged()
    {
        // Ten leads that behave exactly like the affiliate's.
        var report = Detect([.. Honest(), .. Leads("tiny", 10, 1, static _ => false, TimeSpan.FromSeconds(2), ["search", "social"])]);

        var tiny = Row(report, "tiny");
        tiny.HasEnoughData.Should().BeFalse();
        tiny.Leads.Should().Be(10);
        tiny.Score.Should().Be(0);
        tiny.ToString().Should().Be("tiny: insufficient data (10 leads)");
        new[] { tiny.NoProgress.Fired, tiny.Duplicates.Fired, tiny.Injection.Fired, tiny.Hijack.Fired, tiny.Bursts.Fired }.Should().AllBeEquivalentTo(false);

        // The numbers are still shown.
        tiny.Injection.Share.Should().Be(1);
        tiny.NoProgress.Progressed.Should().Be(0);
        report.Flagged.Should().BeEmpty();
    }

    [Theory]
    // The affiliate has 300 leads: a minimum of 300 judges it, 301 does not.
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void MinLeads_AtAndJustAboveTheChannelsLeads(int minLeads, bool judged)
    {
        var affiliate = Row(Detect(WithAffiliate(), new SuspiciousChannelOptions { MinLeads = minLeads }), "affiliate");

        affiliate.HasEnoughData.Should().Be(judged);
        affiliate.Score.Should().Be(judged ? 3 : 0);
    }

    [Theory]
    // Others: 150 of 300 progress (0.5), so the share must be under 0.5 / 3 = 0.1667. 9 / 60 = 0.15 is under it (and
    // P(X ≤ 9 | 60, 0.5) ≈ 1e-8 < 0.01); 11 / 60 = 0.1833 is above it.
    [InlineData(9, true)]
    [InlineData(11, false)]
    public void NoProgress_ShareJustUnderAndJustOverAThirdOfThePooledShare(int progressed, bool fired)
    {
        var report = Detect([.. Leads("base", 300, 1000, static i => i % 2 == 0, Hour), .. Leads("x", 60, 1000, i => i < progressed, Hour)]);

        Row(report, "x").NoProgress.Fired.Should().Be(fired);
        Row(report, "x").NoProgress.PValue.Should().BeLessThan(0.01);
        Row(report, "base").Score.Should().Be(0);
    }

    [Theory]
    // Others: 10 of 20 progress (0.5); x's leads none. P(X ≤ 0 | 7, 0.5) = 1/128 = 0.0078 < 0.01; P(X ≤ 0 | 6, 0.5) = 1/64 = 0.0156.
    [InlineData(7, 0.0078125, true)]
    [InlineData(6, 0.015625, false)]
    public void NoProgress_PValueJustUnderAndJustOverTheLevel(int leads, double p, bool fired)
    {
        var report = Detect([.. Leads("base", 20, 1000, static i => i % 2 == 0, Hour), .. Leads("x", leads, 1000, static _ => false, Hour)], new SuspiciousChannelOptions { MinLeads = 5 });

        Row(report, "x").NoProgress.PValue.Should().BeApproximately(p, 1e-12);
        Row(report, "x").NoProgress.Fired.Should().Be(fired);
    }

    /// <summary><paramref name="leads"/> leads of <paramref name="channel"/>: <paramref name="duplicates"/> journeys with a
    /// second lead <paramref name="gap"/> after the first (the second is the duplicate), the rest one lead each.</summary>
    private static IEnumerable<Journey> Duplicates(string channel, int leads, int duplicates, TimeSpan gap)
    {
        for (var i = 0; i < leads - duplicates; i++)
        {
            var touch = Start.AddMinutes(i);
            List<Touchpoint> touches = [new(touch, channel)];
            List<Conversion> conversions = [new(touch + Hour, 10, "lead")];
            if (i < duplicates)
            {
                touches.Add(new Touchpoint(touch + gap, channel));
                conversions.Add(new Conversion(touch + gap + Hour, 10, "lead"));
            }

            yield return new Journey($"{channel}-{i}", touches, conversions);
        }
    }

    [Theory]
    // Others: 4 duplicates of 200 leads (0.02), 3 × 0.02 = 0.06; x: 10 of 100 = 0.10 ≥ 10 % fires, 9 of 100 does not.
    [InlineData(4, 10, true)]
    [InlineData(4, 9, false)]
    // Others: 10 of 200 (0.05), 3 × 0.05 = 0.15; x: 16 of 100 = 0.16 fires, 14 of 100 = 0.14 does not (though ≥ 10 %).
    [InlineData(10, 16, true)]
    [InlineData(10, 14, false)]
    public void Duplicates_ShareJustAboveAndJustBelowEachThreshold(int baseDuplicates, int duplicates, bool fired)
    {
        var report = Detect([.. Duplicates("base", 200, baseDuplicates, TimeSpan.FromDays(10)), .. Duplicates("x", 100, duplicates, TimeSpan.FromDays(10))]);

        var x = Row(report, "x");
        x.Duplicates.Should().BeEquivalentTo(new { Count = duplicates, Total = 100, OtherCount = baseDuplicates, OtherTotal = 200 });
        x.Duplicates.Fired.Should().Be(fired);
    }

    [Theory]
    // The earlier lead 30 days before (at most the window) makes a duplicate; 30 days and a second do not.
    [InlineData(30 * 86_400, 20)]
    [InlineData((30 * 86_400) + 1, 0)]
    public void Duplicates_WindowIsInclusive(int gapSeconds, int expected)
    {
        var report = Detect([.. Duplicates("base", 200, 0, TimeSpan.FromDays(1)), .. Duplicates("x", 100, 20, TimeSpan.FromSeconds(gapSeconds))]);

        Row(report, "x").Duplicates.Count.Should().Be(expected);
        Row(report, "x").Duplicates.Fired.Should().Be(expected > 0);
    }

    /// <summary><paramref name="count"/> single-touch leads of <paramref name="channel"/>, the first <paramref name="fast"/>
    /// of them <paramref name="fastDelay"/> after the touch, the rest an hour after.</summary>
    private static IEnumerable<Journey> Timed(string channel, int count, int fast, TimeSpan fastDelay)
    {
        for (var i = 0; i < count; i++)
        {
            var touch = Start.AddMinutes(i * 2);
            yield return new Journey($"{channel}-{i}", [new Touchpoint(touch, channel)], [new Conversion(touch + (i < fast ? fastDelay : Hour), 10, "lead")]);
        }
    }

    [Theory]
    // Others never fast (pooled 0): 20 of 100 = 20 % ≥ 20 % fires, 19 % does not.
    [InlineData(0, 20, true)]
    [InlineData(0, 19, false)]
    // Others 10 of 200 (0.05), 5 × 0.05 = 0.25: 26 % fires, 24 % does not (though ≥ 20 %).
    [InlineData(10, 26, true)]
    [InlineData(10, 24, false)]
    public void Injection_ShareJustAboveAndJustBelowEachThreshold(int baseFast, int fast, bool fired)
    {
        var report = Detect([.. Timed("base", 200, baseFast, TimeSpan.FromSeconds(2)), .. Timed("x", 100, fast, TimeSpan.FromSeconds(2))]);

        Row(report, "x").Injection.Should().BeEquivalentTo(new { Count = fast, Total = 100, OtherCount = baseFast, OtherTotal = 200 });
        Row(report, "x").Injection.Fired.Should().Be(fired);
    }

    [Theory]
    // At most 10 s after the touch is injected; 11 s is not.
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Injection_WindowIsInclusive(int seconds, bool fired)
    {
        var report = Detect([.. Timed("base", 200, 0, Hour), .. Timed("x", 100, 100, TimeSpan.FromSeconds(seconds))]);

        Row(report, "x").Injection.Fired.Should().Be(fired);
    }

    /// <summary><paramref name="baseLeads"/> single-touch "base" leads; 40 journeys y → x; then one more x lead whose journey
    /// is y → y → x (<paramref name="threeTouch"/>) or x alone. All leads worth 1, all on one day.</summary>
    private static List<Journey> Hijack(int baseLeads, bool threeTouch)
    {
        var journeys = new List<Journey>();
        var minute = 0;
        Journey Make(string id, params string[] channels)
        {
            var touches = channels.Select(c => new Touchpoint(Start.AddMinutes(minute++), c)).ToList();
            return new Journey(id, touches, [new Conversion(Start.AddMinutes(minute++), 1, "lead")]);
        }

        for (var i = 0; i < baseLeads; i++)
        {
            journeys.Add(Make($"b{i}", "base"));
        }

        for (var i = 0; i < 40; i++)
        {
            journeys.Add(Make($"x{i}", "y", "x"));
        }

        journeys.Add(threeTouch ? Make("x40", "y", "y", "x") : Make("x40", "x"));
        return journeys;
    }

    [Theory]
    // x's last-touch value is 41; linear 40 · 1/2 + 1/3 = 20.333 (ratio 41 / 20.333 = 2.016 > 2) with the three-touch
    // journey, 40 · 1/2 + 1 = 21 (ratio 41 / 21 = 1.952) with the single one. 500 base leads: last-touch share 41 / 541 = 7.6 %.
    [InlineData(true, 41 / (20 + (1.0 / 3)), true)]
    [InlineData(false, 41.0 / 21, false)]
    public void Hijack_RatioJustAboveAndJustBelowTwo(bool threeTouch, double ratio, bool fired)
    {
        var report = Detect(Hijack(500, threeTouch));

        var x = Row(report, "x");
        x.Hijack.LastTouchShare.Should().BeApproximately(41.0 / 541, 1e-12);
        x.Hijack.Ratio.Should().BeApproximately(ratio, 1e-9);
        x.Hijack.Fired.Should().Be(fired);
        Row(report, "y").Hijack.Ratio.Should().Be(0, "y is never the last touch");
    }

    [Theory]
    // Ratio 2.016 either way; last-touch share 41 / (41 + 779) = 41 / 820 = 5 % exactly fires, 41 / 841 = 4.9 % does not.
    [InlineData(779, true)]
    [InlineData(800, false)]
    public void Hijack_LastTouchShareAtAndJustBelowFivePercent(int baseLeads, bool fired)
    {
        var report = Detect(Hijack(baseLeads, threeTouch: true));

        Row(report, "x").Hijack.LastTouchShare.Should().BeApproximately(41.0 / (41 + baseLeads), 1e-15);
        Row(report, "x").Hijack.Fired.Should().Be(fired);
    }

    /// <summary>One journey (touch of "b", lead an hour later) per touch; <paramref name="counts"/>[d] touches on day d.</summary>
    private static List<Journey> Daily(params int[] counts)
    {
        var journeys = new List<Journey>();
        for (var d = 0; d < counts.Length; d++)
        {
            for (var i = 0; i < counts[d]; i++)
            {
                var touch = Start.AddDays(d).AddMinutes(i);
                journeys.Add(new Journey($"b-{d}-{i}", [new Touchpoint(touch, "b")], [new Conversion(touch + Hour, 10, "lead")]));
            }
        }

        return journeys;
    }

    private static readonly SuspiciousChannelOptions AnyLeads = new() { MinLeads = 1 };

    private static int[] Alternating(int days, params int[] pattern) => [.. Enumerable.Range(0, days).Select(i => pattern[i % pattern.Length])];

    [Theory]
    // 14 days alternating 1, 3: mean 2, population sd 1, so the bar is 2 + 4 · 1 = 6; 7 is a burst, 6 is not.
    [InlineData(7, true)]
    [InlineData(6, false)]
    public void Bursts_CountJustAboveAndAtFourDeviations(int touches, bool fired)
    {
        var report = Detect(Daily([.. Alternating(14, 1, 3), touches]), AnyLeads);

        var bursts = Row(report, "b").Bursts;
        bursts.DaysTested.Should().Be(1);
        bursts.Fired.Should().Be(fired);
        if (fired)
        {
            bursts.Days.Should().Equal(new BurstDay(DateOnly.FromDateTime(Start.AddDays(14).UtcDateTime), 7, 2, 1));
        }
    }

    [Fact]
    public void Bursts_DayWithThirteenDaysOfHistory_IsNotTested()
    {
        var report = Detect(Daily([.. Alternating(13, 1, 3), 100]), AnyLeads);

        Row(report, "b").Bursts.DaysTested.Should().Be(0);
        Row(report, "b").Bursts.Fired.Should().BeFalse();
    }

    [Fact]
    public void Bursts_CompareWithTheTrailing28DaysOnly()
    {
        // Ten days of 50, then 28 days alternating 1, 3 (mean 2, sd 1), then 7: a burst against the 28 days before it. Over
        // all 38 days the mean would be (500 + 56) / 38 ≈ 14.6 and 7 no burst.
        var bursts = Row(Detect(Daily([.. Enumerable.Repeat(50, 10), .. Alternating(28, 1, 3), 7]), AnyLeads), "b").Bursts;

        bursts.Days.Should().Equal(new BurstDay(DateOnly.FromDateTime(Start.AddDays(38).UtcDateTime), 7, 2, 1));
        bursts.Fired.Should().BeTrue();
    }

    [Fact]
    public void Bursts_DaysWithoutTouches_AreNotHistory()
    {
        // 28 days 1, 0, 3, 0, …: the 14 days with touches have mean 2 and sd 1, bar 6, so 6 is no burst. Counting the zeros
        // (mean 1, sd sqrt((7 · 1 + 7 · 9) / 28 − 1) = 1.22, bar 5.9) would make it one.
        var quiet = Row(Detect(Daily([.. Alternating(28, 1, 0, 3, 0), 6]), AnyLeads), "b").Bursts;
        quiet.DaysTested.Should().Be(2, "only days 27 and 28 have the 14 days with touches (days 0, 2, …, 26) before them");
        quiet.Fired.Should().BeFalse();

        // A fading tail: 14 days of 2, 20 silent days, then 5. The 28 days before the 5 hold 8 days with touches: not tested
        // (with the zeros counted: mean 16 / 28 = 0.57, sd 0.90, bar 4.2, a "burst").
        var tail = Row(Detect(Daily([.. Enumerable.Repeat(2, 14), .. Enumerable.Repeat(0, 20), 5]), AnyLeads), "b").Bursts;
        tail.Fired.Should().BeFalse();
        tail.Days.Should().BeEmpty();
    }

    [Fact]
    public void Detect_ByCampaign_FlagsTheAffiliateCampaign()
    {
        var report = Detect(WithAffiliate(), new SuspiciousChannelOptions { ByCampaign = true });

        // The honest touches have no campaign: they are one row, (none).
        report.Rows.Select(static r => r.Key).Should().Equal("aff-network", AttributionResult.NoCampaignKey);
        report.Flagged.Should().Equal("aff-network");
        report.Rows[0].Score.Should().Be(3);
    }

    [Fact]
    public void Detect_IsDeterministic_OnAnyThreadCount_AndTheSameRowsForAnyJourneyOrder()
    {
        var journeys = WithAffiliate();
        var set = JourneySet.Create(journeys);
        var first = SuspiciousChannels.Detect(set, Funnel);
        var oneThread = SuspiciousChannels.Detect(JourneySet.Create(journeys), Funnel with { MaxDegreeOfParallelism = 1 });
        var reversed = SuspiciousChannels.Detect(JourneySet.Create(Enumerable.Reverse(journeys)), Funnel);

        oneThread.Rows.Should().BeEquivalentTo(first.Rows, static o => o.WithStrictOrdering());

        // Another journey order: the same rows, counts and signals; the engine's sums may differ in the last bits.
        reversed.Rows.Select(static r => (r.Key, r.Score, r.Leads, r.NoProgress.Progressed, r.Injection.Count, r.Hijack.Kind, r.Hijack.Fired))
            .Should().Equal(first.Rows.Select(static r => (r.Key, r.Score, r.Leads, r.NoProgress.Progressed, r.Injection.Count, r.Hijack.Kind, r.Hijack.Fired)));
        reversed.Rows.Zip(first.Rows).Should().AllSatisfy(static p => p.First.Hijack.Ratio.Should().BeApproximately(p.Second.Hijack.Ratio!.Value, 1e-12));
        reversed.Rows.Select(static r => r.Key).Should().Equal("affiliate", "email", "search", "social");
    }

    [Fact]
    public void Quarantine_MovesTheAffiliatesLastTouchCreditToTheTouchBeforeIt()
    {
        var journeys = JourneySet.Create(WithAffiliate());

        var shifts = SuspiciousChannels.Quarantine(journeys, Funnel, ["affiliate"], [AttributionModels.LastTouch]);

        // Each affiliate journey is search → social → affiliate: with affiliate excluded, social is the last touch of its
        // 300 leads (× 10). Opportunities do not move: the affiliate has none.
        var leads = shifts.Where(static s => s.Kind == "lead").ToDictionary(static s => s.Channel);
        leads["affiliate"].Should().BeEquivalentTo(new { ValueBefore = 3000.0, ValueAfter = 0.0, ConversionsBefore = 300.0, ConversionsAfter = 0.0 });
        leads["social"].ValueChange.Should().Be(3000);
        leads["search"].ValueChange.Should().Be(0);
        leads[AttributionResult.UnattributedKey].ValueChange.Should().Be(0);
        shifts.Where(static s => s.Kind == "opportunity").Should().AllSatisfy(s => s.ValueChange.Should().Be(0));
    }

    [Fact]
    public void Detect_BadOptions_AreRejectedNamingThem()
    {
        var journeys = JourneySet.Create(Honest());

        FluentActions.Invoking(() => SuspiciousChannels.Detect(journeys, new AttributionOptions { Stages = ["lead"] }))
            .Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*at least two stages*");
        FluentActions.Invoking(() => SuspiciousChannels.Detect(journeys, Funnel, new SuspiciousChannelOptions { MinLeads = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinLeads");
        FluentActions.Invoking(() => SuspiciousChannels.Detect(journeys, Funnel, new SuspiciousChannelOptions { BurstMinHistoryDays = 29 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("BurstMinHistoryDays");
    }
}
