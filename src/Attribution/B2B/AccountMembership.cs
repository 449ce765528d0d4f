namespace Attribution.B2B;

/// <summary>A person's membership of an account (company), optionally limited to a period: one row of the people→account mapping.</summary>
/// <param name="PersonId">The person's id, as it appears as a journey id of the data.</param>
/// <param name="AccountId">The account's id.</param>
/// <param name="From">The first instant of the membership (inclusive), or <see langword="null"/> for "since always".</param>
/// <param name="To">The end of the membership (exclusive), or <see langword="null"/> for "still a member".</param>
public readonly record struct AccountMembership(string PersonId, string AccountId, DateTimeOffset? From = null, DateTimeOffset? To = null);
