namespace Attribution.Models;

/// <summary>Options of the time-decay model.</summary>
public sealed record TimeDecayModelOptions
{
    /// <summary>Gets the half-life: a touch this much older than another earns half its weight.</summary>
    /// <value>The default value is 7 days. Must be positive.</value>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(7);
}
