namespace Attribution.Reports;

/// <summary>What a team is to deliver over a period: a value, in the conversions' currency, for one conversion kind.</summary>
/// <remarks>A report over part of a target's period counts the part of the target that falls in it, in proportion to
/// time (a yearly target counts a quarter of itself in a 91-day quarter of a 364-day year); see <see cref="TeamReport"/>.</remarks>
public readonly record struct TeamTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="team">The team.</param>
    /// <param name="from">The first instant of the target's period, inclusive.</param>
    /// <param name="to">The end of the period, exclusive.</param>
    /// <param name="target">The value to deliver; finite and not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="team"/> breaks the rule of names, <paramref name="to"/> is not
    /// after <paramref name="from"/>, or <paramref name="target"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is negative.</exception>
    public TeamTarget(string team, DateTimeOffset from, DateTimeOffset to, double target)
    {
        Team = TeamStructure.RequireTeam(team, nameof(team));
        if (to <= from)
        {
            throw new ArgumentException($"The target period of team '{Team}' must end after it starts, but it runs from {from:O} to {to:O}.", nameof(to));
        }

        Guard.FiniteNonNegative(target);
        From = from;
        To = to;
        Target = target == 0 ? 0 : target;
    }

    /// <summary>Gets the team.</summary>
    public string Team { get; }

    /// <summary>Gets the first instant of the target's period, inclusive.</summary>
    public DateTimeOffset From { get; }

    /// <summary>Gets the end of the target's period, exclusive.</summary>
    public DateTimeOffset To { get; }

    /// <summary>Gets the value to deliver over the period.</summary>
    public double Target { get; }
}
