namespace Attribution.Reports;

/// <summary>One channel or campaign under several models: its credit, its share of each model's credit, and how much the models disagree.</summary>
/// <param name="Key">The channel or campaign name.</param>
/// <param name="Conversions">The credited conversions under each model, in the order of <see cref="ModelComparison.Models"/>.</param>
/// <param name="Values">The credited value under each model.</param>
/// <param name="Shares">The key's share of each model's credited value, from 0 to 1 (0 under a model that credited nothing).</param>
public sealed record ModelComparisonRow(string Key, IReadOnlyList<double> Conversions, IReadOnlyList<double> Values, IReadOnlyList<double> Shares)
{
    /// <summary>Gets the spread between models: the largest share minus the smallest. The larger, the more the choice of model matters for this key.</summary>
    public double Spread => Shares.Count == 0 ? 0 : Shares.Max() - Shares.Min();

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
