namespace Attribution.Reports;

/// <summary>A team owns a campaign from one instant until another: a touch of the campaign counts for the team that
/// owned the campaign at the touch's instant.</summary>
/// <remarks>Ownership can change hands: give one row per period. <see cref="From"/> is inclusive and <see cref="To"/>
/// exclusive, so a hand-over at instant t is one row ending at t and the next starting at t. The periods of one
/// campaign must not overlap (<see cref="TeamStructure"/> checks that).</remarks>
public readonly record struct CampaignOwnership
{
    /// <summary>Creates an ownership.</summary>
    /// <param name="campaign">The campaign, as the journeys name it.</param>
    /// <param name="team">The team that owns it.</param>
    /// <param name="from">The first instant of ownership, inclusive; <see langword="null"/> for "always before".</param>
    /// <param name="to">The end of ownership, exclusive; <see langword="null"/> for "still owned".</param>
    /// <exception cref="ArgumentException">A name breaks the rule of names (empty, a control character, a built-in row's
    /// key), or <paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public CampaignOwnership(string campaign, string team, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        Campaign = Journeys.Names.Require(campaign, nameof(campaign), reservedApplies: true);
        Team = TeamStructure.RequireTeam(team, nameof(team));
        if (from is { } f && to is { } t && t <= f)
        {
            throw new ArgumentException($"The ownership of campaign '{Campaign}' by team '{Team}' must end after it starts, but it runs from {f:O} to {t:O}.", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>Gets the campaign.</summary>
    public string Campaign { get; }

    /// <summary>Gets the team that owns it.</summary>
    public string Team { get; }

    /// <summary>Gets the first instant of ownership, inclusive, or <see langword="null"/> when it has no start.</summary>
    public DateTimeOffset? From { get; }

    /// <summary>Gets the end of ownership, exclusive, or <see langword="null"/> when it has no end.</summary>
    public DateTimeOffset? To { get; }

    /// <summary>Gets whether the team owned the campaign at an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True when <see cref="From"/> ≤ <paramref name="instant"/> &lt; <see cref="To"/> (a missing bound is no bound).</returns>
    public bool Covers(DateTimeOffset instant) => (From is null || From.Value <= instant) && (To is null || instant < To.Value);

    internal long FromTicks => From?.UtcTicks ?? long.MinValue;

    internal long ToTicks => To?.UtcTicks ?? long.MaxValue;
}
