namespace Attribution.Reports;

/// <summary>A funnel per channel: the conversions of each stage (for example leads → opportunities → orders) one model
/// credited to the channel, and the ratio between consecutive stages.</summary>
/// <remarks>
/// Conversions are credited conversions (sums of shares) of each stage's kind, never added across kinds. The ratio of
/// stage i + 1 to stage i is conversions(i + 1) / conversions(i), <see langword="null"/> when stage i has no credit
/// (never infinity or NaN). A stage that no conversion of the data has counts 0 everywhere.
/// </remarks>
/// <example>
/// <code>
/// var funnel = FunnelTable.Build(report["w-shaped"], ["lead", "opportunity", "order"]);
/// foreach (var row in funnel.Rows)
///     Console.WriteLine($"{row.Channel}: {string.Join(" → ", row.Conversions)}");
/// </code>
/// </example>
public sealed class FunnelTable
{
    private FunnelTable(string model, IReadOnlyList<string> stages, IReadOnlyList<FunnelRow> rows)
    {
        Model = model;
        Stages = stages;
        Rows = rows;
    }

    /// <summary>Gets the model whose credit the table shows.</summary>
    public string Model { get; }

    /// <summary>Gets the stages, in funnel order; every row's lists follow it.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Gets one row per channel of the data, in order of the channel's first appearance.</summary>
    public IReadOnlyList<FunnelRow> Rows { get; }

    /// <summary>Builds the funnel of one model's result.</summary>
    /// <param name="result">The model's result.</param>
    /// <param name="stages">The stages, in order (for example the <see cref="Engine.AttributionOptions.Stages"/> of the run); at least one, distinct.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException"><paramref name="stages"/> is empty, holds a blank name or names a stage twice.</exception>
    public static FunnelTable Build(AttributionResult result, IReadOnlyList<string> stages)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("A funnel needs at least one stage.", nameof(stages));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(stage, nameof(stages));
            if (!seen.Add(stage))
            {
                throw new ArgumentException($"Stage '{stage}' is named twice.", nameof(stages));
            }
        }

        var channels = result.Journeys.Channels;
        var counts = new double[channels.Count, stages.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < channels.Count; c++)
        {
            index[channels[c]] = c;
        }

        for (var s = 0; s < stages.Count; s++)
        {
            foreach (var kind in result.Kinds)
            {
                if (kind.Kind != stages[s])
                {
                    continue;
                }

                foreach (var credit in kind.ByChannel)
                {
                    if (index.TryGetValue(credit.Key, out var c))
                    {
                        counts[c, s] = credit.Conversions;
                    }
                }
            }
        }

        var rows = new FunnelRow[channels.Count];
        for (var c = 0; c < channels.Count; c++)
        {
            var conversions = new double[stages.Count];
            var ratios = new double?[stages.Count - 1];
            for (var s = 0; s < stages.Count; s++)
            {
                conversions[s] = counts[c, s];
                if (s > 0)
                {
                    ratios[s - 1] = conversions[s - 1] > 0 ? conversions[s] / conversions[s - 1] : null;
                }
            }

            rows[c] = new FunnelRow(channels[c], conversions, ratios);
        }

        return new FunnelTable(result.Model, [.. stages], rows);
    }
}
