namespace Attribution.Journeys;

/// <summary>One marketing or sales contact with a person, lead or account: when it happened, through which channel and
/// campaign, and of which touch type (online, offline, sales …).</summary>
/// <remarks>
/// A touchpoint is a fact: it is validated when it is built and never changes. Equality is by value.
/// An empty or white-space campaign means "no campaign" and is stored as <see langword="null"/>. Names are trimmed of
/// surrounding white space and must hold no control character; a channel or campaign must not be a key of a built-in
/// row (<see cref="Reports.AttributionResult.UnattributedKey"/>, <see cref="Reports.AttributionResult.NoCampaignKey"/>,
/// <see cref="Reports.ReturnOnSpend.TotalKey"/>): the same rule as every reader's. The touch type follows the same rule;
/// an empty or white-space one means <see cref="DefaultTouchType"/>.
/// </remarks>
public readonly record struct Touchpoint
{
    /// <summary>The touch type of a touch that names none: <c>online</c>.</summary>
    public const string DefaultTouchType = "online";

    private readonly string? touchType;

    /// <summary>Creates a touchpoint.</summary>
    /// <param name="instant">When the contact happened. Only the instant counts; the offset is kept for display.</param>
    /// <param name="channel">The channel, for example <c>paid_search</c> or <c>email</c>. Must not be empty.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> when the touch belongs to none.</param>
    /// <param name="touchType">The touch type, for example <c>online</c>, <c>offline</c> or <c>sales</c>; <see langword="null"/>
    /// (or empty) for <see cref="DefaultTouchType"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty or white space, or a name holds a control
    /// character or is the key of a built-in row.</exception>
    public Touchpoint(DateTimeOffset instant, string channel, string? campaign = null, string? touchType = null)
    {
        Instant = instant;
        Channel = Names.Require(channel, nameof(channel), reservedApplies: true);
        Campaign = Names.Optional(campaign, nameof(campaign), reservedApplies: true);

        // The default is kept as null, so touches that never name a type compare equal however they were made.
        var type = Names.Optional(touchType, nameof(touchType), reservedApplies: true);
        this.touchType = type == DefaultTouchType ? null : type;
    }

    /// <summary>Gets when the contact happened.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>Gets the channel name.</summary>
    public string Channel { get; }

    /// <summary>Gets the campaign name, or <see langword="null"/> when the touch belongs to no campaign.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the touch type, such as <c>online</c>, <c>offline</c> or <c>sales</c>; <see cref="DefaultTouchType"/>
    /// when none was given.</summary>
    /// <remarks>Results can be broken down by it (<see cref="Reports.KindResult.ByTouchType"/>); models do not read it.</remarks>
    public string TouchType => touchType ?? DefaultTouchType;
}
