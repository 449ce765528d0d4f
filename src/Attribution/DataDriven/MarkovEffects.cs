namespace Attribution.DataDriven;

/// <summary>What solving a chain gives: P(conversion) and E[value] from start, and every channel's removal effects.</summary>
internal sealed record MarkovEffects(double ConversionProbability, double ExpectedValue, double[] RemovalEffects, double[] ValueRemovalEffects)
{
    // Reports are sent at most this often (in steps) and at the end, so a display never slows the solve down.
    private const int ReportEvery = 256;

    /// <summary>Solves the chain (see <see cref="MarkovModel"/> for the definitions and <see cref="MarkovSolver"/> for the method).</summary>
    public static MarkovEffects Compute(MarkovGraph graph, IProgress<MarkovProgress>? progress)
    {
        var channels = graph.ChannelCount;
        var effects = new double[channels];
        var valueEffects = new double[channels];
        var n = graph.StateCount;
        if (graph.Order == 1)
        {
            // One state per channel: one elimination and the diagonal of N give every channel's effect.
            var total = 2 * n;
            var solution = MarkovSolver.Solve(graph, removed: null, withDiagonal: true, Reporter(progress, total));
            var x = solution.Conversion;
            var v = solution.Value;
            var visits = solution.Visits!;
            var diagonal = solution.Diagonal!;
            for (var c = 0; c < channels; c++)
            {
                var states = graph.StatesByChannel[c];
                if (states.Length == 0)
                {
                    continue;
                }

                var s = states[0];

                // P(reach c) = N[0, c] / N[c, c]; the conversions (value) lost by removing c are P(reach c)·x(c) (·v(c)).
                var reach = diagonal[s] > 0 ? Math.Min(1, visits[s] / diagonal[s]) : 0;
                effects[c] = Ratio(reach * x[s], x[0]);
                valueEffects[c] = Ratio(reach * v[s], v[0]);
            }

            progress?.Report(new MarkovProgress(total, total));
            return new MarkovEffects(x[0], v[0], effects, valueEffects);
        }

        var full = MarkovSolver.Solve(graph, removed: null, withDiagonal: false);
        var p = full.Conversion[0];
        var e = full.Value[0];
        progress?.Report(new MarkovProgress(0, channels));
        for (var c = 0; c < channels; c++)
        {
            if (graph.StatesByChannel[c].Length > 0)
            {
                var removed = MarkovSolver.Solve(graph, graph.RemovedStates(c), withDiagonal: false);
                effects[c] = Effect(removed.Conversion[0], p);
                valueEffects[c] = Effect(removed.Value[0], e);
            }

            progress?.Report(new MarkovProgress(c + 1, channels));
        }

        return new MarkovEffects(p, e, effects, valueEffects);
    }

    private static Action<int>? Reporter(IProgress<MarkovProgress>? progress, int total)
        => progress is null ? null : done =>
        {
            if (done % ReportEvery == 0)
            {
                progress.Report(new MarkovProgress(done, total));
            }
        };

    private static double Ratio(double lost, double full)
        => full > 0 ? Math.Clamp(lost / full, 0, 1) : 0;

    private static double Effect(double removed, double full)
        => full > 0 ? Math.Clamp(1 - (removed / full), 0, 1) : 0;
}
