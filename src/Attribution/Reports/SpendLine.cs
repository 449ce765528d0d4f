namespace Attribution.Reports;

/// <summary>Money spent on a channel, optionally on one campaign of it and on one day.</summary>
/// <remarks>A spend line is a fact: it is validated when it is built and never changes. An empty or white-space campaign means "no campaign".</remarks>
public readonly record struct SpendLine
{
    /// <summary>Creates a spend line.</summary>
    /// <param name="channel">The channel the money was spent on; not empty.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> when the spend belongs to the channel as a whole.</param>
    /// <param name="date">The day of the spend, or <see langword="null"/> when not known.</param>
    /// <param name="cost">The amount, in the currency of the <see cref="SpendTable"/>; finite and not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty or <paramref name="cost"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative.</exception>
    public SpendLine(string channel, string? campaign, DateOnly? date, double cost)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        Guard.FiniteNonNegative(cost);
        Channel = channel;
        Campaign = string.IsNullOrWhiteSpace(campaign) ? null : campaign;
        Date = date;
        Cost = cost;
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
