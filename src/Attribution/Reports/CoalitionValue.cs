namespace Attribution.Reports;

/// <summary>The worth v(S) of one coalition of channels in a Shapley model's game: the conversion rate learnt for paths
/// whose distinct channels are exactly <paramref name="Channels"/> (0 when never seen).</summary>
/// <param name="Channels">The coalition's channels.</param>
/// <param name="Value">v(S).</param>
public sealed record CoalitionValue(IReadOnlyList<string> Channels, double Value)
{
    /// <summary>Gets the coalition as <c>v({a, b}) = 0.25</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant($"v({{{string.Join(", ", Channels)}}}) = {ExplanationText.Number(Value)}");
}
