using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;

namespace Attribution.Tests.Engine;

/// <summary>Invariants over random journeys: credit is conserved and never negative, and input order does not matter.</summary>
public sealed class AttributionPropertyTests
{
    private const int ChannelCount = 6;
    private const int CampaignCount = 3;

    private static readonly TimeSpan[] Lookbacks =
        [TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.MaxValue];

    /// <summary>One row of the input: a touch or a conversion of one journey, minutes before a fixed instant.</summary>
    public sealed record Row(bool IsConversion, int Minutes, int Channel, int Campaign, double Value);

    public sealed record Scenario(
        Row[][] Journeys,
        TimeSpan Lookback,
        int ExcludedMask,
        int[] ChannelWeights,
        int HalfLifeHours,
        int[] UShape,
        int InterleaveSeed)
    {
        public override string ToString()
            => $"{Journeys.Length} journeys, lookback {Lookback}, excluded mask {ExcludedMask}, weights [{string.Join(",", ChannelWeights)}], " +
               $"h {HalfLifeHours} h, u [{string.Join(",", UShape)}], seed {InterleaveSeed}: " +
               string.Join(" | ", Journeys.Select(j => string.Join(" ", j.Select(r => r.IsConversion ? $"C{r.Value}@{r.Minutes}" : $"c{r.Channel}/{r.Campaign}@{r.Minutes}"))));
    }

    private static readonly Gen<Row> GenRow = Gen.Select(
        Gen.Int[0, 3],
        Gen.Bool,
        Gen.Int[0, 60 * 24 * 120],
        Gen.Int[0, 120],
        Gen.Int[0, ChannelCount - 1],
        Gen.Int[-1, CampaignCount - 1],
        Gen.Int[0, 50_000],
        (kind, coarse, minutes, days, channel, campaign, cents) => new Row(
            kind == 0,

            // Whole days now and then, so that touches and conversions share instants.
            coarse ? days * 1440 : minutes,
            channel,
            campaign,
            cents / 100.0));

    private static readonly Gen<Scenario> GenScenario = Gen.Select(
        GenRow.Array[1, 8].Array[1, 25],
        Gen.Int[0, Lookbacks.Length - 1],
        Gen.Int[0, (1 << ChannelCount) - 1],
        Gen.Int[0, 3].Array[ChannelCount],
        Gen.Int[1, 24 * 30],
        Gen.Int[0, 10].Array[3],
        Gen.Int,
        (journeys, lookback, mask, weights, halfLife, shape, seed) => new Scenario(journeys, Lookbacks[lookback], mask, weights, halfLife, shape, seed));

    [Fact]
    public void Run_EveryModel_ConservesConversionsAndValue()
        => GenScenario.Sample(scenario =>
        {
            var set = Build(scenario, interleave: false);
            var expectedValue = scenario.Journeys.SelectMany(j => j).Where(r => r.IsConversion).Sum(r => r.Value);
            var engine = new AttributionEngine(Options(scenario, set));

            foreach (var result in engine.Run(set, Models(scenario)).Results)
            {
                Near(result.CreditedConversions + result.UnattributedConversions, set.ConversionCount, result.Model);
                Near(result.CreditedValue + result.UnattributedValue, expectedValue, result.Model);
                Near(result.ByCampaign.Sum(c => c.Conversions), result.CreditedConversions, result.Model);
                Near(result.ByCampaign.Sum(c => c.Value), result.CreditedValue, result.Model);
                Near(result.TotalValue, expectedValue, result.Model);
            }
        }, iter: 500);

    [Fact]
    public void Run_EveryModel_NoNegativeCreditAndEachConversionSharesSumToOne()
        => GenScenario.Sample(scenario =>
        {
            var set = Build(scenario, interleave: false);
            var engine = new AttributionEngine(Options(scenario, set) with { IncludeTouchpointCredits = true });

            foreach (var result in engine.Run(set, Models(scenario)).Results)
            {
                // A plain loop: FluentAssertions 6 fails AllSatisfy on an empty collection, and a set may credit nothing.
                foreach (var total in result.ByChannel.Concat(result.ByCampaign))
                {
                    total.Conversions.Should().BeGreaterThanOrEqualTo(0, result.Model);
                    total.Value.Should().BeGreaterThanOrEqualTo(0, result.Model);
                }

                foreach (var credit in result.Touchpoints)
                {
                    credit.Share.Should().BeInRange(0, 1, result.Model);
                    credit.Value.Should().BeGreaterThanOrEqualTo(0, result.Model);
                }

                foreach (var conversion in result.Touchpoints.GroupBy(t => t.Conversion))
                {
                    Near(conversion.Sum(t => t.Share), 1, result.Model);
                    Near(conversion.Sum(t => t.Value), set.GetConversion(conversion.Key).Value, result.Model);
                }

                (result.Touchpoints.Select(t => t.Conversion).Distinct().Count() + result.UnattributedConversions)
                    .Should().Be(set.ConversionCount, result.Model);
            }
        }, iter: 500);

    [Fact]
    public void Run_RowsInterleavedAcrossJourneysOrOutOfTimeOrder_SameResultsPerChannel()
        => GenScenario.Sample(scenario =>
        {
            var canonical = Build(scenario, interleave: false);
            var shuffled = Build(scenario, interleave: true);
            var objects = JourneySet.Create(Objects(scenario));
            var options = Options(scenario, canonical);

            var expected = new AttributionEngine(options).Run(canonical, Models(scenario));

            // Rows in time disorder must come out as the stably sorted Journey objects do, whichever order they came in.
            foreach (var other in new[] { shuffled, objects })
            {
                var actual = new AttributionEngine(options).Run(other, Models(scenario));
                for (var m = 0; m < expected.Results.Count; m++)
                {
                    var a = actual.Results[m];
                    var e = expected.Results[m];
                    ByKey(a.ByChannel).Should().Equal(ByKey(e.ByChannel), e.Model);
                    ByKey(a.ByCampaign).Should().Equal(ByKey(e.ByCampaign), e.Model);
                    (a.UnattributedConversions, a.UnattributedValue, a.TotalValue)
                        .Should().Be((e.UnattributedConversions, e.UnattributedValue, e.TotalValue), e.Model);
                }
            }
        }, iter: 500);

    [Fact]
    public void PathSet_AgreesWithTheEngineOnWhichConversionsHaveEligibleTouches()
        => GenScenario.Sample(scenario =>
        {
            var set = Build(scenario, interleave: false);
            var options = Options(scenario, set);

            // Linear never weighs a touch 0, so exactly the conversions without eligible touches are unattributed.
            var linear = new AttributionEngine(options).Run(set, AttributionModels.Linear);
            var paths = PathSet.FromJourneys(set, options);

            paths.UnattributedConversions.Should().Be(linear.UnattributedConversions);
            Near(paths.UnattributedValue, linear.UnattributedValue, "paths");
            Near(paths.TotalConversions + paths.UnattributedConversions, set.ConversionCount, "paths");
            Near(paths.TotalValue + paths.UnattributedValue, linear.TotalValue, "paths");
        }, iter: 500);

    private static AttributionOptions Options(Scenario scenario, JourneySet set)
    {
        // Exclusions may only name channels that occur in the data.
        var excluded = new List<string>();
        for (var c = 0; c < ChannelCount; c++)
        {
            if ((scenario.ExcludedMask & (1 << c)) != 0 && set.Channels.Contains(Channel(c)))
            {
                excluded.Add(Channel(c));
            }
        }

        return new AttributionOptions { Lookback = scenario.Lookback, ExcludedChannels = excluded };
    }

    private static IAttributionModel[] Models(Scenario scenario)
    {
        var shape = scenario.UShape;
        var shapeSum = (double)(shape[0] + shape[1] + shape[2]);
        var uShaped = shapeSum == 0
            ? new UShapedModelOptions()
            : new UShapedModelOptions { First = shape[0] / shapeSum, Middle = shape[1] / shapeSum, Last = shape[2] / shapeSum };
        var weights = new Dictionary<string, double>();
        for (var c = 0; c < ChannelCount; c++)
        {
            weights[Channel(c)] = scenario.ChannelWeights[c];
        }

        return
        [
            AttributionModels.FirstTouch,
            AttributionModels.LastTouch,
            AttributionModels.Linear,
            AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromHours(scenario.HalfLifeHours) }),
            AttributionModels.UShaped(uShaped),
            AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { Weights = weights }),

            // Zero for c0 and for every other position: all-zero weights happen often.
            AttributionModels.Custom("custom-zeros", a => a.Channel == "c0" ? 0 : a.Position % 2),
        ];
    }

    /// <summary>Builds the set row by row; interleaved, the rows of different journeys are shuffled together (each journey's
    /// own rows stay in order) and channels and campaigns are interned in a scrambled order.</summary>
    private static JourneySet Build(Scenario scenario, bool interleave)
    {
        var builder = new JourneySetBuilder();
        var journeys = scenario.Journeys;

        // Journey ids are interned up front, so both sets hold the journeys in the same order and add them up in it.
        for (var j = 0; j < journeys.Length; j++)
        {
            builder.JourneyIds.GetOrAdd("j" + j);
        }

        var kind = builder.Kinds.GetOrAdd("order");
        var order = new List<int>();
        for (var j = 0; j < journeys.Length; j++)
        {
            order.AddRange(Enumerable.Repeat(j, journeys[j].Length));
        }

        if (interleave)
        {
            var random = new Random(scenario.InterleaveSeed);
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order));
            foreach (var c in Enumerable.Range(0, ChannelCount).OrderBy(_ => random.Next()))
            {
                builder.Channels.GetOrAdd(Channel(c));
            }

            foreach (var c in Enumerable.Range(0, CampaignCount).OrderBy(_ => random.Next()))
            {
                builder.Campaigns.GetOrAdd("k" + c);
            }
        }

        var next = new int[journeys.Length];
        foreach (var j in order)
        {
            var row = journeys[j][next[j]++];
            var at = Fixtures.T0.AddMinutes(-row.Minutes);
            if (row.IsConversion)
            {
                builder.AddConversion(j, at, row.Value, kind);
            }
            else
            {
                builder.AddTouchpoint(j, at, builder.Channels.GetOrAdd(Channel(row.Channel)), row.Campaign < 0 ? -1 : builder.Campaigns.GetOrAdd("k" + row.Campaign));
            }
        }

        return builder.Build();
    }

    /// <summary>The same rows as <see cref="Journey"/> objects, which sort themselves (stably) on construction.</summary>
    private static IEnumerable<Journey> Objects(Scenario scenario)
        => scenario.Journeys.Select((rows, j) => new Journey(
            "j" + j,
            rows.Where(r => !r.IsConversion).Select(r => new Touchpoint(Fixtures.T0.AddMinutes(-r.Minutes), Channel(r.Channel), r.Campaign < 0 ? null : "k" + r.Campaign)),
            rows.Where(r => r.IsConversion).Select(r => new Conversion(Fixtures.T0.AddMinutes(-r.Minutes), r.Value, "order"))));

    private static string Channel(int c) => "c" + c;

    /// <summary>Totals by name, without the zero rows of names that one set interned and the other never met.</summary>
    private static Dictionary<string, (double, double)> ByKey(IEnumerable<CreditTotal> totals)
        => totals.Where(t => t.Conversions != 0 || t.Value != 0).ToDictionary(t => t.Key, t => (t.Conversions, t.Value));

    private static void Near(double actual, double expected, string model)
        => actual.Should().BeApproximately(expected, 1e-9 * Math.Max(1, Math.Abs(expected)), model);
}
