namespace Attribution.Reports;

/// <summary>A team and the team it belongs to: one edge of the team tree.</summary>
/// <param name="Team">The team.</param>
/// <param name="Parent">The team it belongs to, or <see langword="null"/> for a root (the company, say).</param>
/// <remarks>A team's credit and its children's add up in its row: children roll up into parents.</remarks>
public readonly record struct TeamNode(string Team, string? Parent);
