using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Engine;

/// <summary><see cref="AttributionEngine.Explain"/>: every number below is worked out by hand in the comment beside it.</summary>
public sealed class ExplainTests
{
    private static readonly string[] Stages = ["lead", "opportunity", "order"];

    [Fact]
    public void Explain_UShapedFourTouches_GivesPositionsAndTheRatiosHandValues()
    {
        // u-shaped 0.4/0.2/0.4 over 4 touches: 0.4, 0.2/2 = 0.1, 0.1, 0.4 (sum 1); value 100 → 40, 10, 10, 40.
        var journey = JourneyOf("anna", [Touch(-4, "search"), Touch(-3, "email"), Touch(-2, "social"), Touch(-1, "email")], Conv(0, 100));

        var conversion = new AttributionEngine().Explain(journey, AttributionModels.UShaped()).Conversions.Single();

        conversion.Outcome.Should().Be(ConversionOutcome.Credited);
        conversion.Touches.Should().OnlyContain(t => t.IsEligible && t.Reason == CreditReason.Position);
        conversion.Touches.Select(t => t.Position).Should().Equal(1, 2, 3, 4);
        conversion.Touches.Select(t => t.Weight).Should().Equal(0.4, 0.1, 0.1, 0.4);
        Values(conversion).Should().Equal([40, 10, 10, 40], (a, e) => Close(a, e));
        conversion.Touches[0].Detail.Should().Be("position 1 of 4 (first); ratios first/middle/last 0.4/0.2/0.4");
        conversion.Touches[2].Detail.Should().StartWith("position 3 of 4 (middle)");
        Sum(conversion).Should().BeApproximately(100, 1e-12);
    }

    [Theory]
    [InlineData("first-touch", new[] { 1.0, 0, 0 }, "position 1 of 3 (first); first-touch credits the first touch")]
    [InlineData("last-touch", new[] { 0, 0, 1.0 }, "position 1 of 3 (first); last-touch credits the last touch")]
    [InlineData("linear", new[] { 1.0, 1, 1 }, "position 1 of 3 (first); linear weighs every touch alike")]
    [InlineData("j-shaped", new[] { 0.2, 0.2, 0.6 }, "position 1 of 3 (first); ratios first/middle/last 0.2/0.2/0.6")]
    public void Explain_PositionModels_GiveTheirWeightAndPosition(string name, double[] weights, string firstDetail)
    {
        var journey = JourneyOf("j", Touches(3), Conv(0, 10));

        var conversion = new AttributionEngine().Explain(journey, AttributionModels.Create(name)).Conversions.Single();

        conversion.Touches.Select(t => t.Weight).Should().Equal(weights);
        conversion.Touches[0].Detail.Should().Be(firstDetail);
        conversion.Touches.Should().OnlyContain(t => t.Reason == CreditReason.Position);

        // Shares are the weights over their sum, times the value 10.
        var total = weights.Sum();
        Values(conversion).Should().Equal(weights.Select(w => 10 * w / total), (a, e) => Close(a, e));
    }

    [Fact]
    public void Explain_TimeDecay_GivesDeltaTAndTheHalvingFactor()
    {
        // h = 7d. Δt = 14d → 2^(−2) = 0.25; Δt = 7d → 2^(−1) = 0.5. Shares 0.25 / 0.75 = 1/3 and 2/3; value 120 → 40, 80.
        var journey = JourneyOf("tim", [Touch(-14, "search"), Touch(-7, "email")], Conv(0, 120));

        var conversion = new AttributionEngine().Explain(journey, AttributionModels.TimeDecay()).Conversions.Single();

        conversion.Touches.Select(t => t.Age).Should().Equal(TimeSpan.FromDays(14), TimeSpan.FromDays(7));
        conversion.Touches.Select(t => t.DecayFactor).Should().Equal(0.25, 0.5);
        conversion.Touches.Should().OnlyContain(t => t.Reason == CreditReason.TimeDecay);
        conversion.Touches.Select(t => t.Share).Should().Equal([1.0 / 3, 2.0 / 3], (a, e) => Close(a, e));
        Values(conversion).Should().Equal([40, 80], (a, e) => Close(a, e));
        conversion.Touches[0].Detail.Should().Be("Δt 14d, 2^(−Δt/h) = 2^(−14d / 7d) = 0.25");
        conversion.Touches[1].ToString().Should().Be(
            "#1 email at 2026-03-03T12:00:00Z (Δt 7d): weight 1, share 0.666667, value 80 — Δt 7d, 2^(−Δt/h) = 2^(−7d / 7d) = 0.5");
    }

    [Fact]
    public void Explain_WShaped_NamesTheMilestonesEachTouchHolds()
    {
        // a b [lead] c d [opportunity] e [order 100]. The order (stage 3): M0 = a, M1 = b (last before the lead),
        // M2 = d (last before the opportunity), M3 = e is beyond W-shaped's three places and counts as rest.
        // Weights a 0.3, b 0.3, d 0.3; c and e share the rest 0.1 → 0.05 each; sum 1 → values 30, 30, 5, 30, 5.
        // The lead (stage 1) over a, b: M0 = a 0.3, M1 = b 0.3 → 0.5 each of its value 10.
        var journey = new Journey(
            "deal",
            [Touch(-10, "a"), Touch(-8, "b"), Touch(-6, "c"), Touch(-5, "d"), Touch(-3, "e")],
            [new Conversion(Day(-7), 10, "lead"), new Conversion(Day(-4), 20, "opportunity"), new Conversion(Day(0), 100, "order")]);
        var engine = new AttributionEngine(new AttributionOptions { Stages = Stages });

        var explanation = engine.Explain(journey, AttributionModels.WShaped());

        var order = explanation.Conversions[2];
        order.Touches.Select(t => t.Weight).Should().Equal([0.3, 0.3, 0.05, 0.3, 0.05], (a, e) => Close(a, e));
        Values(order).Should().Equal([30, 30, 5, 30, 5], (a, e) => Close(a, e));
        order.Touches.Should().OnlyContain(t => t.Reason == CreditReason.Milestone);
        order.Touches[0].Milestones.Should().Equal("M0 first touch");
        order.Touches[1].Milestones.Should().Equal("M1 last touch before the lead");
        order.Touches[3].Milestones.Should().Equal("M2 last touch before the opportunity");
        order.Touches[4].Milestones.Should().BeEmpty();
        order.Touches[4].Detail.Should().Be("no milestone: shares the rest weight 0.1 with the other touches without one");
        order.Touches[3].Detail.Should().Be("milestones M2 last touch before the opportunity (0.3)");

        var lead = explanation.Conversions[0];
        lead.Touches[1].Milestones.Should().Equal("M1 last touch before this lead");
        Values(lead).Should().Equal([5, 5], (a, e) => Close(a, e));
    }

    [Fact]
    public void Explain_Markov_GivesEachChannelsRemovalEffectOfAHandSolvedChain()
    {
        // Paths: a > b converts once, b converts once, a ends in null twice.
        // start → a 3/4, start → b 1/4; a → b 1/3, a → null 2/3; b → conversion 1.
        // P(conv) = 3/4 · 1/3 + 1/4 = 1/2. Without a: 1/4 → RE(a) = 1 − (1/4)/(1/2) = 1/2. Without b: 0 → RE(b) = 1.
        // A journey a, b worth 90: weights 0.5, 1 → shares 1/3, 2/3 → 30, 60.
        var builder = new PathSetBuilder();
        builder.Add(["a", "b"], conversions: 1, value: 1, nulls: 0);
        builder.Add(["b"], conversions: 1, value: 1, nulls: 0);
        builder.Add(["a"], conversions: 0, value: 0, nulls: 2);
        var markov = MarkovChain.Fit(builder.Build());
        var journey = JourneyOf("m", [Touch(-2, "a"), Touch(-1, "b")], Conv(0, 90));

        var conversion = new AttributionEngine().Explain(journey, markov).Conversions.Single();

        conversion.Touches.Select(t => t.RemovalEffect!.Value).Should().Equal([0.5, 1], (a, e) => Close(a, e));
        conversion.Touches.Should().OnlyContain(t => t.Reason == CreditReason.RemovalEffect);
        Values(conversion).Should().Equal([30, 60], (a, e) => Close(a, e));
        conversion.Touches[0].Detail.Should().Be("removal effect of a: 0.5");
    }

    [Fact]
    public void Explain_Shapley_GivesCoalitionValuesAndEachChannelsShapleyValue()
    {
        // v(a) = 1/4, v(b) = 1/2, v(ab) = 3/4. φ_a = ½ v(a) + ½ (v(ab) − v(b)) = 1/8 + 1/8 = 1/4;
        // φ_b = ½ v(b) + ½ (v(ab) − v(a)) = 1/4 + 1/4 = 1/2. Shares a 1/3, b 2/3. Journey a, b, a worth 90:
        // a's 30 split over its two touches → 15, 15; b 60.
        var builder = new PathSetBuilder();
        builder.Add(["a"], conversions: 1, value: 10, nulls: 3);
        builder.Add(["b"], conversions: 1, value: 20, nulls: 1);
        builder.Add(["a", "b"], conversions: 3, value: 60, nulls: 1);
        var shapley = ShapleyAttribution.Fit(builder.Build());
        var journey = JourneyOf("s", [Touch(-3, "a"), Touch(-2, "b"), Touch(-1, "a")], Conv(0, 90));

        var conversion = new AttributionEngine().Explain(journey, shapley).Conversions.Single();

        conversion.Coalitions.Select(c => (string.Join(",", c.Channels), c.Value)).Should().Equal(("a", 0.25), ("b", 0.5), ("a,b", 0.75));
        conversion.Touches.Select(t => t.ShapleyValue!.Value).Should().Equal([0.25, 0.5, 0.25], (a, e) => Close(a, e));
        conversion.Touches.Should().OnlyContain(t => t.Reason == CreditReason.ShapleyValue);
        Values(conversion).Should().Equal([15, 60, 15], (a, e) => Close(a, e));
        conversion.ToString().Should().EndWith("coalitions: v({a}) = 0.25, v({b}) = 0.5, v({a, b}) = 0.75");
    }

    [Fact]
    public void Explain_IneligibleTouches_SayLookbackResetAndExcludedChannel()
    {
        // Lookback 30d, direct excluded, reset same-kind. x −40d, y −20d, order#1 −15d (50), z −10d, w −5d direct, order#2 0 (100).
        // order#1: x (Δt 25d) and y eligible, linear → 25, 25.
        // order#2: x Δt 40d > 30d (outside the lookback, though before the reset too); y at or before order#1 (reset);
        // z eligible → 100; w direct is excluded beside z.
        var journey = JourneyOf(
            "ian",
            [Touch(-40, "display"), Touch(-20, "search"), Touch(-10, "email"), Touch(-5, "direct")],
            Conv(-15, 50),
            Conv(0, 100));
        var options = new AttributionOptions { Lookback = TimeSpan.FromDays(30), ExcludedChannels = ["direct"] };

        var explanation = new AttributionEngine(options).Explain(journey, AttributionModels.Linear);

        var first = explanation.Conversions[0];
        first.Touches.Select(t => t.Eligibility).Should().Equal(TouchEligibility.Eligible, TouchEligibility.Eligible);
        Values(first).Should().Equal(25, 25);

        var second = explanation.Conversions[1];
        second.Touches.Select(t => t.Eligibility).Should().Equal(
            TouchEligibility.OutsideLookback, TouchEligibility.BeforeReset, TouchEligibility.Eligible, TouchEligibility.ExcludedChannel);
        second.Touches[0].Detail.Should().Be("Δt 40d is more than the 30d lookback of conversion");
        second.Touches[1].Detail.Should().Be("before the reset by the earlier conversion at 2026-02-23T12:00:00Z (reset rule same-kind)");
        second.Touches[3].Detail.Should().Be("channel 'direct' is excluded and other touches are eligible");
        second.Touches.Where(t => !t.IsEligible).Should().OnlyContain(t => t.Share == 0 && t.Value == 0 && t.Reason == CreditReason.None);
        Values(second).Should().Equal(0, 0, 100, 0);
    }

    [Fact]
    public void Explain_ConversionOutsideThePeriod_IsNotReportedAndCreditsNothing()
    {
        // Period from −12d: the order at −15d is outside (still resetting the window of the order at 0).
        var journey = JourneyOf("p", [Touch(-20, "search"), Touch(-10, "email")], Conv(-15, 50), Conv(0, 100));
        var options = new AttributionOptions { Period = new ReportingPeriod(Day(-12), Day(1)) };

        var explanation = new AttributionEngine(options).Explain(journey, AttributionModels.Linear);

        explanation.Conversions[0].Outcome.Should().Be(ConversionOutcome.OutsidePeriod);
        explanation.Conversions[0].Touches.Should().ContainSingle().Which.Eligibility.Should().Be(TouchEligibility.ConversionOutsidePeriod);
        explanation.Conversions[1].Touches.Select(t => t.Eligibility).Should().Equal(TouchEligibility.BeforeReset, TouchEligibility.Eligible);
        Values(explanation.Conversions[1]).Should().Equal(0, 100);
    }

    [Fact]
    public void Explain_NoTouchBefore_IsUnattributed()
    {
        var journey = JourneyOf("late", [Touch(1, "search")], Conv(0, 100));

        var conversion = new AttributionEngine().Explain(journey, AttributionModels.Linear).Conversions.Single();

        conversion.Outcome.Should().Be(ConversionOutcome.Unattributed);
        conversion.Touches.Should().BeEmpty();
        conversion.ToString().Should().Be("conversion at 2026-03-10T12:00:00Z, value 100: unattributed: none of the 0 touches before it is eligible");
    }

    [Fact]
    public void Explain_CustomModels_GiveWeightAndShareWithAGenericReason()
    {
        // Weekend touches weigh 0.5, others 1: Sat 2026-03-07 (−3d) 0.5, Mon 2026-03-09 (−1d) 1 → shares 1/3, 2/3 of 30 → 10, 20.
        var model = AttributionModels.Custom("weekday", a => a.Instant.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1);
        var journey = JourneyOf("c", [Touch(-3, "search"), Touch(-1, "email")], Conv(0, 30));

        var conversion = new AttributionEngine().Explain(journey, model).Conversions.Single();

        conversion.Touches.Select(t => t.Weight).Should().Equal(0.5, 1);
        conversion.Touches.Should().OnlyContain(t => t.Reason == CreditReason.ModelWeight);
        conversion.Touches[0].Detail.Should().Be("weight 0.5 from model weekday");
        Values(conversion).Should().Equal([10, 20], (a, e) => Close(a, e));
    }

    [Fact]
    public void Explain_ChannelWeights_GiveTheChannelsWeight()
    {
        // email 3, search 1 (unlisted) → shares 1/4, 3/4 of 40 → 10, 30.
        var model = AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["email"] = 3 } });
        var journey = JourneyOf("w", [Touch(-3, "search"), Touch(-1, "email")], Conv(0, 40));

        var conversion = new AttributionEngine().Explain(journey, model).Conversions.Single();

        conversion.Touches.Select(t => t.Reason).Should().Equal(CreditReason.ChannelWeight, CreditReason.ChannelWeight);
        conversion.Touches[1].Detail.Should().Be("weight of channel email: 3");
        Values(conversion).Should().Equal([10, 30], (a, e) => Close(a, e));
    }

    [Fact]
    public void Explain_CreditsEqualTheHandValuesAndWhatRunCreditsThatJourney()
    {
        // The lookback/reset/excluded journey above under u-shaped, beside another journey: order#1 over x, y →
        // two touches f/(f+l) = 0.5 each of 50 → 25, 25; order#2 over z alone → 100.
        var journey = JourneyOf(
            "ian",
            [Touch(-40, "display"), Touch(-20, "search"), Touch(-10, "email"), Touch(-5, "direct")],
            Conv(-15, 50),
            Conv(0, 100));
        var other = JourneyOf("other", [Touch(-3, "email")], Conv(0, 7));
        var options = new AttributionOptions { Lookback = TimeSpan.FromDays(30), ExcludedChannels = ["direct"], IncludeTouchpointCredits = true };
        var engine = new AttributionEngine(options);
        var set = JourneySet.Create([other, journey]);

        var explanation = engine.Explain(journey, AttributionModels.UShaped());
        var run = engine.Run(set, AttributionModels.UShaped()).Touchpoints.Where(c => c.Journey == 1).ToList();

        // (conversion, touch index in the journey, value), worked out above.
        (int, int, double)[] expected = [(0, 0, 25), (0, 1, 25), (1, 2, 100)];
        var explained = explanation.Conversions.SelectMany(c => c.EligibleTouches.Select(t => (c.Index, t.Index, t.Value))).ToList();
        explained.Should().Equal(expected);

        var firstConversion = set.GetConversionRange(1).Start.Value;
        var firstTouch = set.GetTouchpointRange(1).Start.Value;
        run.Select(c => (c.Conversion - firstConversion, c.Touchpoint - firstTouch, c.Value)).Should().Equal(expected);
        explanation.Conversions.Select(Sum).Should().Equal(50, 100);
    }

    [Fact]
    public void Explain_EveryModel_CreditsSumToTheConversionValueAndMatchAttribute()
    {
        // Conservation under every built-in rule-based model, and the same shares as the friendly Attribute.
        var journey = new Journey(
            "all",
            [Touch(-10, "a"), Touch(-8, "b"), Touch(-6, "c"), Touch(-5, "a"), Touch(-3, "d")],
            [new Conversion(Day(-7), 10, "lead"), new Conversion(Day(-4), 20, "opportunity"), new Conversion(Day(0), 100, "order")]);
        var engine = new AttributionEngine(new AttributionOptions { Stages = Stages });
        foreach (var name in AttributionModels.RuleBasedNames)
        {
            var model = AttributionModels.Create(name);
            var explanation = engine.Explain(journey, model);
            var credits = engine.Attribute(journey, model).Credits;

            explanation.Conversions.Select(Sum).Should().Equal([10, 20, 100], (a, e) => Math.Abs(a - e) < 1e-9, name);
            explanation.Conversions.SelectMany(c => c.EligibleTouches.Select(t => t.Value))
                .Should().Equal(credits.Select(c => c.Value), name);
        }
    }

    [Fact]
    public void Explain_ToString_PrintsAHeadingAndOneLinePerTouch()
    {
        var journey = JourneyOf("anna", [Touch(-40, "display"), Touch(-2, "search", "spring")], Conv(0, 10));

        var text = new AttributionEngine(new AttributionOptions { Lookback = TimeSpan.FromDays(30) }).Explain(journey, AttributionModels.Linear).ToString();

        text.Should().Be(
            "journey anna, model linear: 1 conversion(s)\n"
            + "conversion at 2026-03-10T12:00:00Z, value 10: credited to 1 of 2 touches before it\n"
            + "  #0 display at 2026-01-29T12:00:00Z (Δt 40d): not eligible — Δt 40d is more than the 30d lookback of conversion\n"
            + "  #1 search / spring at 2026-03-08T12:00:00Z (Δt 2d): weight 1, share 1, value 10 — position 1 of 1 (the only eligible touch); linear weighs every touch alike");
    }

    private static double[] Values(ConversionExplanation conversion) => [.. conversion.Touches.Select(t => t.Value)];

    private static double Sum(ConversionExplanation conversion) => conversion.Touches.Sum(t => t.Value);
}
