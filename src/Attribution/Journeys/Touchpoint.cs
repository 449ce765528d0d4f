namespace Attribution.Journeys;

/// <summary>One marketing or sales contact with a person, lead or account: when it happened and through which channel and campaign.</summary>
/// <remarks>
/// A touchpoint is a fact: it is validated when it is built and never changes. Equality is by value.
/// An empty or white-space campaign means "no campaign" and is stored as <see langword="null"/>. Names are trimmed of
/// surrounding white space and must hold no control character; a channel or campaign must not be a key of a built-in
/// row (<see cref="Reports.AttributionResult.UnattributedKey"/>, <see cref="Reports.AttributionResult.NoCampaignKey"/>,
/// <see cref="Reports.ReturnOnSpend.TotalKey"/>): the same rule as every reader's.
/// </remarks>
public readonly record struct Touchpoint
{
    /// <summary>Creates a touchpoint.</summary>
    /// <param name="instant">When the contact happened. Only the instant counts; the offset is kept for display.</param>
    /// <param name="channel">The channel, for example <c>paid_search</c> or <c>email</c>. Must not be empty.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> when the touch belongs to none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty or white space, or a name holds a control
    /// character or is the key of a built-in row.</exception>
    public Touchpoint(DateTimeOffset instant, string channel, string? campaign = null)
    {
        Instant = instant;
        Channel = Names.Require(channel, nameof(channel), reservedApplies: true);
        Campaign = Names.Optional(campaign, nameof(campaign), reservedApplies: true);
    }

    /// <summary>Gets when the contact happened.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>Gets the channel name.</summary>
    public string Channel { get; }

    /// <summary>Gets the campaign name, or <see langword="null"/> when the touch belongs to no campaign.</summary>
    public string? Campaign { get; }
}
