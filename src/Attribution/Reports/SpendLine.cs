namespace Attribution.Reports;

/// <summary>Money spent on a channel, optionally on one campaign of it and on one day.</summary>
/// <remarks>A spend line is a fact: it is validated when it is built and never changes. An empty or white-space campaign means "no campaign".
/// Names follow the rule of every input: trimmed, no control character, and no channel or campaign named like a built-in
/// row (<see cref="AttributionResult.NoCampaignKey"/> and the others), whose spend would otherwise vanish.</remarks>
public readonly record struct SpendLine
{
    /// <summary>Creates a spend line.</summary>
    /// <param name="channel">The channel the money was spent on; not empty.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> when the spend belongs to the channel as a whole.</param>
    /// <param name="date">The day of the spend, or <see langword="null"/> when not known.</param>
    /// <param name="cost">The amount, in the currency of the <see cref="SpendTable"/>; finite and not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty, a name holds a control character or is the key
    /// of a built-in row, or <paramref name="cost"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative.</exception>
    public SpendLine(string channel, string? campaign, DateOnly? date, double cost)
    {
        Guard.FiniteNonNegative(cost);
        Channel = Journeys.Names.Require(channel, nameof(channel), reservedApplies: true);
        Campaign = Journeys.Names.Optional(campaign, nameof(campaign), reservedApplies: true);
        Date = date;
        Cost = cost == 0 ? 0 : cost;
    }

    /// <summary>Gets the channel.</summary>
    public string Channel { get; }

    /// <summary>Gets the campaign, or <see langword="null"/>.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the day of the spend, or <see langword="null"/>.</summary>
    public DateOnly? Date { get; }

    /// <summary>Gets the amount spent.</summary>
    public double Cost { get; }
}
