using Attribution.B2B;

namespace Attribution.Tests.B2B;

public sealed class SuspicionStatisticsTests
{
    [Theory]
    // n = 3, p = 1/2: P(X = 0) = 1/8, P(X ≤ 1) = (1 + 3) / 8.
    [InlineData(0, 3, 0.5, 0.125)]
    [InlineData(1, 3, 0.5, 0.5)]
    // n = 10, p = 0.3: 0.7^10 = 0.0282475249; + 10 · 0.3 · 0.7^9 = 3 · 0.040353607 = 0.121060821.
    [InlineData(0, 10, 0.3, 0.0282475249)]
    [InlineData(1, 10, 0.3, 0.1493083459)]
    // n = 30, p = 1/2: (C(30,0) + … + C(30,8)) / 2^30 = (1 + 30 + 435 + 4060 + 27405 + 142506 + 593775 + 2035800 + 5852925) / 1073741824.
    [InlineData(8, 30, 0.5, 8656937.0 / 1073741824)]
    // k ≥ n is certain; p = 0 puts all mass on 0; p = 1 puts it on n.
    [InlineData(5, 5, 0.4, 1)]
    [InlineData(0, 5, 0, 1)]
    [InlineData(4, 5, 1, 0)]
    public void BinomialLowerTail_MatchesHandWorkedValues(int k, int n, double p, double expected)
    {
        SuspicionStatistics.BinomialLowerTail(k, n, p).Should().BeApproximately(expected, 1e-10);
    }

    [Fact]
    public void BinomialLowerTail_LargeNDoesNotUnderflowBeforeSumming()
    {
        // 0.7^300 = e^(300 ln 0.7) = e^(−107.0025...) ≈ 2.8e-47: tiny, but not 0.
        var p = SuspicionStatistics.BinomialLowerTail(0, 300, 0.3);

        p.Should().BeApproximately(Math.Exp(300 * Math.Log(0.7)), 1e-58).And.BePositive();
    }

    [Fact]
    public void KolmogorovSmirnovDistance_MatchesHandWorkedValue()
    {
        // {1, 2, 3} against {2, 4}: at 1, 1/3 − 0; at 2, 2/3 − 1/2; at 3, 1 − 1/2 = 1/2 (the largest); at 4, 1 − 1.
        long[] sample = [1, 2, 3];
        long[] all = [1, 2, 2, 3, 4];

        SuspicionStatistics.KolmogorovSmirnovDistance(sample, all).Should().BeApproximately(0.5, 1e-15);
    }

    [Fact]
    public void KolmogorovSmirnovDistance_TiesAcrossSamples_AreEvaluatedAfterTheWholeRun()
    {
        // {5, 5} against {5, 9}: after the run of 5s, F = 1 and 1/2, so D = 1/2 (not 1, which a cut inside the run would give).
        SuspicionStatistics.KolmogorovSmirnovDistance([5, 5], [5, 5, 5, 9]).Should().BeApproximately(0.5, 1e-15);
        SuspicionStatistics.KolmogorovSmirnovDistance([1, 2], [1, 2]).Should().BeNull("the other sample is empty");
    }

    [Fact]
    public void KolmogorovSmirnovCritical_IsTheTextbookLargeSampleValue()
    {
        // c(0.01) = sqrt(−ln(0.005) / 2) = sqrt(5.298317366548036 / 2) = 1.6276236...; n = m = 100: × sqrt(200 / 10000) = × 0.1414213...
        SuspicionStatistics.KolmogorovSmirnovCritical(0.01, 100, 100).Should().BeApproximately(1.6276236 * 0.14142136, 1e-6);
    }
}
