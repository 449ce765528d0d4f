namespace Attribution.DataDriven;

/// <summary>Fits Markov-chain attribution models on paths and helps choose their order.</summary>
/// <example>
/// <code>
/// PathSet paths = PathSet.FromJourneys(journeys);
/// var scores = MarkovChain.ChooseOrder(paths, maxOrder: 4);   // pick the order with the best PenalizedAuc
/// MarkovModel model = MarkovChain.Fit(paths, new MarkovOptions { Order = 2 });
/// foreach (var r in model.Results) Console.WriteLine($"{r.Channel}: {r.RemovalEffect:P1} → {r.AttributedConversions:F1}");
/// var report = new AttributionEngine(new AttributionOptions()).Run(journeys, model);   // per journey, touchpoint, campaign
/// File.WriteAllText("markov.json", model.ToJson());
/// </code>
/// </example>
public static class MarkovChain
{
    /// <summary>Counts the transitions of the paths and solves the chain for every channel's removal effect.</summary>
    /// <param name="paths">The paths to learn from.</param>
    /// <param name="options">The order; order 1 when null.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException"><paramref name="paths"/> holds no conversion and no non-conversion.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The order is not from 1 to 32.</exception>
    /// <remarks>The work is proportional to the number of steps of the distinct paths plus one exact sparse elimination of
    /// the chain for order 1 (all removal effects at once), or one per channel for higher orders (see
    /// <see cref="MarkovModel"/> for the definitions and the method). Runs on the calling thread; reports to
    /// <see cref="MarkovOptions.Progress"/> when set.</remarks>
    public static MarkovModel Fit(PathSet paths, MarkovOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new MarkovOptions();
        options.Validate();
        if (paths.TotalConversions + paths.TotalNulls <= 0)
        {
            throw new ArgumentException("The path set has no conversions and no non-conversions: a Markov chain needs at least one walk to learn from.", nameof(paths));
        }

        var graph = MarkovGraph.Build(paths, options.Order);
        var channels = new string[paths.Channels.Count];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c] = paths.Channels[c];
        }

        var effects = MarkovEffects.Compute(graph, options.Progress);
        return new MarkovModel(graph, channels, paths.TotalConversions, paths.TotalValue, paths.TotalNulls, effects);
    }

    /// <summary>Scores orders 1 to <paramref name="maxOrder"/> by how well each predicts conversions out of sample.</summary>
    /// <param name="paths">The paths; they need both conversions and non-conversions.</param>
    /// <param name="maxOrder">The highest order to score, from 1 to 32.</param>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="seed">Seeds the assignment of distinct paths to folds.</param>
    /// <returns>One score per order, ascending; a good choice is the order with the highest <see cref="MarkovOrderScore.PenalizedAuc"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="paths"/> has no conversion or no non-conversion.</exception>
    /// <remarks>
    /// <para>The distinct paths are shuffled with <paramref name="seed"/> and dealt into <paramref name="folds"/> folds. For each
    /// fold a chain of each order is counted on the other folds, and each held-out path is scored with the probability of the
    /// step from its last state to (conversion), as ChannelAttribution's <c>choose_order</c> does; a last state never seen in
    /// training gets the training conversion rate. The pooled scores give an AUC in which every path counts with its
    /// conversions as positives and its non-conversions as negatives, ties counting one half.</para>
    /// <para>Higher orders describe the training data better but have more states to estimate; the penalty is
    /// ChannelAttribution's: PenalizedAuc = 1 − (1 − AUC)·(N − 1)/(N − S − 1), N walks, S states of the order's chain on all
    /// paths (ChannelAttribution counts possible rather than observed states and scores in sample).</para>
    /// </remarks>
    public static IReadOnlyList<MarkovOrderScore> ChooseOrder(PathSet paths, int maxOrder = 5, int folds = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, 32);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (paths.TotalConversions <= 0 || paths.TotalNulls <= 0)
        {
            throw new ArgumentException("Choosing an order needs paths with conversions and paths with non-conversions.", nameof(paths));
        }

        var fold = new int[paths.Count];
        var shuffled = new int[paths.Count];
        for (var p = 0; p < shuffled.Length; p++)
        {
            shuffled[p] = p;
        }

        new Random(seed).Shuffle(shuffled);
        for (var i = 0; i < shuffled.Length; i++)
        {
            fold[shuffled[i]] = i % folds;
        }

        var walks = paths.TotalConversions + paths.TotalNulls;
        var scores = new MarkovOrderScore[maxOrder];
        var predicted = new double[paths.Count];
        for (var order = 1; order <= maxOrder; order++)
        {
            for (var f = 0; f < folds; f++)
            {
                var held = f;
                var training = MarkovGraph.Build(paths, order, p => fold[p] != held, out var space);
                var trainingConversions = 0.0;
                var trainingWalks = 0.0;
                for (var s = 0; s < training.StateCount; s++)
                {
                    trainingConversions += training.Conversions[s];
                    trainingWalks += training.Conversions[s] + training.Nulls[s];
                }

                var fallback = trainingWalks > 0 ? trainingConversions / trainingWalks : 0;
                for (var p = 0; p < paths.Count; p++)
                {
                    if (fold[p] != held)
                    {
                        continue;
                    }

                    var state = space.Find(MarkovStateSpace.LastWindow(paths.GetPath(p), order));
                    predicted[p] = state > 0 && training.OutTotals[state] > 0
                        ? training.Conversions[state] / training.OutTotals[state]
                        : fallback;
                }
            }

            var auc = Auc(predicted, paths.ConversionCounts, paths.NullCounts);
            var states = MarkovGraph.Build(paths, order).StateCount - 1;
            var denominator = walks - states - 1;
            var penalized = denominator > 0 ? 1 - ((1 - auc) * (walks - 1) / denominator) : 0;
            scores[order - 1] = new MarkovOrderScore(order, states, auc, penalized is >= 0 and <= 1 ? penalized : 0);
        }

        return scores;
    }

    /// <summary>Weighted AUC (Mann–Whitney): the chance that a random conversion scores above a random non-conversion, ties half.</summary>
    internal static double Auc(double[] scores, double[] positives, double[] negatives)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (double[])scores.Clone();
        Array.Sort(keys, order);
        double totalPositive = 0, totalNegative = 0, wins = 0, negativesBelow = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            double groupPositive = 0, groupNegative = 0;
            while (end < order.Length && keys[end] == keys[start])
            {
                groupPositive += positives[order[end]];
                groupNegative += negatives[order[end]];
                end++;
            }

            wins += groupPositive * (negativesBelow + (groupNegative / 2));
            negativesBelow += groupNegative;
            totalPositive += groupPositive;
            totalNegative += groupNegative;
            start = end;
        }

        return totalPositive > 0 && totalNegative > 0 ? wins / (totalPositive * totalNegative) : 0.5;
    }
}
