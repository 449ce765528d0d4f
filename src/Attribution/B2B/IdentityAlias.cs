namespace Attribution.B2B;

/// <summary>One id that names the same person (or lead) as another: a row of the identity mapping.</summary>
/// <param name="AliasId">The duplicate id, as it appears as a journey id of the data.</param>
/// <param name="CanonicalId">The id it stands for; itself possibly an alias of a further id.</param>
public readonly record struct IdentityAlias(string AliasId, string CanonicalId);
