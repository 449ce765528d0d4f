using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using CsCheck;

namespace Attribution.Tests.Engine;

/// <summary>Weights anywhere in the positive double range, from subnormals to <see cref="double.MaxValue"/>, become
/// shares that add up to 1 and credits that conserve the conversion's value, on the columnar and the one-journey path.</summary>
public sealed class WeightScalingPropertyTests
{
    // Magnitudes a model may produce: subnormal, tiny, ordinary, huge, and the extremes themselves.
    private static readonly Gen<double> GenWeight = Gen.OneOf(
        Gen.Const(0.0),
        Gen.Const(double.Epsilon),
        Gen.Const(double.MaxValue),
        Gen.Double[0, 1].Select(x => x * 1e-310),
        Gen.Int[-320, 308].Select(e => Math.Pow(10, e)),
        Gen.Double[0, 1e6]);

    [Fact]
    public void Run_ChannelWeightsAcrossTheWholeRange_ConserveValueWithoutInfinityOrNaN()
    {
        Gen.Select(GenWeight.Array[2, 6], Gen.Double[0.01, 1e6]).Sample((weights, value) =>
        {
            // One journey touching channel c0, c1, … once each, in order; channel ci weighs weights[i].
            var touches = weights.Select((_, i) => new Touchpoint(Fixtures.Day(-weights.Length + i), "c" + i)).ToArray();
            var journey = new Journey("j", touches, [new Conversion(Fixtures.Day(0), value)]);
            var model = AttributionModels.ChannelWeights(new ChannelWeightsModelOptions
            {
                Weights = weights.Select((w, i) => ("c" + i, w)).ToDictionary(p => p.Item1, p => p.Item2),
            });

            var result = new AttributionEngine().Run(JourneySet.Create([journey]), model);
            var one = model.Attribute(journey);

            if (weights.All(w => w == 0))
            {
                result.UnattributedConversions.Should().Be(1);
                one.Unattributed.Should().ContainSingle();
                return;
            }

            result.ByChannel.Should().OnlyContain(c => double.IsFinite(c.Conversions) && double.IsFinite(c.Value) && c.Conversions >= 0);
            result.CreditedConversions.Should().BeApproximately(1, 1e-12);
            result.CreditedValue.Should().BeApproximately(value, value * 1e-12);
            one.Credits.Sum(c => c.Share).Should().BeApproximately(1, 1e-12);

            // Shares are proportional to the weights: the largest weight has the largest share.
            var largest = Array.IndexOf(weights, weights.Max());
            one.Credits.MaxBy(c => c.Share)!.Share.Should().Be(one.Credits.Single(c => c.Touchpoint.Channel == "c" + largest).Share);
        });
    }

    [Theory]
    [InlineData(double.Epsilon, 0, 1, 0)]                  // the case: 1 / ε overflowed to ∞, and 0 × ∞ gave NaN
    [InlineData(double.Epsilon, double.Epsilon, 0.5, 0.5)] // subnormals scaled up exactly: an even split
    [InlineData(1e-300, 3e-300, 0.25, 0.75)]
    [InlineData(double.MaxValue, double.MaxValue, 0.5, 0.5)]
    [InlineData(1e308, 1.5e308, 0.4, 0.6)]
    public void Attribute_TwoTouchesWithExtremeWeights_ExactShares(double a, double b, double shareA, double shareB)
    {
        var model = AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["a"] = a, ["b"] = b } });
        var journey = new Journey("j", [new Touchpoint(Fixtures.Day(-2), "a"), new Touchpoint(Fixtures.Day(-1), "b")], [new Conversion(Fixtures.Day(0), 100)]);

        var credits = new AttributionEngine().Run(JourneySet.Create([journey]), model).ByChannel;

        credits[0].Conversions.Should().BeApproximately(shareA, 1e-15);
        credits[1].Conversions.Should().BeApproximately(shareB, 1e-15);
        credits[0].Value.Should().BeApproximately(100 * shareA, 1e-13);
        credits[1].Value.Should().BeApproximately(100 * shareB, 1e-13);
    }
}
