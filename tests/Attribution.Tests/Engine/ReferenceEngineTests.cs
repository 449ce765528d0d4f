using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Engine;

/// <summary>The engine's specialised kernels against a straightforward reference written here: the eligibility rule
/// and each model's formula as plain loops over journey objects, sums in journey order, partitions added in order.
/// Every total must be the same bits.</summary>
public sealed class ReferenceEngineTests
{
    private const int JourneysPerPartition = 16_384;
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(30);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(7);

    // 40,000 journeys: three partitions, so the reduction over partitions is checked too.
    private static readonly Lazy<Journey[]> Journeys = new(() => DeterministicJourneys.Generate(40_000, seed: 8));

    public static TheoryData<string, bool, int> Cases()
    {
        var data = new TheoryData<string, bool, int>();
        foreach (var model in (string[])["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "custom"])
        {
            data.Add(model, false, 1);
            data.Add(model, true, 1);
            data.Add(model, true, 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_EveryBuiltInModel_SameBitsAsTheReferenceLoop(string name, bool excludeDirect, int threads)
    {
        var journeys = Journeys.Value;
        string[] excluded = excludeDirect ? ["direct"] : [];
        var engine = new AttributionEngine(new AttributionOptions { Lookback = Lookback, ExcludedChannels = excluded, MaxDegreeOfParallelism = threads });
        var model = name == "time-decay" ? AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = HalfLife }) : AttributionModels.Create(name);

        var result = engine.Run(JourneySet.Create(journeys), model);
        var expected = Reference(journeys, name, excluded);

        var channels = result.ByChannel.ToDictionary(c => c.Key, c => (c.Conversions, c.Value));
        channels.Keys.Should().BeEquivalentTo(expected.Channels.Keys);
        foreach (var (key, (conversions, value)) in expected.Channels)
        {
            Bits(channels[key].Conversions).Should().Be(Bits(conversions), $"{name}: conversions of {key}");
            Bits(channels[key].Value).Should().Be(Bits(value), $"{name}: value of {key}");
        }

        foreach (var campaign in result.ByCampaign)
        {
            var (conversions, value) = expected.Campaigns[campaign.Key];
            Bits(campaign.Conversions).Should().Be(Bits(conversions), $"{name}: conversions of campaign {campaign.Key}");
            Bits(campaign.Value).Should().Be(Bits(value), $"{name}: value of campaign {campaign.Key}");
        }

        result.UnattributedConversions.Should().Be(expected.Unattributed);
        Bits(result.UnattributedValue).Should().Be(Bits(expected.UnattributedValue));
        Bits(result.TotalValue).Should().Be(Bits(expected.TotalValue));
        result.CreditedConversions.Should().BeGreaterThan(1000, "the comparison must not be vacuous");
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static Expected Reference(Journey[] journeys, string model, string[] excluded)
    {
        var expected = new Expected();
        foreach (var channel in journeys.SelectMany(j => j.Touchpoints).Select(t => t.Channel).Distinct())
        {
            expected.Channels[channel] = (0, 0);
        }

        var partitions = Math.Clamp((journeys.Length + JourneysPerPartition - 1) / JourneysPerPartition, 1, 64);
        for (var p = 0; p < partitions; p++)
        {
            var part = new Expected();
            var from = (int)((long)journeys.Length * p / partitions);
            var to = (int)((long)journeys.Length * (p + 1) / partitions);
            for (var j = from; j < to; j++)
            {
                AddJourney(journeys[j], model, excluded, part);
            }

            expected.Add(part);
        }

        return expected;
    }

    private static void AddJourney(Journey journey, string model, string[] excluded, Expected into)
    {
        DateTimeOffset? previous = null;
        foreach (var conversion in journey.Conversions)
        {
            var at = conversion.Instant;
            into.TotalValue += conversion.Value;

            // Eligible: sorted before the conversion (ties count as before), after the previous conversion (a touch at
            // the previous conversion's instant counted as before that one), and Δt ≤ lookback.
            var window = journey.Touchpoints
                .Where(t => t.Instant <= at && (previous is null || t.Instant > previous) && at - t.Instant <= Lookback)
                .ToList();
            previous = at;
            var included = window.Where(t => !excluded.Contains(t.Channel)).ToList();
            if (included.Count > 0)
            {
                window = included;
            }

            if (window.Count == 0)
            {
                into.Unattributed++;
                into.UnattributedValue += conversion.Value;
                continue;
            }

            var w = Weights(model, window);
            var sum = 0.0;
            foreach (var x in w)
            {
                sum += x;
            }

            var scale = 1 / sum;
            for (var i = 0; i < window.Count; i++)
            {
                var share = w[i] * scale;
                var (cc, cv) = into.Channels.GetValueOrDefault(window[i].Channel);
                into.Channels[window[i].Channel] = (cc + share, cv + (share * conversion.Value));
                var campaign = window[i].Campaign ?? AttributionResult.NoCampaignKey;
                var (kc, kv) = into.Campaigns.GetValueOrDefault(campaign);
                into.Campaigns[campaign] = (kc + share, kv + (share * conversion.Value));
            }
        }
    }

    private static double[] Weights(string model, List<Touchpoint> window)
    {
        var n = window.Count;
        var w = new double[n];
        switch (model)
        {
            case "first-touch":
                w[0] = 1;
                break;
            case "last-touch":
                w[n - 1] = 1;
                break;
            case "linear" or "custom":
                Array.Fill(w, 1.0);
                break;
            case "time-decay":
                // 2^(−Δt / h), measured from the newest touch (the common factor cancels), the newest exactly 1.
                var perTick = Math.Log(2) / HalfLife.Ticks;
                for (var i = 0; i < n - 1; i++)
                {
                    w[i] = Math.Exp((window[i].Instant.UtcTicks - window[n - 1].Instant.UtcTicks) * perTick);
                }

                w[n - 1] = 1;
                break;
            case "u-shaped":
                // 40/20/40; two touches 0.4 and 0.4 (half each once scaled); one touch all.
                if (n == 1)
                {
                    w[0] = 1;
                }
                else
                {
                    w[0] = 0.4;
                    w[n - 1] = 0.4;
                    for (var i = 1; i < n - 1; i++)
                    {
                        w[i] = 0.2 / (n - 2);
                    }
                }

                break;
            default:
                throw new ArgumentException(model);
        }

        return w;
    }

    private sealed class Expected
    {
        public Dictionary<string, (double Conversions, double Value)> Channels { get; } = [];

        public Dictionary<string, (double Conversions, double Value)> Campaigns { get; } = [];

        public int Unattributed { get; set; }

        public double UnattributedValue { get; set; }

        public double TotalValue { get; set; }

        public void Add(Expected part)
        {
            // Partition totals are added in partition order, as the engine does.
            foreach (var (key, (c, v)) in part.Channels)
            {
                var (cc, cv) = Channels.GetValueOrDefault(key);
                Channels[key] = (cc + c, cv + v);
            }

            foreach (var (key, (c, v)) in part.Campaigns)
            {
                var (cc, cv) = Campaigns.GetValueOrDefault(key);
                Campaigns[key] = (cc + c, cv + v);
            }

            Unattributed += part.Unattributed;
            UnattributedValue += part.UnattributedValue;
            TotalValue += part.TotalValue;
        }
    }
}
