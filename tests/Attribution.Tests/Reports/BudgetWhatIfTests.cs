using Attribution.Reports;
using CsCheck;

namespace Attribution.Tests.Reports;

public sealed class BudgetWhatIfTests
{
    private const double Tight = 1e-9;

    private static SpendReturn Row(string key, double spend, double value) => new("m", key, [key], spend, 1, value);

    private static BudgetPlan Plan(double budget, double beta, double min, double max, params SpendReturn[] rows)
        => BudgetWhatIf.Plan(rows, new BudgetWhatIfOptions { Budget = budget, Elasticity = beta, MinMultiplier = min, MaxMultiplier = max });

    /// <summary>Bounds are products such as 1.1 × 100 = 110.00000000000001, so spends are compared to 1e-9.</summary>
    private static void ShouldPropose(BudgetPlan plan, params double[] spends)
    {
        plan.Lines.Should().HaveCount(spends.Length);
        for (var i = 0; i < spends.Length; i++)
        {
            plan.Lines[i].ProposedSpend.Should().BeApproximately(spends[i], Tight, "line {0}", plan.Lines[i].Key);
        }
    }

    private static BudgetPlan Plan(double budget, double beta, params SpendReturn[] rows)
        => BudgetWhatIf.Plan(rows, new BudgetWhatIfOptions { Budget = budget, Elasticity = beta });

    [Fact]
    public void Plan_IssueExample_HalfElasticity_SharesByASquared()
    {
        var plan = Plan(200, 0.5, Row("A", 100, 400), Row("B", 100, 100));

        // a = v₀ / s₀^β: a_A = 400 / √100 = 40, a_B = 100 / √100 = 10. s ∝ a^(1/(1−β)) = a²: 1600 : 100.
        // A = 200 · 1600 / 1700 = 3200 / 17 = 188.235294…, B = 200 · 100 / 1700 = 200 / 17 = 11.764705…
        // v_A = 400 · √(32/17) = 548.795…, v_B = 100 · √(2/17) = 34.299…;
        // total = Σ a · √(200 · a² / 1700) = √200 · 1700 / √1700 = √(200 · 1700) = √340000 = 583.0951894845…
        plan.Lines.Select(l => l.Key).Should().Equal("A", "B");
        var (a, b) = (plan.Lines[0], plan.Lines[1]);
        a.ProposedSpend.Should().BeApproximately(3200.0 / 17, Tight);
        b.ProposedSpend.Should().BeApproximately(200.0 / 17, Tight);
        a.Change.Should().BeApproximately((3200.0 / 17) - 100, Tight);
        b.Change.Should().BeApproximately((200.0 / 17) - 100, Tight);
        a.ExpectedValue.Should().BeApproximately(400 * Math.Sqrt(32.0 / 17), Tight);
        b.ExpectedValue.Should().BeApproximately(100 * Math.Sqrt(2.0 / 17), Tight);
        a.Bound.Should().Be(BudgetBound.None);
        b.Bound.Should().Be(BudgetBound.None);

        plan.Total.Key.Should().Be(BudgetPlan.TotalKey);
        plan.Total.CurrentSpend.Should().Be(200);
        plan.Total.CurrentValue.Should().Be(500);
        plan.Total.ProposedSpend.Should().BeApproximately(200, Tight);
        plan.Total.Change.Should().BeApproximately(0, Tight);
        plan.Total.ExpectedValue.Should().BeApproximately(Math.Sqrt(340_000), Tight);
        plan.Total.ExpectedValue.Should().BeApproximately(583.0951894845, 1e-9);
        plan.LeftOut.Should().BeEmpty();
        plan.Model.Should().Be("m");
    }

    [Fact]
    public void Plan_IssueExample_ElasticityOne_AllToTheBestRoas()
    {
        var plan = Plan(200, 1, Row("A", 100, 400), Row("B", 100, 100));

        // ROAS A = 4, B = 1: from both at 0 (no minimum), all 200 goes to A. Value 400 · 200 / 100 = 800; B's is 0.
        plan.Lines[0].ProposedSpend.Should().Be(200);
        plan.Lines[0].Bound.Should().Be(BudgetBound.None);
        plan.Lines[0].ExpectedValue.Should().Be(800);
        plan.Lines[1].ProposedSpend.Should().Be(0);
        plan.Lines[1].Bound.Should().Be(BudgetBound.Minimum);
        plan.Lines[1].ExpectedValue.Should().Be(0);
        plan.Total.ExpectedValue.Should().Be(800);
    }

    [Fact]
    public void Plan_MaximumClipped_RestSharedAmongTheOthers()
    {
        var plan = Plan(300, 0.5, 0, 1.5, Row("A", 100, 400), Row("B", 100, 100), Row("C", 100, 200));

        // a = 40, 10, 20; weights a² = 1600, 100, 400 (sum 2100). Unbounded A = 300 · 1600 / 2100 = 228.57 > 1.5 · 100.
        // A is fixed at 150; the other 150 is shared 100 : 400 → B = 30, C = 120, both inside [0, 150].
        // Values: A 400 · √1.5, B 100 · √0.3, C 200 · √1.2.
        ShouldPropose(plan, 150, 30, 120);
        plan.Lines.Select(l => l.Bound).Should().Equal(BudgetBound.Maximum, BudgetBound.None, BudgetBound.None);
        plan.Total.ExpectedValue.Should().BeApproximately((400 * Math.Sqrt(1.5)) + (100 * Math.Sqrt(0.3)) + (200 * Math.Sqrt(1.2)), Tight);
    }

    [Fact]
    public void Plan_BothBounds_ClippedInTurn()
    {
        var plan = Plan(300, 0.5, 0.5, 1.5, Row("A", 100, 400), Row("B", 100, 100), Row("C", 100, 200));

        // Round 1: A 228.57 (78.57 above 150), B 14.29 (35.71 below 50), C 57.14: more above than below → A fixed at 150.
        // Round 2: 150 shared 100 : 400 → B 30 (20 below 50), C 120 → B fixed at 50. Round 3: C takes the last 100.
        // KKT: C's marginal 20 · 0.5 / √100 = 1; A's at its max 40 · 0.5 / √150 = 1.63 ≥ 1; B's at its min 10 · 0.5 / √50 = 0.71 ≤ 1.
        ShouldPropose(plan, 150, 50, 100);
        plan.Lines.Select(l => l.Bound).Should().Equal(BudgetBound.Maximum, BudgetBound.Minimum, BudgetBound.None);
    }

    [Fact]
    public void Plan_AboveItsMaximumAtFirst_EndsBetweenItsBounds()
    {
        var plan = Plan(300, 0.5, 0.9, 1.1, Row("A", 100, 130), Row("B", 100, 100), Row("C", 100, 10));

        // a = 13, 10, 1; weights 169, 100, 1 (sum 270). Round 1: A 187.8 (77.8 above 110), B 111.1 (1.1 above 110),
        // C 1.1 (88.9 below 90). Clipping both sides now would pin B at 110 and leave nothing for anyone.
        // More below than above → only C is fixed, at 90. Round 2: 210 shared 169 : 100 → A 131.9 (21.9 above), B 78.1
        // (11.9 below) → A fixed at 110. Round 3: B takes 100, its current spend, between its bounds.
        ShouldPropose(plan, 110, 100, 90);
        plan.Lines.Select(l => l.Bound).Should().Equal(BudgetBound.Maximum, BudgetBound.None, BudgetBound.Minimum);
    }

    [Fact]
    public void Plan_ElasticityOne_WithBounds_FillsBestRoasFirst()
    {
        var plan = Plan(300, 1, 0.5, 1.5, Row("B", 100, 100), Row("A", 100, 400), Row("C", 100, 200));

        // All start at 50 (150 spent); ROAS A 4 > C 2 > B 1. A gets 100 more (to its max 150), C the last 50 (to 100).
        // Values: B 100 · 0.5 = 50, A 400 · 1.5 = 600, C 200 · 1 = 200.
        plan.Lines.Select(l => l.Key).Should().Equal("B", "A", "C");
        plan.Lines.Select(l => l.ProposedSpend).Should().Equal(50, 150, 100);
        plan.Lines.Select(l => l.Bound).Should().Equal(BudgetBound.Minimum, BudgetBound.Maximum, BudgetBound.None);
        plan.Lines.Select(l => l.ExpectedValue).Should().Equal(50, 600, 200);
        plan.Total.ExpectedValue.Should().Be(850);
    }

    [Fact]
    public void Plan_SingleChannel_TakesTheWholeBudget()
    {
        // 400 · √(150 / 100) = 489.897948…; with β = 1, 400 · 1.5 = 600.
        var half = Plan(150, 0.5, Row("A", 100, 400));
        half.Lines.Should().ContainSingle().Which.ProposedSpend.Should().Be(150);
        half.Total.ExpectedValue.Should().BeApproximately(400 * Math.Sqrt(1.5), Tight);

        var one = Plan(150, 1, Row("A", 100, 400));
        one.Lines[0].ProposedSpend.Should().Be(150);
        one.Total.ExpectedValue.Should().Be(600);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Plan_BudgetBelowTheMinimums_Throws(double beta)
    {
        // Σ min = 0.5 · (100 + 100) = 100.
        var act = () => Plan(99, beta, 0.5, 2, Row("A", 100, 400), Row("B", 100, 100));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("The budget, 99, is below 100, the least*");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Plan_BudgetAboveTheMaximums_Throws(double beta)
    {
        // Σ max = 2 · (100 + 100) = 400.
        var act = () => Plan(401, beta, 0.5, 2, Row("A", 100, 400), Row("B", 100, 100));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("The budget, 401, is above 400, the most*");
    }

    [Fact]
    public void Plan_BudgetAtTheBounds_AllAtMinimumOrMaximum()
    {
        // Σ min = 100, Σ max = 400: nothing to choose at either end.
        Plan(100, 0.5, 0.5, 2, Row("A", 100, 400), Row("B", 100, 100)).Lines.Select(l => l.ProposedSpend).Should().Equal(50, 50);
        Plan(400, 0.5, 0.5, 2, Row("A", 100, 400), Row("B", 100, 100)).Lines.Select(l => l.ProposedSpend).Should().Equal(200, 200);
    }

    [Fact]
    public void Plan_SpendWithoutCredit_StaysAtItsMinimum_AndCannotAbsorbBudget()
    {
        var plan = Plan(250, 0.5, 0.5, 2, Row("A", 100, 400), Row("Z", 100, 0));

        // Z earned nothing: it stays at 0.5 · 100 = 50 and A takes the other 200 (its max). Value 400 · √2 + 0.
        plan.Lines.Select(l => l.ProposedSpend).Should().Equal(200, 50);
        plan.Lines.Select(l => l.Bound).Should().Equal(BudgetBound.Maximum, BudgetBound.Minimum);
        plan.Lines[1].ExpectedValue.Should().Be(0);
        plan.Total.ExpectedValue.Should().BeApproximately(400 * Math.Sqrt(2), Tight);

        // Σ max is A's 200 plus Z's minimum 50 = 250, not 400: Z's maximum cannot take money it would earn nothing from.
        var act = () => Plan(251, 0.5, 0.5, 2, Row("A", 100, 400), Row("Z", 100, 0));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("The budget, 251, is above 250*");
    }

    [Fact]
    public void Plan_FromResultAndSpend_LeavesOutAndListsChannelsWithoutSpend()
    {
        var plan = BudgetWhatIf.Plan(ReportFixtures.Report()["last-touch"], ReportFixtures.Spend(), new BudgetWhatIfOptions { Budget = 280 });

        // Last touch: search spent 200 and earned 100; email earned 300 with no spend; display has neither; social spent 80
        // and earned nothing. email and display are left out; social goes to its minimum 0 × 80; search takes all 280:
        // 100 · √(280 / 200) = 100 · √1.4 = 118.32…
        plan.Model.Should().Be("last-touch");
        plan.LeftOut.Select(r => (r.Key, r.Value)).Should().Equal(("email", 300.0), ("display", 0.0));
        plan.Lines.Select(l => (l.Key, l.CurrentSpend, l.CurrentValue, l.ProposedSpend, l.Bound)).Should().Equal(
            ("search", 200.0, 100.0, 280.0, BudgetBound.None),
            ("social", 80.0, 0.0, 0.0, BudgetBound.Minimum));
        plan.Total.ExpectedValue.Should().BeApproximately(100 * Math.Sqrt(1.4), Tight);
        plan.Total.CurrentSpend.Should().Be(280);
    }

    [Fact]
    public void Plan_NoChannelWithSpend_Throws()
    {
        var act = () => Plan(100, 0.5, Row("A", 0, 400));

        act.Should().Throw<ArgumentException>().WithParameterName("returns").WithMessage("No channel has spend*");
    }

    [Fact]
    public void Plan_RowsOfTwoModelsOrARepeatedKey_Throw()
    {
        var options = new BudgetWhatIfOptions { Budget = 100 };
        var twoModels = () => BudgetWhatIf.Plan([Row("A", 100, 1), new SpendReturn("other", "B", [], 100, 1, 1)], options);
        var repeated = () => BudgetWhatIf.Plan([Row("A", 100, 1), Row("A", 50, 1)], options);

        twoModels.Should().Throw<ArgumentException>().WithMessage("*more than one model*");
        repeated.Should().Throw<ArgumentException>().WithMessage("*'A' twice*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void Options_ElasticityOutOfRange_Throws(double beta)
    {
        var act = () => new BudgetWhatIfOptions { Budget = 100, Elasticity = beta };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Elasticity");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_BudgetNotPositiveAndFinite_Throws(double budget)
    {
        var act = () => new BudgetWhatIfOptions { Budget = budget };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Budget");
    }

    [Fact]
    public void Options_BadMultipliers_Throw()
    {
        var negativeMin = () => new BudgetWhatIfOptions { Budget = 1, MinMultiplier = -0.1 };
        var infiniteMin = () => new BudgetWhatIfOptions { Budget = 1, MinMultiplier = double.PositiveInfinity };
        var zeroMax = () => new BudgetWhatIfOptions { Budget = 1, MaxMultiplier = 0 };
        var minAboveMax = () => Plan(100, 0.5, 2, 1.5, Row("A", 100, 1));

        negativeMin.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinMultiplier");
        infiniteMin.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinMultiplier");
        zeroMax.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxMultiplier");
        minAboveMax.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MinMultiplier").WithMessage("*2, exceeds*1.5*");
    }

    [Fact]
    public void Assumption_StatesTheFormulaAndTheBounds()
    {
        Plan(150, 0.5, 0.5, 2, Row("A", 100, 400)).Assumption.Should().Be(
            "What-if, not a forecast: assumes each channel's credited value (m model) responds to its spend as v = v0 · (s / s0)^0.5, with each channel spending between 0.5× and 2× its current spend.");
        Plan(150, 1, Row("A", 100, 400)).Assumption.Should().EndWith("(s / s0)^1, with no bounds on a channel's spend.");
    }

    [Fact]
    public void Plan_MatchesBisectionOnTheMarginalValue()
    {
        // Reference: at the optimum every channel's spend is clip((a β / λ)^(1/(1−β)), min · s₀, max · s₀) for one λ
        // (KKT); Σ spend falls as λ grows, so bisect ln λ until the spends add up to the budget.
        var row = Gen.Select(Gen.Double[1, 1000], Gen.OneOf(Gen.Const(0.0), Gen.Double[1, 1000]));
        var instance = Gen.Select(row.Array[1, 6], Gen.Double[0.1, 0.9], Gen.Double[0, 1], Gen.OneOf(Gen.Double[1, 3], Gen.Const(double.PositiveInfinity)), Gen.Double[0.01, 0.99]);
        instance.Sample((rows, beta, min, max, t) =>
        {
            var returns = rows.Select((r, i) => Row($"c{i}", r.Item1, r.Item2)).ToArray();
            var sumMin = returns.Sum(r => min * r.Spend);
            var sumMax = returns.Sum(r => r.Value > 0 ? max * r.Spend : min * r.Spend);
            if (!(sumMax > sumMin * 1.001))
            {
                return true;
            }

            var budget = double.IsPositiveInfinity(sumMax) ? sumMin + (t * 2000) + 1 : sumMin + (t * (sumMax - sumMin));
            var plan = Plan(budget, beta, min, max, returns);
            var reference = Bisect(returns, beta, min, max, budget);
            for (var i = 0; i < returns.Length; i++)
            {
                if (Math.Abs(plan.Lines[i].ProposedSpend - reference[i]) > 1e-6 * budget)
                {
                    return false;
                }
            }

            return Math.Abs(plan.Total.ProposedSpend - budget) <= 1e-9 * budget;
        });
    }

    private static double[] Bisect(SpendReturn[] rows, double beta, double min, double max, double budget)
    {
        double[] Spends(double logLambda) => rows.Select(r => r.Value == 0
            ? min * r.Spend
            : Math.Clamp(Math.Exp((Math.Log(r.Value / Math.Pow(r.Spend, beta) * beta) - logLambda) / (1 - beta)), min * r.Spend, max * r.Spend)).ToArray();

        double low = -1000, high = 1000;
        for (var k = 0; k < 200; k++)
        {
            var mid = (low + high) / 2;
            if (Spends(mid).Sum() > budget)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Spends((low + high) / 2);
    }
}
