using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Engine;

/// <summary><see cref="AttributionEngine.Explain"/> over random journeys against a reference of the README's eligibility
/// rules written out plainly here, under the linear model (each eligible touch value / n).</summary>
public sealed class ExplainPropertyTests
{
    private static readonly string[] Channels = ["a", "b", "c", "direct"];
    private static readonly TimeSpan[] Lookbacks = [TimeSpan.FromDays(5), TimeSpan.FromDays(20), TimeSpan.FromDays(90)];

    public sealed record Scenario((int Day, int Channel)[] Touches, (int Day, bool Order, int Value)[] Conversions, int Lookback, ResetRule Reset, bool ExcludeDirect)
    {
        public override string ToString()
            => $"touches [{string.Join(" ", Touches.Select(t => $"{Channels[t.Channel]}@{t.Day}"))}], conversions [{string.Join(" ", Conversions.Select(c => $"{(c.Order ? "order" : "lead")}{c.Value}@{c.Day}"))}], "
                + $"lookback {Lookbacks[Lookback]}, reset {Reset}, exclude direct {ExcludeDirect}";
    }

    private static readonly Gen<Scenario> GenScenario = Gen.Select(
        Gen.Select(Gen.Int[-40, 0], Gen.Int[0, Channels.Length - 1]).Array[0, 8],
        Gen.Select(Gen.Int[-40, 0], Gen.Bool, Gen.Int[1, 100]).Array[1, 4],
        Gen.Int[0, Lookbacks.Length - 1],
        Gen.Int[0, 2].Select(static r => (ResetRule)r),
        Gen.Bool,
        static (touches, conversions, lookback, reset, exclude) => new Scenario(touches, conversions, lookback, reset, exclude));

    [Fact]
    public void Explain_Linear_MatchesThePlainRulesAndConservesValue()
        => GenScenario.Sample(scenario =>
        {
            var journey = new Journey(
                "j",
                scenario.Touches.Select(t => Touch(t.Day, Channels[t.Channel])),
                scenario.Conversions.Select(c => new Conversion(Day(c.Day), c.Value, c.Order ? "order" : "lead")));
            var lookback = Lookbacks[scenario.Lookback];
            var options = new AttributionOptions { Lookback = lookback, Reset = scenario.Reset, ExcludedChannels = scenario.ExcludeDirect ? ["direct"] : [] };

            var explanation = new AttributionEngine(options).Explain(journey, AttributionModels.Linear);

            explanation.Conversions.Should().HaveCount(journey.Conversions.Length);
            for (var c = 0; c < journey.Conversions.Length; c++)
            {
                var conversion = journey.Conversions[c];
                var explained = explanation.Conversions[c];

                // Touches at the conversion's instant count as before it.
                var before = journey.Touchpoints.Where(t => t.Instant <= conversion.Instant).ToList();
                var resetAt = scenario.Reset switch
                {
                    ResetRule.SameKind => journey.Conversions.Take(c).LastOrDefault(p => p.Kind == conversion.Kind).Kind is null
                        ? (DateTimeOffset?)null
                        : journey.Conversions.Take(c).Last(p => p.Kind == conversion.Kind).Instant,
                    ResetRule.Any => c == 0 ? null : journey.Conversions[c - 1].Instant,
                    _ => null,
                };
                var expected = before.Select(t => conversion.Instant - t.Instant > lookback ? TouchEligibility.OutsideLookback
                    : resetAt is { } r && t.Instant <= r ? TouchEligibility.BeforeReset
                    : TouchEligibility.Eligible).ToArray();
                var window = Enumerable.Range(0, before.Count).Where(i => expected[i] == TouchEligibility.Eligible).ToList();
                if (scenario.ExcludeDirect && window.Any(i => before[i].Channel == "direct") && window.Any(i => before[i].Channel != "direct"))
                {
                    foreach (var i in window.Where(i => before[i].Channel == "direct"))
                    {
                        expected[i] = TouchEligibility.ExcludedChannel;
                    }
                }

                explained.Touches.Select(t => t.Eligibility).Should().Equal(expected, scenario.ToString());
                var eligible = expected.Count(e => e == TouchEligibility.Eligible);
                explained.Outcome.Should().Be(eligible > 0 ? ConversionOutcome.Credited : ConversionOutcome.Unattributed);
                explained.Touches.Select(t => t.Value).Should().Equal(
                    expected.Select(e => e == TouchEligibility.Eligible ? conversion.Value / eligible : 0), (a, e) => Math.Abs(a - e) <= 1e-9 * conversion.Value);
                explained.Touches.Sum(t => t.Value).Should().BeApproximately(eligible > 0 ? conversion.Value : 0, 1e-9 * conversion.Value);
            }
        }, iter: 1_000);
}
