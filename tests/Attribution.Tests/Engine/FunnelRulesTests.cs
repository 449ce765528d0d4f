using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Engine;

/// <summary>Issue 9's rules worked by hand: kinds, resets, lookback per kind, periods, stages and the milestone models.</summary>
public sealed class FunnelRulesTests
{
    private static readonly string[] Stages = ["lead", "opportunity", "order"];

    private static Conversion Of(string kind, double day, double value = 1, string? id = null) => new(Day(day), value, kind, id);

    /// <summary>webinar → paid-search → lead → events → opportunity → email → order 100,000, a day apart.</summary>
    private static Journey Deal() => JourneyOf(
        "acme",
        [Touch(-7, "webinar"), Touch(-6, "paid-search"), Touch(-4, "events"), Touch(-2, "email")],
        Of("lead", -5), Of("opportunity", -3), Of("order", 0, 100_000));

    [Theory]
    [InlineData(ResetRule.SameKind, "webinar")]  // no earlier order: the window starts at the journey's start
    [InlineData(ResetRule.Any, "email")]         // only the touch after the opportunity
    [InlineData(ResetRule.Never, "webinar")]
    public void FirstTouch_OrderAfterLeadAndOpportunity_DependsOnTheResetRule(ResetRule reset, string credited)
    {
        var result = new AttributionEngine(new AttributionOptions { Reset = reset }).Run(JourneySet.Create([Deal()]), AttributionModels.FirstTouch);

        var order = result.ForKind("order");
        order.ByChannel.Single(c => c.Value > 0).Should().Be(new CreditTotal(credited, 1, 100_000));
        order.TotalValue.Should().Be(100_000);
        result.Kinds.Select(k => k.Kind).Should().Equal("lead", "opportunity", "order");
    }

    [Fact]
    public void SameKind_SecondOrder_StartsAfterTheFirstOrderNotAfterTheLeadBetween()
    {
        // a order1 b lead c order2: same-kind gives order2 the touches b and c (after order1), lead in between ignored.
        var journey = JourneyOf("j", [Touch(-5, "a"), Touch(-3, "b"), Touch(-1, "c")], Of("order", -4, 10), Of("lead", -2), Of("order", 0, 30));

        var order = new AttributionEngine().Run(JourneySet.Create([journey]), AttributionModels.Linear).ForKind("order");

        // order1: a alone → 10. order2: b and c → 15 each.
        order.ByChannel.Select(c => (c.Key, c.Value)).Should().Equal(("a", 10.0), ("b", 15.0), ("c", 15.0));
    }

    [Fact]
    public void Kinds_AreNeverAddedTogether_TopLevelTotalsThrowForSeveralKinds()
    {
        var result = new AttributionEngine().Run(JourneySet.Create([Deal()]), AttributionModels.Linear);

        FluentActions.Invoking(() => result.ByChannel).Should().Throw<InvalidOperationException>().WithMessage("*3 conversion kinds*ForKind*");
        FluentActions.Invoking(() => result.ForKind("renewal")).Should().Throw<KeyNotFoundException>().WithMessage("*'renewal'*lead, opportunity, order*");

        // Conservation per kind: lead 1 over webinar and paid-search; opportunity 1; order 100,000.
        foreach (var kind in result.Kinds)
        {
            (kind.CreditedConversions + kind.UnattributedConversions).Should().Be(kind.ConversionCount);
            (kind.CreditedValue + kind.UnattributedValue).Should().Be(kind.TotalValue);
        }

        result.ForKind("lead").ByChannel.Select(c => c.Value).Should().Equal(0.5, 0.5, 0, 0);
    }

    [Fact]
    public void LookbackByKind_ShortLeadWindowLongOrderWindow()
    {
        // Lead lookback 1.5 days: only paid-search (1 day before the lead); orders keep the default 90 days.
        var options = new AttributionOptions { LookbackByKind = new Dictionary<string, TimeSpan> { ["lead"] = TimeSpan.FromDays(1.5) } };

        var result = new AttributionEngine(options).Run(JourneySet.Create([Deal()]), AttributionModels.FirstTouch);

        result.ForKind("lead").ByChannel.Single(c => c.Conversions > 0).Key.Should().Be("paid-search");
        result.ForKind("order").ByChannel.Single(c => c.Conversions > 0).Key.Should().Be("webinar");
    }

    [Fact]
    public void Period_ConversionsOutsideAreNotReportedButStillReset()
    {
        // Orders on day −4 and day 0; the period holds only the second. Its window still starts after the first order.
        var journey = JourneyOf("j", [Touch(-5, "a"), Touch(-1, "b")], Of("order", -4, 10), Of("order", 0, 30));
        var period = new ReportingPeriod(Day(-2), Day(1));

        var order = new AttributionEngine(new AttributionOptions { Period = period }).Run(JourneySet.Create([journey]), AttributionModels.FirstTouch).ForKind("order");

        order.ConversionCount.Should().Be(1);
        order.TotalValue.Should().Be(30);
        order.ByChannel.Select(c => (c.Key, c.Value)).Should().Equal(("a", 0.0), ("b", 30.0));
    }

    [Fact]
    public void Period_ConsecutivePeriodsAddUpToTheWhole()
    {
        var journeys = DeterministicJourneys.Generate(500, seed: 3);
        var set = JourneySet.Create(journeys);
        var whole = new AttributionEngine().Run(set, AttributionModels.Linear);
        var split = Day(-30);
        var early = new AttributionEngine(new AttributionOptions { Period = new ReportingPeriod(Day(-400), split) }).Run(set, AttributionModels.Linear);
        var late = new AttributionEngine(new AttributionOptions { Period = new ReportingPeriod(split, Day(1)) }).Run(set, AttributionModels.Linear);

        early.ConversionCount.Should().BeGreaterThan(0);
        late.ConversionCount.Should().BeGreaterThan(0);
        (early.ConversionCount + late.ConversionCount).Should().Be(whole.ConversionCount);
        for (var c = 0; c < whole.ByChannel.Count; c++)
        {
            (early.ByChannel[c].Value + late.ByChannel[c].Value).Should().BeApproximately(whole.ByChannel[c].Value, 1e-9);
        }
    }

    [Fact]
    public void WShaped_Opportunity_WorkedCheck()
    {
        // A B C lead D E opportunity: M0 = A, M1 = C (last before the lead), M2 = E; rest 0.1 over B and D.
        var journey = JourneyOf("j", [Touch(-6, "A"), Touch(-5, "B"), Touch(-4, "C"), Touch(-2, "D"), Touch(-1, "E")], Of("lead", -3), Of("opportunity", 0));

        var shares = Shares(AttributionModels.WShaped(), journey, "opportunity");

        shares.Should().HaveCount(5);
        double[] expected = [0.3, 0.05, 0.3, 0.05, 0.3];
        shares.Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-15);
    }

    [Fact]
    public void FullPath_Order_WorkedCheck()
    {
        // A B C lead D E opportunity G F order: M0 A, M1 C, M2 E, M3 F at 0.225; B, D, G share 0.1 → 1/30 each.
        var journey = JourneyOf(
            "j",
            [Touch(-9, "A"), Touch(-8, "B"), Touch(-7, "C"), Touch(-5, "D"), Touch(-4, "E"), Touch(-2, "G"), Touch(-1, "F")],
            Of("lead", -6), Of("opportunity", -3), Of("order", 0));

        var shares = Shares(AttributionModels.FullPath(), journey, "order");

        double[] expected = [0.225, 1.0 / 30, 0.225, 1.0 / 30, 0.225, 1.0 / 30, 0.225];
        shares.Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-15);
    }

    [Fact]
    public void WShaped_OpportunityWithoutLead_MissingMilestoneRenormalises()
    {
        // A B C opportunity: M0 A .3, M1 missing, M2 C .3, rest B .1 → sum .7 → 3/7, 1/7, 3/7.
        var journey = JourneyOf("j", [Touch(-3, "A"), Touch(-2, "B"), Touch(-1, "C")], Of("opportunity", 0));

        var shares = Shares(AttributionModels.WShaped(), journey, "opportunity");

        shares.Zip(new[] { 3.0 / 7, 1.0 / 7, 3.0 / 7 }).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-15);
    }

    [Fact]
    public void WShaped_OneTouchHoldingEveryMilestone_GetsAll()
    {
        // A lead opportunity: A is M0, M1 and M2; no rest touch, so the rest weight is dropped → A 1.
        var journey = JourneyOf("j", [Touch(-2, "A")], Of("lead", -1), Of("opportunity", 0));

        Shares(AttributionModels.WShaped(), journey, "opportunity").Should().Equal(1);
    }

    [Fact]
    public void WShaped_KindThatIsNoStage_GetsFirstAndLastPlusRest()
    {
        // A B C demo-request: M0 A .3, its last touch C .3, rest B .1 → 3/7, 1/7, 3/7.
        var journey = JourneyOf("j", [Touch(-3, "A"), Touch(-2, "B"), Touch(-1, "C")], Of("demo-request", 0));

        var shares = Shares(AttributionModels.WShaped(), journey, "demo-request");

        shares.Zip(new[] { 3.0 / 7, 1.0 / 7, 3.0 / 7 }).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-15);
    }

    [Fact]
    public void Milestones_CustomWeights_StageLeftOutCountsAsRest()
    {
        // A B C lead D E opportunity with first .5, opportunity .5, rest .2 (lead left out): A .5, E .5, B C D share .2.
        var journey = JourneyOf("j", [Touch(-6, "A"), Touch(-5, "B"), Touch(-4, "C"), Touch(-2, "D"), Touch(-1, "E")], Of("lead", -3), Of("opportunity", 0));
        var model = AttributionModels.Milestones(new MilestoneModelOptions { First = 0.5, Stages = new Dictionary<string, double> { ["opportunity"] = 0.5 }, Rest = 0.2 });

        var shares = Shares(model, journey, "opportunity");

        // Sum 1.2: A and E 0.5 / 1.2, B, C, D (0.2 / 3) / 1.2.
        double[] expected = [0.5 / 1.2, 0.2 / 3 / 1.2, 0.2 / 3 / 1.2, 0.2 / 3 / 1.2, 0.5 / 1.2];
        shares.Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-15);
    }

    [Fact]
    public void MilestoneModels_WithoutStages_OrWithAnUnknownStageName_Throw()
    {
        var set = JourneySet.Create([Deal()]);
        FluentActions.Invoking(() => new AttributionEngine().Run(set, AttributionModels.WShaped())).Should().Throw<InvalidOperationException>().WithMessage("*--stages*");
        var typo = AttributionModels.Milestones(new MilestoneModelOptions { Stages = new Dictionary<string, double> { ["oportunity"] = 0.3 } });
        FluentActions.Invoking(() => new AttributionEngine(new AttributionOptions { Stages = Stages }).Run(set, typo)).Should().Throw<InvalidOperationException>().WithMessage("*'oportunity'*");
    }

    [Fact]
    public void WShaped_ColumnarAndOneJourney_Agree()
    {
        var journeys = new[] { Deal(), JourneyOf("b", [Touch(-3, "A"), Touch(-2, "B"), Touch(-1, "C")], Of("opportunity", 0, 50)) };
        var options = new AttributionOptions { Stages = Stages };

        var result = new AttributionEngine(options).Run(JourneySet.Create(journeys), AttributionModels.WShaped()).ForKind("opportunity");

        // Deal's opportunity: webinar M0, paid-search M1 (last before the lead), events M2 → 1/3 each (no rest touch).
        // b: A 3/7 × 50, B 1/7 × 50, C 3/7 × 50.
        var byChannel = result.ByChannel.ToDictionary(c => c.Key, c => c.Value);
        byChannel["webinar"].Should().BeApproximately(1.0 / 3, 1e-12);
        byChannel["events"].Should().BeApproximately(1.0 / 3, 1e-12);
        byChannel["A"].Should().BeApproximately(150.0 / 7, 1e-12);
        byChannel["B"].Should().BeApproximately(50.0 / 7, 1e-12);
    }

    [Theory]
    [InlineData("j-shaped", 0.25, 0.75, 0.2, 0.2, 0.6)]
    [InlineData("inverse-j", 0.75, 0.25, 0.6, 0.2, 0.2)]
    public void Presets_PositionShares(string name, double twoFirst, double twoLast, double first, double middle, double last)
    {
        var model = AttributionModels.Create(name);

        model.Name.Should().Be(name);
        Fixtures.Shares(model, Touch(-2, "a"), Touch(-1, "b")).Should().Equal(twoFirst, twoLast);
        var three = Fixtures.Shares(model, Touch(-3, "a"), Touch(-2, "b"), Touch(-1, "c"));
        three.Zip(new[] { first, middle, last }).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-15);
    }

    [Fact]
    public void WithName_TwoVariantsOfOneModel_RunSideBySide()
    {
        var early = AttributionModels.WithName("early", AttributionModels.UShaped(new UShapedModelOptions { First = 0.5, Middle = 0.3, Last = 0.2 }));
        var late = AttributionModels.WithName("late", AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromDays(3) }));

        var report = new AttributionEngine().Run(JourneySet.Create([JourneyOf("j", [Touch(-6, "a"), Touch(-3, "b")], Conv(0, 10))]), [early, late]);

        // early, two touches: 0.5 / 0.7 and 0.2 / 0.7. late: 2^(−3/3) = 0.5 and 1 → 1/3 and 2/3.
        report["early"].ByChannel.Select(c => c.Value).Should().Equal(10 * (0.5 * (1 / 0.7)), 10 * (0.2 * (1 / 0.7)));
        report["late"].ByChannel[0].Value.Should().BeApproximately(10.0 / 3, 1e-12);
    }

    [Fact]
    public void PathSet_PerKind_ConvertingWindowsOfThatKindAndTailsAfterItsLastConversion()
    {
        // Deal under same-kind: order path webinar > paid-search > events > email; no tail after the order.
        // A second journey with only a lead: its tail for 'order' is all its touches.
        var other = JourneyOf("b", [Touch(-3, "x"), Touch(-1, "y")], Of("lead", -2));
        var set = JourneySet.Create([Deal(), other]);

        var orders = PathSet.FromJourneys(set, new AttributionOptions(), "order");
        var leads = PathSet.FromJourneys(set, new AttributionOptions(), "lead");

        Paths(orders).Should().BeEquivalentTo(new[] { ("webinar>paid-search>events>email", 1.0, 0.0), ("x>y", 0.0, 1.0) });

        // Leads: acme's lead from webinar > paid-search, tail events > email; b's lead from x, tail y.
        Paths(leads).Should().BeEquivalentTo(new[] { ("webinar>paid-search", 1.0, 0.0), ("events>email", 0.0, 1.0), ("x", 1.0, 0.0), ("y", 0.0, 1.0) });
    }

    [Fact]
    public void SameKind_EqualsAnyWithEveryOtherKindRemoved()
    {
        // The property of the issue: for each kind k, same-kind on the file = any on the file with only k's conversions.
        Gen.Int[0, 10_000].Sample(seed =>
        {
            var journeys = MixedKinds(seed);
            foreach (var kind in (string[])["lead", "order"])
            {
                var sameKind = new AttributionEngine().Run(JourneySet.Create(journeys), AttributionModels.Linear).ForKind(kind);
                var onlyK = journeys.Select(j => new Journey(j.Id, j.Touchpoints, j.Conversions.Where(c => c.Kind == kind))).Where(j => j.Touchpoints.Length + j.Conversions.Length > 0);
                var any = new AttributionEngine(new AttributionOptions { Reset = ResetRule.Any }).Run(JourneySet.Create(onlyK), AttributionModels.Linear).ForKind(kind);

                any.ByChannel.ToDictionary(c => c.Key, c => c.Value).Should().BeEquivalentTo(sameKind.ByChannel.ToDictionary(c => c.Key, c => c.Value));
                any.UnattributedConversions.Should().Be(sameKind.UnattributedConversions);
            }
        }, iter: 100);
    }

    private static Journey[] MixedKinds(int seed)
    {
        var random = new Random(seed);
        var journeys = new List<Journey>();
        for (var j = 0; j < 20; j++)
        {
            var touches = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Touch(-random.Next(0, 40), "c" + random.Next(4))).ToArray();
            var conversions = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Of(random.Next(2) == 0 ? "lead" : "order", -random.Next(0, 40), random.Next(1, 100))).ToArray();

            // Both kinds in the data, so that neither result is missing.
            journeys.Add(JourneyOf("j" + j, touches, j == 0 ? [.. conversions, Of("lead", 0), Of("order", 0)] : conversions));
        }

        return [.. journeys];
    }

    private static IEnumerable<(string, double, double)> Paths(PathSet paths)
        => Enumerable.Range(0, paths.Count).Select(p => (string.Join(">", paths.GetPath(p).ToArray().Select(c => paths.Channels[c])), paths.GetConversions(p), paths.GetNulls(p)));

    private static double[] Shares(IAttributionModel model, Journey journey, string kind)
    {
        var options = new AttributionOptions { Stages = Stages };
        var attribution = new AttributionEngine(options).Attribute(journey, model);
        return [.. attribution.Credits.Where(c => c.Conversion.Kind == kind).Select(c => c.Share)];
    }
}
