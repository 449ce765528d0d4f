using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Reports;

/// <summary><see cref="KindResult.ByTouchType"/>: credit per touch type through the engine's one roll-up (issue 10 §2).</summary>
public sealed class KindResultTouchTypeTests
{
    // a: email/spring (online) −3 d, trade-show/expo (offline) −2 d, sales-call (sales) −1 d, order 90 at 0.
    // b: search/spring (no type: online) −1 d, lead 60 at 0.
    private static JourneySet Data() => JourneySet.Create(
    [
        new Journey(
            "a",
            [new Touchpoint(Day(-3), "email", "spring"), new Touchpoint(Day(-2), "trade-show", "expo", "offline"), new Touchpoint(Day(-1), "sales-call", null, "sales")],
            [new Conversion(T0, 90, "order")]),
        new Journey("b", [new Touchpoint(Day(-1), "search", "spring")], [new Conversion(T0, 60, "lead")]),
    ]);

    [Fact]
    public void Linear_SplitsEachKindByTouchType_AndTheRowsAddUpToTheKind()
    {
        var result = new AttributionEngine().Run(Data(), AttributionModels.Linear);

        // order: 90 / 3 = 30 to each touch; one of each type, so 30 and 1/3 conversion per type.
        var order = result.ForKind("order");
        order.ByTouchType.Select(t => t.Key).Should().Equal("online", "offline", "sales");
        order.ByTouchType.Select(t => t.Value).Should().Equal(30, 30, 30);
        order.ByTouchType.Select(t => t.Conversions).Should().AllSatisfy(c => Close(c, 1 / 3.0).Should().BeTrue());

        // lead: b's one search touch (online) takes all 60.
        var lead = result.ForKind("lead");
        lead.ByTouchType.Should().Equal(new CreditTotal("online", 1, 60), new CreditTotal("offline", 0, 0), new CreditTotal("sales", 0, 0));

        foreach (var kind in result.Kinds)
        {
            kind.ByTouchType.Sum(t => t.Value).Should().BeApproximately(kind.CreditedValue, 1e-9);
            kind.ByTouchType.Sum(t => t.Conversions).Should().BeApproximately(kind.CreditedConversions, 1e-12);
        }

        // Campaigns are unchanged by the types beside them: spring 30 (email), expo 30, (none) 30 (the sales call).
        order.ByCampaign.Should().Equal(new CreditTotal("spring", 1 / 3.0, 30), new CreditTotal("expo", 1 / 3.0, 30), new CreditTotal("(none)", 1 / 3.0, 30));
        lead.ByCampaign.Should().Equal(new CreditTotal("spring", 1, 60), new CreditTotal("expo", 0, 0), new CreditTotal("(none)", 0, 0));
    }

    [Fact]
    public void UShaped_FirstAndLastTouchTypesTakeFortyPercent()
    {
        var order = new AttributionEngine().Run(Data(), AttributionModels.UShaped()).ForKind("order");

        // 40/20/40 of 90: online (first) 36, offline (middle) 18, sales (last) 36.
        order.ByTouchType.Select(t => t.Value).Should().SatisfyRespectively(
            v => Close(v, 36).Should().BeTrue(),
            v => Close(v, 18).Should().BeTrue(),
            v => Close(v, 36).Should().BeTrue());
    }

    [Fact]
    public void ExcludedChannel_GatheredWindowsKeepTheirTouchTypes()
    {
        // sales-call is excluded and the order has other touches, so its window is gathered: email and trade-show share
        // 90 linearly, 45 each (online, offline); sales gets nothing.
        var options = new AttributionOptions { ExcludedChannels = ["sales-call"] };
        var order = new AttributionEngine(options).Run(Data(), AttributionModels.Linear).ForKind("order");

        order.ByTouchType.Should().Equal(new CreditTotal("online", 0.5, 45), new CreditTotal("offline", 0.5, 45), new CreditTotal("sales", 0, 0));
        order.ByCampaign.Should().Equal(new CreditTotal("spring", 0.5, 45), new CreditTotal("expo", 0.5, 45), new CreditTotal("(none)", 0, 0));
    }

    [Fact]
    public void GeneralPath_UserModelIsSplitByTouchTypeToo()
    {
        // A user model through the checked general path: the offline touch weighs 2, the others 1, so of 90 the trade show
        // gets 2/4 = 45 and email and the sales call 22.5 each.
        var model = new CustomWeightModel("offline-double", args => args.Channel == "trade-show" ? 2 : 1);
        var order = new AttributionEngine().Run(Data(), model).ForKind("order");

        order.ByTouchType.Select(t => (t.Key, t.Value)).Should().Equal(("online", 22.5), ("offline", 45.0), ("sales", 22.5));
    }

    [Fact]
    public void OneTouchType_TheOnlyRowIsTheKindsCreditedTotal()
    {
        var result = Run(AttributionModels.Linear, null, JourneyOf("a", [Touch(-2, "email"), Touch(-1, "search")], Conv(0, 10)), JourneyOf("b", [], Conv(0, 5)));

        // 10 credited to a's two online touches; b's 5 is unattributed and in no touch type.
        result.ForKind("conversion").ByTouchType.Should().Equal(new CreditTotal("online", 1, 10));
    }

    [Fact]
    public void RandomSets_TouchTypesChangeNoChannelOrCampaignTotal_AndTheirRowsAddUpToTheKind()
    {
        // Reference: the same journeys with every touch type removed. Types only add a breakdown: channel and campaign
        // totals must stay the same (to rounding: a campaign is then summed over its types).
        var random = new Random(10);
        string[] channels = ["email", "search", "events", "calls"];
        string[] campaigns = ["a", "b"];
        string?[] types = [null, "offline", "sales"];
        for (var round = 0; round < 20; round++)
        {
            var typed = new List<Journey>();
            var plain = new List<Journey>();
            for (var j = 0; j < 30; j++)
            {
                var touches = Enumerable.Range(0, random.Next(0, 6))
                    .Select(_ => new Touchpoint(Day(-random.Next(1, 40)), channels[random.Next(4)], random.Next(3) == 0 ? null : campaigns[random.Next(2)], types[random.Next(3)]))
                    .ToArray();
                var conversions = Enumerable.Range(0, random.Next(touches.Length == 0 ? 1 : 0, 3))
                    .Select(_ => new Conversion(Day(-random.Next(0, 20)), random.Next(1, 100), random.Next(2) == 0 ? "lead" : "order"))
                    .ToArray();
                typed.Add(new Journey("j" + j, touches, conversions));
                plain.Add(new Journey("j" + j, touches.Select(t => new Touchpoint(t.Instant, t.Channel, t.Campaign)), conversions));
            }

            foreach (var model in new[] { AttributionModels.Linear, AttributionModels.TimeDecay(), AttributionModels.UShaped(), AttributionModels.LastTouch })
            {
                var set = JourneySet.Create(typed);
                var withTypes = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(set, model);
                var without = new AttributionEngine().Run(JourneySet.Create(plain), model);
                foreach (var kind in withTypes.Kinds)
                {
                    var reference = without.ForKind(kind.Kind);
                    kind.ByChannel.Select(c => c.Value).Should().Equal(reference.ByChannel.Select(c => c.Value), (x, y) => Math.Abs(x - y) <= 1e-9);
                    kind.ByCampaign.Select(c => c.Key).Should().Equal(reference.ByCampaign.Select(c => c.Key));
                    kind.ByCampaign.Select(c => c.Value).Should().Equal(reference.ByCampaign.Select(c => c.Value), (x, y) => Math.Abs(x - y) <= 1e-9);
                    kind.ByTouchType.Sum(t => t.Value).Should().BeApproximately(reference.CreditedValue, 1e-9);
                    kind.ByTouchType.Sum(t => t.Conversions).Should().BeApproximately(reference.CreditedConversions, 1e-9);

                    // Each type's row against the per-touch credits summed by the touch's own type.
                    foreach (var row in kind.ByTouchType)
                    {
                        var expected = withTypes.Touchpoints
                            .Where(c => set.GetConversion(c.Conversion).Kind == kind.Kind && set.GetTouchpoint(c.Touchpoint).TouchType == row.Key)
                            .Sum(c => c.Value);
                        row.Value.Should().BeApproximately(expected, 1e-9, "touch type {0} of kind {1}", row.Key, kind.Kind);
                    }
                }
            }
        }
    }
}
