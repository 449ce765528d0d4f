using Attribution.DataDriven;

namespace Attribution.Tests.DataDriven;

public sealed class MarkovChooseOrderTests
{
    [Fact]
    public void Auc_WeightedWithTies_AsWorkedByHand()
    {
        // Sorted: 0.1 (2 negatives), 0.5 (2 positives, 1 negative), 0.9 (2 positives).
        // Wins: group 0.5 → 2 · (2 below + 1/2 tie) = 5; group 0.9 → 2 · 3 = 6. AUC = 11 / (4 · 3) = 11/12.
        var auc = MarkovChain.Auc([0.5, 0.1, 0.9, 0.5], [1, 0, 2, 1], [1, 2, 0, 0]);

        auc.Should().BeApproximately(11.0 / 12, 1e-15);
    }

    [Fact]
    public void ChooseOrder_SecondOrderBehaviour_OrderTwoPredictsPerfectlyAndOrderOneDoesNot()
    {
        // A path converts when it ends a > b or b > a and never when it ends a > a or b > b; the prefixes (none, x, y,
        // x > y, y > x) give each ending five distinct paths, so a held-out ending is always seen in training.
        // Order 2 sees the last two channels: P(last → conversion) is 1 or 0, AUC 1. Order 1 sees only a or b.
        var builder = new PathSetBuilder();
        string[][] prefixes = [[], ["x"], ["y"], ["x", "y"], ["y", "x"]];
        foreach (var prefix in prefixes)
        {
            builder.Add([.. prefix, "a", "b"], conversions: 5, value: 5, nulls: 0);
            builder.Add([.. prefix, "b", "a"], conversions: 5, value: 5, nulls: 0);
            builder.Add([.. prefix, "a", "a"], conversions: 0, value: 0, nulls: 5);
            builder.Add([.. prefix, "b", "b"], conversions: 0, value: 0, nulls: 5);
        }

        var scores = MarkovChain.ChooseOrder(builder.Build(), maxOrder: 3, folds: 5, seed: 7);

        scores.Select(s => s.Order).Should().Equal(1, 2, 3);
        scores[1].Auc.Should().Be(1);
        scores[0].Auc.Should().BeLessThan(0.75);
        // Order 1 states: x, y, a, b.
        scores[0].StateCount.Should().Be(4);
        // N = 100 walks: penalized = 1 − (1 − AUC) · 99 / (100 − S − 1).
        foreach (var score in scores)
        {
            score.PenalizedAuc.Should().BeApproximately(1 - ((1 - score.Auc) * 99 / (99 - score.StateCount)), 1e-12);
        }

        scores.MaxBy(s => s.PenalizedAuc)!.Order.Should().Be(2);
    }

    [Fact]
    public void ChooseOrder_SameSeed_SameScores()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a", "b"], 3, 3, 4);
        builder.Add(["b"], 1, 1, 6);
        builder.Add(["a", "a", "b"], 2, 2, 1);
        builder.Add(["b", "a"], 0, 0, 5);
        var paths = builder.Build();

        MarkovChain.ChooseOrder(paths, 3, 2, seed: 3).Should().Equal(MarkovChain.ChooseOrder(paths, 3, 2, seed: 3));
    }

    [Fact]
    public void ChooseOrder_NoNonConversions_Throws()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 1, 0);

        var act = () => MarkovChain.ChooseOrder(builder.Build());

        act.Should().Throw<ArgumentException>().WithParameterName("paths");
    }
}
