using Attribution.DataDriven;
using CsCheck;

namespace Attribution.Tests.DataDriven;

public sealed class ShapleyPropertyTests
{
    private static readonly ShapleyOptions[] Variants =
    [
        new(),
        new() { ExactChannelCap = 2, Samples = 50 },
        new() { Method = ShapleyMethod.SimplifiedClosedForm },
    ];

    [Fact]
    public void Fit_AnyPaths_ConservesTrainingConversionsAndValueWithNonNegativeShares()
    {
        // A path: up to 6 touches over 6 channels, 0–3 conversions worth 10 each, 0–3 non-conversions.
        var path = Gen.Select(Gen.Int[0, 5].Array[1, 6], Gen.Int[0, 3], Gen.Int[0, 3]);
        path.Array[1, 25].Sample(rows =>
        {
            var builder = new PathSetBuilder();
            foreach (var (channels, conversions, nulls) in rows)
            {
                builder.Add(channels.Select(c => $"c{c}"), conversions, 10 * conversions, nulls);
            }

            var paths = builder.Build();
            foreach (var options in Variants)
            {
                var model = ShapleyAttribution.Fit(paths, options);

                model.ByChannel.Sum(c => c.Conversions).Should().BeApproximately(paths.TotalConversions, 1e-9);
                model.ByChannel.Sum(c => c.Value).Should().BeApproximately(paths.TotalValue, 1e-8);
                model.ByChannel.Should().OnlyContain(c => c.Conversions >= 0 && c.Value >= 0);
                foreach (var (channels, _, _) in rows)
                {
                    var shares = model.GetShares(channels.Select(c => $"c{c}"));
                    shares.Values.Sum().Should().BeApproximately(1, 1e-12);
                    shares.Values.Should().OnlyContain(s => s >= 0);
                }
            }
        });
    }
}
