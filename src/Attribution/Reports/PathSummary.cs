namespace Attribution.Reports;

/// <summary>One distinct channel path: how often it occurred, how often it converted and what its conversions were worth.</summary>
/// <param name="Channels">The channels of the path, in order.</param>
/// <param name="Occurrences">How often the path occurred: conversions + non-conversions.</param>
/// <param name="Conversions">How often it ended in a conversion.</param>
/// <param name="Value">The total value of those conversions.</param>
public sealed record PathSummary(IReadOnlyList<string> Channels, double Occurrences, double Conversions, double Value)
{
    /// <summary>Gets the number of touches on the path.</summary>
    public int Length => Channels.Count;

    /// <summary>Gets conversions / occurrences, or <see langword="null"/> when the path never occurred.</summary>
    public double? ConversionRate => Occurrences > 0 ? Conversions / Occurrences : null;

    /// <summary>Gets value / conversions, or <see langword="null"/> when the path never converted.</summary>
    public double? AverageValue => Conversions > 0 ? Value / Conversions : null;

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
