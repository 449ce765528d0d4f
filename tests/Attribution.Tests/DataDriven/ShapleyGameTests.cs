using Attribution.DataDriven;

namespace Attribution.Tests.DataDriven;

public sealed class ShapleyGameTests
{
    private static readonly ShapleyOptions Defaults = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Exact_RandomGames_EqualsMeanMarginalContributionOverAllOrders(int seed)
    {
        // Independent reference: the definition, averaging over all 5! = 120 orders of the players.
        var random = new Random(seed);
        var rates = RandomGame(random, players: 5, density: 0.7);
        var game = new ShapleyGame(rates, Defaults);
        const ulong all = 0b11111;

        var exact = game.Exact(all, 0);

        exact.Should().Equal(ByAllOrders(rates, 5), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Exact_WithUnseenPlayers_EqualsDefinitionWithZeroWorthCoalitions()
    {
        // Players 0..3 known plus 2 unseen, modelled in the reference as players 4 and 5 whose coalitions are never observed.
        var rates = RandomGame(new Random(9), players: 4, density: 1);
        var game = new ShapleyGame(rates, Defaults);

        var exact = game.Exact(0b1111, unknown: 2);

        exact.Should().Equal(ByAllOrders(rates, 6), (x, y) => Math.Abs(x - y) < 1e-12);
        exact[4].Should().BeLessThanOrEqualTo(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Exact_Efficiency_ValuesAddUpToWorthOfGrandCoalition(int seed)
    {
        var rates = RandomGame(new Random(seed), players: 10, density: 0.3);
        rates[(1UL << 10) - 1] = 0.42;
        var game = new ShapleyGame(rates, Defaults);

        game.Exact((1UL << 10) - 1, 0).Sum().Should().BeApproximately(0.42, 1e-12);
        game.Sampled((1UL << 10) - 1, 0, 50, seed, out _).Sum().Should().BeApproximately(0.42, 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Exact_Symmetry_InterchangeablePlayersGetEqualValues(int seed)
    {
        // Make players 0 and 1 interchangeable: v(S) = v(S with 0 and 1 swapped).
        var rates = RandomGame(new Random(seed), players: 7, density: 0.6);
        foreach (var mask in rates.Keys.ToArray())
        {
            var swapped = (mask & ~3UL) | ((mask & 1) << 1) | ((mask & 2) >> 1);
            rates[swapped] = rates[mask];
        }

        var values = new ShapleyGame(rates, Defaults).Exact(0b1111111, 0);

        values[0].Should().BeApproximately(values[1], 1e-12);
        values.Distinct().Count().Should().BeGreaterThan(2, "the other players are not all alike");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Exact_NullPlayer_GetsZero(int seed)
    {
        // Player 6 adds nothing to any coalition: v(S ∪ {6}) = v(S).
        var rates = RandomGame(new Random(seed), players: 6, density: 0.8);
        foreach (var (mask, rate) in rates.ToArray())
        {
            rates[mask | (1UL << 6)] = rate;
        }

        var values = new ShapleyGame(rates, Defaults).Exact(0b1111111, 0);

        values[6].Should().BeApproximately(0, 1e-12);
        values.Take(6).Should().Contain(v => Math.Abs(v) > 1e-3);
    }

    [Fact]
    public void Sampled_TwelvePlayers_IsWithinFourStandardErrorsOfExact()
    {
        // A mid-size game: 12 players, 60 % of the 4095 coalitions observed with random rates.
        var rates = RandomGame(new Random(12), players: 12, density: 0.6);
        rates[(1UL << 12) - 1] = 0.9;
        var game = new ShapleyGame(rates, Defaults);
        const ulong all = (1UL << 12) - 1;

        var exact = game.Exact(all, 0);
        var sampled = game.Sampled(all, 0, samples: 2000, seed: 1, out var errors);

        for (var i = 0; i < 12; i++)
        {
            // The documented bound: rates lie in [0, 1], so σ ≤ 1 and the standard error is at most 1/√2000 ≈ 0.022.
            errors[i].Should().BeInRange(1e-6, 1 / Math.Sqrt(2000));
            sampled[i].Should().BeApproximately(exact[i], 4 * errors[i], $"player {i}");
        }

        sampled.Sum().Should().BeApproximately(rates[all], 1e-12);
    }

    [Fact]
    public void ClosedForm_SumsEachContainedSetsRateOverItsSize()
    {
        // R(0) = 0.2, R(01) = 0.6, R(012) = 0.9, R(12) = 0.3 (not contained in {0, 1}):
        // on {0, 1}: φ_0 = 0.2 + 0.6/2 = 0.5, φ_1 = 0.6/2 = 0.3.
        var rates = new Dictionary<ulong, double> { [0b1] = 0.2, [0b11] = 0.6, [0b111] = 0.9, [0b110] = 0.3 };

        new ShapleyGame(rates, Defaults).ClosedForm(0b11).Should().Equal([0.5, 0.3], (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void Exact_WalkingSubsetsOrObservedSets_GivesTheSameValues()
    {
        // The exact sum walks the subsets of U when there are no more of them than observed sets, else the observed sets.
        var inside = RandomGame(new Random(5), players: 3, density: 0.9);
        inside.Count.Should().BeLessThan(8, "so the 8 subsets of {0, 1, 2} outnumber the observed sets");
        var outside = new Dictionary<ulong, double>(inside);
        for (var mask = 1UL << 3; mask < 1UL << 6; mask++)
        {
            outside[mask] = 0.5;
        }

        var reference = ByAllOrders(inside, 3);

        new ShapleyGame(inside, Defaults).Exact(0b111, 0).Should().Equal(reference, (x, y) => Math.Abs(x - y) < 1e-12);
        new ShapleyGame(outside, Defaults).Exact(0b111, 0).Should().Equal(reference, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    private static Dictionary<ulong, double> RandomGame(Random random, int players, double density)
    {
        var rates = new Dictionary<ulong, double>();
        for (var mask = 1UL; mask < 1UL << players; mask++)
        {
            if (random.NextDouble() < density)
            {
                rates[mask] = random.NextDouble();
            }
        }

        return rates;
    }

    /// <summary>Mean marginal contribution over all orders of players 0..n−1; coalitions absent from rates are worth 0.</summary>
    private static double[] ByAllOrders(IReadOnlyDictionary<ulong, double> rates, int n)
    {
        var totals = new double[n];
        var orders = 0;
        foreach (var order in Permutations(Enumerable.Range(0, n).ToArray(), 0))
        {
            orders++;
            var coalition = 0UL;
            foreach (var player in order)
            {
                var before = rates.GetValueOrDefault(coalition);
                coalition |= 1UL << player;
                totals[player] += rates.GetValueOrDefault(coalition) - before;
            }
        }

        return totals.Select(t => t / orders).ToArray();
    }

    private static IEnumerable<int[]> Permutations(int[] items, int from)
    {
        if (from == items.Length)
        {
            yield return items;
            yield break;
        }

        for (var i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (var p in Permutations(items, from + 1))
            {
                yield return p;
            }

            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
