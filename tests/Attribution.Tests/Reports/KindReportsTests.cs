using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Reports;

/// <summary>The reports per conversion kind: ROI per kind, funnels, comparison per kind, contributions per kind.</summary>
public sealed class KindReportsTests
{
    private static readonly DateTimeOffset T = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// f1: webinar (T), search (T+1d), lead 10 (T+2d), email (T+3d), order 1000 (T+4d).
    /// f2: search (T), lead 10 (T+1d).
    /// Linear, same-kind: leads → f1 webinar 1/2, search 1/2 (5 each); f2 search 1 (10). Orders → f1 webinar, search,
    /// email 1/3 each (333.33 each).
    /// </summary>
    private static AttributionReport Report(AttributionOptions? options = null) => new AttributionEngine(options ?? new AttributionOptions { IncludeTouchpointCredits = true }).Run(
        [
            new Journey(
                "f1",
                [new Touchpoint(T, "webinar", "spring"), new Touchpoint(T.AddDays(1), "search", "brand"), new Touchpoint(T.AddDays(3), "email")],
                [new Conversion(T.AddDays(2), 10, "lead"), new Conversion(T.AddDays(4), 1000, "order")]),
            new Journey("f2", [new Touchpoint(T, "search", "brand")], [new Conversion(T.AddDays(1), 10, "lead")]),
        ],
        [AttributionModels.Linear, AttributionModels.LastTouch]);

    private static SpendTable Spend() => new(
        [
            new SpendLine("search", "brand", new DateOnly(2026, 1, 15), 30),
            new SpendLine("search", "brand", new DateOnly(2026, 2, 1), 60),
            new SpendLine("webinar", "spring", new DateOnly(2026, 2, 10), 100),
        ]);

    [Fact]
    public void ReturnOnSpend_ByChannel_IsPerKind_CostPerLeadAndPerOrder()
    {
        var rows = ReturnOnSpend.ByChannel(Report()["linear"], Spend());

        // Channels in data order (webinar, search, email) for each kind in data order (lead, order).
        rows.Select(r => $"{r.Kind}/{r.Key}").Should().Equal("lead/webinar", "lead/search", "lead/email", "order/webinar", "order/search", "order/email");

        // search: spend 30 + 60 = 90. Leads: 1/2 + 1 = 1.5 credited, worth 5 + 10 = 15 → cost per lead 90 / 1.5 = 60, ROAS 15 / 90.
        var searchLeads = rows[1];
        searchLeads.Spend.Should().Be(90);
        searchLeads.Conversions.Should().Be(1.5);
        searchLeads.Value.Should().Be(15);
        searchLeads.Cpa.Should().Be(60);
        searchLeads.Roas.Should().BeApproximately(15.0 / 90, 1e-15);

        // Orders: 1/3 worth 1000/3 → cost per order 90 / (1/3) = 270, ROAS (1000/3) / 90.
        var searchOrders = rows[4];
        searchOrders.Conversions.Should().BeApproximately(1.0 / 3, 1e-15);
        searchOrders.Cpa.Should().BeApproximately(270, 1e-9);
        searchOrders.Roas.Should().BeApproximately(1000.0 / 3 / 90, 1e-12);

        // email earned 1/3 order but no spend line names it: n/a, not a cost of 0.
        rows[5].HasSpendLine.Should().BeFalse();
        rows[5].Cpa.Should().BeNull();
        rows[5].Roas.Should().BeNull();
    }

    [Fact]
    public void ReturnOnSpend_Totals_AllSpendAgainstEachKind()
    {
        var totals = ReturnOnSpend.Totals(Report()["linear"], Spend());

        // Spend 30 + 60 + 100 = 190. Leads: 2 credited worth 20 → cost per lead 95, ROAS 20 / 190.
        // Orders: 1 credited worth 1000 → cost per order 190, ROAS 1000 / 190.
        totals.Select(t => t.Kind).Should().Equal("lead", "order");
        totals[0].Spend.Should().Be(190);
        totals[0].Cpa.Should().Be(95);
        totals[0].Roas.Should().BeApproximately(20.0 / 190, 1e-15);
        totals[1].Cpa.Should().BeApproximately(190, 1e-9);
        totals[1].Value.Should().BeApproximately(1000, 1e-9);
    }

    [Fact]
    public void ReturnOnSpend_WithAPeriod_CountsOnlySpendDatedInsideIt()
    {
        var options = new AttributionOptions { Period = new ReportingPeriod(T, T.AddDays(7)) };

        var rows = ReturnOnSpend.ByChannel(Report(options)["linear"], Spend());

        // [Feb 1, Feb 8): search's Jan 15 line (30) is out, its Feb 1 line (60) in; webinar's Feb 10 line (100) is out.
        rows.First(r => r.Key == "search").Spend.Should().Be(60);
        var webinar = rows.First(r => r.Key == "webinar");
        webinar.Spend.Should().Be(0);
        webinar.HasSpendLine.Should().BeFalse("no spend line of the period names it");
    }

    [Fact]
    public void SpendTable_Within_KeepsUndatedLinesAndLinesWhoseDayStartsInThePeriod()
    {
        var table = new SpendTable([new SpendLine("a", null, new DateOnly(2026, 1, 31), 1), new SpendLine("a", null, null, 2), new SpendLine("a", null, new DateOnly(2026, 2, 7), 4), new SpendLine("a", null, new DateOnly(2026, 2, 8), 8)], "EUR");

        var within = table.Within(new ReportingPeriod(T, T.AddDays(7)));

        // Feb 7 00:00 is inside [Feb 1, Feb 8); Jan 31 and Feb 8 are not; the undated line stays: 2 + 4 = 6.
        within.Total.Should().Be(6);
        within.Currency.Should().Be("EUR");
        table.Within(null).Should().BeSameAs(table);
    }

    [Fact]
    public void FunnelTable_PerChannelStagesAndRatios()
    {
        var funnel = FunnelTable.Build(Report()["linear"], ["lead", "order"]);

        // webinar: 1/2 lead, 1/3 order → ratio 2/3. search: 1.5 leads, 1/3 order → 2/9. email: 0 leads, 1/3 order → n/a.
        funnel.Stages.Should().Equal("lead", "order");
        funnel.Rows.Select(r => r.Channel).Should().Equal("webinar", "search", "email");
        funnel.Rows[0].Conversions[0].Should().Be(0.5);
        funnel.Rows[0].Conversions[1].Should().BeApproximately(1.0 / 3, 1e-15);
        funnel.Rows[0].Ratios[0].Should().BeApproximately(2.0 / 3, 1e-15);
        funnel.Rows[1].Ratios[0].Should().BeApproximately(2.0 / 9, 1e-15);
        funnel.Rows[2].Ratios[0].Should().BeNull();
    }

    [Fact]
    public void FunnelTable_StageAbsentFromTheData_CountsZero_AndBadStagesThrow()
    {
        var result = Report()["linear"];

        var funnel = FunnelTable.Build(result, ["lead", "opportunity", "order"]);

        // No opportunity in the data: 0 everywhere, so opportunity/lead is 0 and order/opportunity undefined.
        funnel.Rows[0].Conversions[1].Should().Be(0);
        funnel.Rows[0].Ratios.Should().Equal(0, null);
        FluentActions.Invoking(() => FunnelTable.Build(result, [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FunnelTable.Build(result, ["lead", "lead"])).Should().Throw<ArgumentException>().WithMessage("*twice*");
    }

    [Fact]
    public void ModelComparison_PerKind_SharesOfThatKindOnly()
    {
        var report = Report();

        var orders = ModelComparison.ByChannel(report, "order");

        // Orders: linear 1/3 each; last-touch email 1. email's spread 1 − 1/3 = 2/3 comes first.
        orders.Totals.Should().OnlyContain(static t => Math.Abs(t - 1000) < 1e-9).And.HaveCount(2);
        orders.Rows[0].Key.Should().Be("email");
        orders.Rows[0].Spread.Should().BeApproximately(2.0 / 3, 1e-12);
        FluentActions.Invoking(() => ModelComparison.ByChannel(report)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => ModelComparison.ByChannel(report, "opportunity")).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void ContributionRecords_ByCampaign_KeepsKindsApart()
    {
        var rows = ContributionRecords.From(Report()["linear"]).ByCampaign();

        // brand (search): leads 1/2 + 1 = 1.5 worth 15; orders 1/3 worth 1000/3. Never one row of 15 + 333.
        var brandLeads = rows.Single(r => r.Campaign == "brand" && r.Kind == "lead");
        brandLeads.CreditedConversions.Should().Be(1.5);
        brandLeads.Value.Should().Be(15);
        var brandOrders = rows.Single(r => r.Campaign == "brand" && r.Kind == "order");
        brandOrders.Value.Should().BeApproximately(1000.0 / 3, 1e-9);
    }

    [Fact]
    public void BudgetWhatIf_PlansOneKindsValue_AndRefusesToGuessTheKind()
    {
        var result = Report()["linear"];
        var spend = new SpendTable([new SpendLine("search", null, null, 100), new SpendLine("webinar", null, null, 100)]);
        var options = new BudgetWhatIfOptions { Budget = 200, Elasticity = 1 };

        // β = 1: all the budget goes to the best ROAS of the kind. Leads: search 15 / 100 beats webinar 5 / 100 → search 200.
        // Orders: both earned 1000/3 → equal ROAS, the first in row order (webinar) takes it all.
        var leads = BudgetWhatIf.Plan(result, spend, options, "lead");
        leads.Lines.Single(l => l.Key == "search").ProposedSpend.Should().Be(200);
        var orders = BudgetWhatIf.Plan(result, spend, options, "order");
        orders.Lines.Single(l => l.Key == "webinar").ProposedSpend.Should().Be(200);
        FluentActions.Invoking(() => BudgetWhatIf.Plan(result, spend, options)).Should().Throw<InvalidOperationException>().WithMessage("*2 conversion kinds*");
    }
}
