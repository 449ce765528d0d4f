using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;

namespace Attribution.Tests.Reports;

public sealed class TeamReportTests
{
    private static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextJan1 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset On(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The marketer's year: the company is to earn 100,000,000, marketing 20 % of it, split between online ads
    /// (10,000,000), content (5,000,000) and offline events (5,000,000).
    /// Orders, under linear: j1 search-ads 6M; j2 blog 4M; j3 expo 3M; j4 partner-promo (no owner) 1M; j5 search-ads and
    /// blog 4M, 2M each. Online ads 6 + 2 = 8M, content 4 + 2 = 6M, offline 3M, unassigned 1M; 18M credited.
    /// j2's lead (500) is another kind and must not count.
    /// </summary>
    private static TeamReport MarketersYear(out AttributionReport report)
    {
        Journey[] journeys =
        [
            new("j1", [new Touchpoint(On(3, 1), "search", "search-ads")], [new Conversion(On(3, 2), 6_000_000, "order")]),
            new("j2", [new Touchpoint(On(4, 1), "content", "blog")], [new Conversion(On(4, 2), 500, "lead"), new Conversion(On(4, 3), 4_000_000, "order")]),
            new("j3", [new Touchpoint(On(5, 1), "events", "expo")], [new Conversion(On(5, 2), 3_000_000, "order")]),
            new("j4", [new Touchpoint(On(6, 1), "referral", "partner-promo")], [new Conversion(On(6, 2), 1_000_000, "order")]),
            new("j5", [new Touchpoint(On(7, 1), "search", "search-ads"), new Touchpoint(On(7, 2), "content", "blog")], [new Conversion(On(7, 3), 4_000_000, "order")]),
        ];
        report = new AttributionEngine(new AttributionOptions { Period = new ReportingPeriod(Jan1, NextJan1) })
            .Run(journeys, [AttributionModels.Linear]);
        var teams = new TeamStructure(
            [new("search-ads", "online ads"), new("blog", "content"), new("expo", "offline")],
            [new("company", null), new("marketing", "company"), new("online ads", "marketing"), new("content", "marketing"), new("offline", "marketing")],
            [
                new("company", Jan1, NextJan1, 100_000_000),
                new("marketing", Jan1, NextJan1, 20_000_000),
                new("online ads", Jan1, NextJan1, 10_000_000),
                new("content", Jan1, NextJan1, 5_000_000),
                new("offline", Jan1, NextJan1, 5_000_000),
            ]);
        return TeamReport.Build(report, teams, "order");
    }

    [Fact]
    public void Build_MarketersYear_CreditTargetAttainmentAndSiblingSplit()
    {
        var rows = MarketersYear(out _).Rows.ToDictionary(r => r.Team);

        rows.Keys.Should().Equal("company", "marketing", "online ads", "content", "offline", TeamReport.UnassignedKey, TeamReport.NoCampaignKey);

        // Credited 8M / 6M / 3M of targets 10M / 5M / 5M: 80 %, 120 %, 60 %.
        rows["online ads"].Value.Should().Be(8_000_000);
        rows["online ads"].Attainment.Should().Be(0.8);
        rows["content"].Value.Should().Be(6_000_000);
        rows["content"].Attainment.Should().Be(1.2);
        rows["offline"].Value.Should().Be(3_000_000);
        rows["offline"].Attainment.Should().Be(0.6);

        // Marketing: 8 + 6 + 3 = 17M of 20M = 85 %; it owns no campaign itself.
        rows["marketing"].Value.Should().Be(17_000_000);
        rows["marketing"].OwnValue.Should().Be(0);
        rows["marketing"].Target.Should().Be(20_000_000);
        rows["marketing"].Attainment.Should().Be(0.85);

        // The company gets marketing's 17M (the unassigned 1M is nobody's): 17 %.
        rows["company"].Value.Should().Be(17_000_000);
        rows["company"].Attainment.Should().Be(0.17);

        // Performance pay split among marketing's teams: 8/17, 6/17, 3/17; marketing is the company's only child.
        rows["online ads"].SiblingShare.Should().Be(8.0 / 17);
        rows["content"].SiblingShare.Should().Be(6.0 / 17);
        rows["offline"].SiblingShare.Should().Be(3.0 / 17);
        rows["marketing"].SiblingShare.Should().Be(1);

        // Conversions: online ads j1 (1) + half of j5 = 1.5; content j2's order (1, not its lead) + half of j5 = 1.5.
        rows["online ads"].Conversions.Should().Be(1.5);
        rows["content"].Conversions.Should().Be(1.5);
        rows["marketing"].Conversions.Should().Be(4);

        rows[TeamReport.UnassignedKey].Value.Should().Be(1_000_000);
        rows[TeamReport.UnassignedKey].Target.Should().BeNull();
        rows[TeamReport.UnassignedKey].SiblingShare.Should().BeNull();
        rows[TeamReport.NoCampaignKey].Value.Should().Be(0);

        rows["marketing"].Parent.Should().Be("company");
        rows["online ads"].Depth.Should().Be(2);
    }

    [Fact]
    public void Build_MarketersYear_LeavesUnassignedAndNoCampaignAddUpToTheKindsCredit()
    {
        var teams = MarketersYear(out var report);

        // 8M + 6M + 3M + 1M + 0 = 18M, the orders' credited value (the 500 lead is another kind).
        var leaves = teams.Rows.Where(r => r.Team is "online ads" or "content" or "offline" or TeamReport.UnassignedKey or TeamReport.NoCampaignKey).Sum(r => r.Value);
        leaves.Should().Be(18_000_000);
        report.Results[0].ForKind("order").CreditedValue.Should().Be(18_000_000);
    }

    [Fact]
    public void Build_CampaignMovesMidPeriod_OnlyLaterTouchesMove()
    {
        // blog belongs to content until July 1st and to online ads from then on (the boundary instant is the new owner's).
        var moved = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var teams = new TeamStructure(
        [
            new("blog", "content", null, moved),
            new("blog", "online ads", moved, null),
        ]);
        Journey[] journeys =
        [
            // a: touched before the move, converted after it: content's 100.
            new("a", [new Touchpoint(On(6, 1), "content", "blog")], [new Conversion(On(8, 1), 100)]),
            // b: touched after the move: online ads' 50.
            new("b", [new Touchpoint(On(7, 15), "content", "blog")], [new Conversion(On(8, 1), 50)]),
            // c: one touch on each side of the move, linear: 20 each.
            new("c", [new Touchpoint(On(6, 20), "content", "blog"), new Touchpoint(On(7, 10), "content", "blog")], [new Conversion(On(7, 20), 40)]),
            // d: touched at the very instant of the move: online ads' 8.
            new("d", [new Touchpoint(moved, "content", "blog")], [new Conversion(On(7, 2), 8)]),
        ];
        var report = new AttributionEngine().Run(journeys, [AttributionModels.Linear]);

        var rows = TeamReport.Build(report, teams, Conversion.DefaultKind).Rows.ToDictionary(r => r.Team);

        // content 100 + 20 = 120; online ads 50 + 20 + 8 = 78.
        rows["content"].Value.Should().Be(120);
        rows["online ads"].Value.Should().Be(78);
        rows[TeamReport.UnassignedKey].Value.Should().Be(0);
        teams.OwnerAt("blog", moved.AddTicks(-1)).Should().Be("content");
        teams.OwnerAt("blog", moved).Should().Be("online ads");
    }

    [Fact]
    public void Build_TouchWithoutCampaignAndCampaignBeforeItsOwnership_GoToTheirOwnRows()
    {
        var teams = new TeamStructure([new("launch", "ads", On(6, 1), null)]);
        Journey[] journeys =
        [
            // Linear over 3 touches of 90: 30 each. The direct touch has no campaign; launch's first touch is before ads owned it.
            new("j", [new Touchpoint(On(5, 1), "display", "launch"), new Touchpoint(On(6, 2), "direct"), new Touchpoint(On(6, 3), "display", "launch")], [new Conversion(On(6, 4), 90)]),
        ];
        var report = new AttributionEngine().Run(journeys, [AttributionModels.Linear, AttributionModels.LastTouch]);

        var build = TeamReport.Build(report, teams, Conversion.DefaultKind);
        var linear = build.ForModel("linear").ToDictionary(r => r.Team);
        linear["ads"].Value.Should().Be(30);
        linear[TeamReport.UnassignedKey].Value.Should().Be(30);
        linear[TeamReport.NoCampaignKey].Value.Should().Be(30);
        linear["ads"].Target.Should().BeNull();
        linear["ads"].Attainment.Should().BeNull();

        // Last touch: all 90 to launch's second touch, owned by ads.
        var last = build.ForModel("last-touch").ToDictionary(r => r.Team);
        last["ads"].Value.Should().Be(90);
        last[TeamReport.NoCampaignKey].Value.Should().Be(0);
    }

    [Fact]
    public void Build_ReportHoldingTouchpointCredits_GivesTheSameRowsAsOneThatDoesNot()
    {
        Journey[] journeys =
        [
            new("j", [new Touchpoint(On(5, 1), "display", "launch"), new Touchpoint(On(5, 2), "direct")], [new Conversion(On(5, 3), 10)]),
        ];
        var teams = new TeamStructure([new("launch", "ads")]);
        var kept = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(journeys, [AttributionModels.Linear]);
        var streamed = new AttributionEngine().Run(journeys, [AttributionModels.Linear]);

        // Linear: 5 to launch (ads), 5 to direct (no campaign), either way.
        TeamReport.Build(kept, teams, Conversion.DefaultKind).Rows.Select(r => r.Value).Should().Equal(5, 0, 5);
        TeamReport.Build(streamed, teams, Conversion.DefaultKind).Rows.Select(r => r.Value).Should().Equal(5, 0, 5);
    }

    [Fact]
    public void Build_PeriodLeavesOutConversionsOutsideIt_AndProratesTargets()
    {
        // Target 36,500 over 2026 (365 days); the report covers January to March (31 + 28 + 31 = 90 days): 9,000.
        var teams = new TeamStructure([new("brand", "ads")], targets: [new("ads", Jan1, NextJan1, 36_500)]);
        var quarter = new ReportingPeriod(Jan1, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        Journey[] journeys =
        [
            new("in", [new Touchpoint(On(2, 1), "search", "brand")], [new Conversion(On(2, 2), 4_500)]),
            new("out", [new Touchpoint(On(4, 1), "search", "brand")], [new Conversion(On(4, 2), 1_000)]),
        ];
        var report = new AttributionEngine(new AttributionOptions { Period = quarter }).Run(journeys, [AttributionModels.Linear]);

        var ads = TeamReport.Build(report, teams, Conversion.DefaultKind).Rows[0];

        // 4,500 of 9,000: 50 %.
        ads.Value.Should().Be(4_500);
        ads.Target.Should().Be(9_000);
        ads.Attainment.Should().Be(0.5);
        teams.TargetFor("ads", null).Should().Be(36_500);
    }

    [Fact]
    public void Build_TargetZero_AttainmentIsUndefined_AndSiblingsWithoutCredit_HaveNoShare()
    {
        var teams = new TeamStructure([new("brand", "ads")], [new("ads", null), new("seo", null)], [new("ads", Jan1, NextJan1, 0)]);
        var report = new AttributionEngine().Run([new Journey("j", [new Touchpoint(On(2, 1), "search")], [new Conversion(On(2, 2), 10)])], [AttributionModels.Linear]);

        var rows = TeamReport.Build(report, teams, Conversion.DefaultKind).Rows;

        rows[0].Target.Should().Be(0);
        rows[0].Attainment.Should().BeNull();
        rows[0].SiblingShare.Should().BeNull("ads and seo earned nothing between them");
        rows[1].Target.Should().BeNull();
    }

    [Fact]
    public void Build_ParentOwningCampaigns_AddsItsOwnToItsChildren()
    {
        // marketing owns brand (10) itself; its child ads owns banner (30): marketing 40, own 10; ads' share among its siblings 1.
        var teams = new TeamStructure([new("brand", "marketing"), new("banner", "ads")], [new("marketing", null), new("ads", "marketing")]);
        var report = new AttributionEngine().Run(
            [
                new Journey("a", [new Touchpoint(On(2, 1), "search", "brand")], [new Conversion(On(2, 2), 10)]),
                new Journey("b", [new Touchpoint(On(2, 1), "display", "banner")], [new Conversion(On(2, 2), 30)]),
            ],
            [AttributionModels.Linear]);

        var rows = TeamReport.Build(report, teams, Conversion.DefaultKind).Rows;

        rows[0].Should().Be(new TeamCredit("linear", "marketing", null, 0, 2, 40, 1, 10, null, null, 1));
        rows[1].Should().Be(new TeamCredit("linear", "ads", "marketing", 1, 1, 30, 1, 30, null, null, 1));
    }

    [Fact]
    public void Build_UnknownKind_Throws()
    {
        var report = new AttributionEngine().Run([new Journey("j", [new Touchpoint(On(2, 1), "search")], [new Conversion(On(2, 2), 10)])], [AttributionModels.Linear]);

        var act = () => TeamReport.Build(report, new TeamStructure([]), "order");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*order*");
    }

    [Fact]
    public void Build_RandomOwnershipsTreesAndJourneys_OwnCreditPlusUnassignedPlusNoCampaignIsTheKindsCredit()
    {
        var touch = Gen.Select(Gen.Int[0, 60], Gen.Int[0, 4].Select(i => i == 4 ? null : "abcd"[i].ToString()));
        var conversion = Gen.Select(Gen.Int[0, 60], Gen.Double[0, 1000], Gen.Bool);
        var journey = Gen.Select(touch.Array[1, 6], conversion.Array[0, 3]);

        // Per campaign a, b, c, d: no owner, one owner, or one owner then another from a split day.
        var ownership = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 60]).Array[4];

        // Team i's parent is an earlier team or none.
        var tree = Gen.Int[-1, 4].Array[5];
        Gen.Select(journey.Array[1, 10], ownership, tree, Gen.OneOf(Gen.Const("linear"), Gen.Const("u"))).Sample((shapes, owners, parents, modelName) =>
        {
            var day0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var journeys = shapes.Select((s, i) => new Journey(
                $"j{i}",
                s.Item1.Select(t => new Touchpoint(day0.AddDays(t.Item1), "ch", t.Item2)),
                s.Item2.Select(c => new Conversion(day0.AddDays(c.Item1), c.Item2, c.Item3 ? "order" : "lead")))).ToList();
            var rows = new List<CampaignOwnership>();
            for (var c = 0; c < 4; c++)
            {
                var (shape, first, second, split) = owners[c];
                var campaign = "abcd"[c].ToString();
                if (shape == 1)
                {
                    rows.Add(new(campaign, $"t{first}"));
                }
                else if (shape == 2)
                {
                    rows.Add(new(campaign, $"t{first}", null, day0.AddDays(split)));
                    rows.Add(new(campaign, $"t{second}", day0.AddDays(split), null));
                }
            }

            var nodes = parents.Select((p, i) => new TeamNode($"t{i}", p >= 0 && p < i ? $"t{p}" : null)).ToArray();
            var teams = new TeamStructure(rows, nodes);
            IAttributionModel model = modelName == "linear" ? AttributionModels.Linear : AttributionModels.UShaped();
            var report = new AttributionEngine(new AttributionOptions { Lookback = TimeSpan.FromDays(20) }).Run(journeys, [model]);
            if (!report.Results[0].Kinds.Any(k => k.Kind == "order"))
            {
                return true;
            }

            var kind = report.Results[0].ForKind("order");
            var team = TeamReport.Build(report, teams, "order").Rows;
            var value = team.Sum(r => r.OwnValue);
            var conversions = team.Sum(r => r.OwnConversions);

            // Roots + the built-in rows add up to the same, and every team is its own credit plus its children's.
            var roots = team.Where(r => r.Parent is null).Sum(r => r.Value);
            var rolled = team.All(r => Math.Abs(r.Value - r.OwnValue - team.Where(c => c.Parent == r.Team).Sum(c => c.Value)) <= 1e-9 * Math.Max(1, kind.CreditedValue));
            return Math.Abs(value - kind.CreditedValue) <= 1e-9 * Math.Max(1, kind.CreditedValue)
                && Math.Abs(conversions - kind.CreditedConversions) <= 1e-9 * Math.Max(1, kind.CreditedConversions)
                && Math.Abs(roots - kind.CreditedValue) <= 1e-9 * Math.Max(1, kind.CreditedValue)
                && rolled;
        });
    }
}
