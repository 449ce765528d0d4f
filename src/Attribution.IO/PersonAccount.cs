namespace Attribution.IO;

/// <summary>A person (contact) and the account (company) the person belongs to: one row of the people→account mapping.</summary>
/// <param name="PersonId">The person's id, as it appears as a <c>journey_id</c> of the event log.</param>
/// <param name="AccountId">The account's id.</param>
public readonly record struct PersonAccount(string PersonId, string AccountId);
