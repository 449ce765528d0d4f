namespace Attribution.Journeys;

/// <summary>One marketing or sales contact with a person, lead or account: when it happened and through which channel and campaign.</summary>
/// <remarks>
/// A touchpoint is a fact: it is validated when it is built and never changes. Equality is by value.
/// An empty or white-space campaign means "no campaign" and is stored as <see langword="null"/>.
/// </remarks>
public readonly record struct Touchpoint
{
    /// <summary>Creates a touchpoint.</summary>
    /// <param name="instant">When the contact happened. Only the instant counts; the offset is kept for display.</param>
    /// <param name="channel">The channel, for example <c>paid_search</c> or <c>email</c>. Must not be empty.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> when the touch belongs to none.</param>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is null, empty or white space.</exception>
    public Touchpoint(DateTimeOffset instant, string channel, string? campaign = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        Instant = instant;
        Channel = channel;
        Campaign = string.IsNullOrWhiteSpace(campaign) ? null : campaign;
    }

    /// <summary>Gets when the contact happened.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>Gets the channel name.</summary>
    public string Channel { get; }

    /// <summary>Gets the campaign name, or <see langword="null"/> when the touch belongs to no campaign.</summary>
    public string? Campaign { get; }
}
