namespace Attribution.Reports;

/// <summary>One channel of a <see cref="FunnelTable"/>: its credited conversions per stage and the ratios between consecutive stages.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Conversions">The credited conversions of each stage, in the order of <see cref="FunnelTable.Stages"/>.</param>
/// <param name="Ratios">Stage i + 1 / stage i for i = 0 … stages − 2; <see langword="null"/> when stage i has no credit.</param>
public sealed record FunnelRow(string Channel, IReadOnlyList<double> Conversions, IReadOnlyList<double?> Ratios)
{
    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
