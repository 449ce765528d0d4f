namespace Attribution.IO;

/// <summary>A person's role in one conversion, such as a contact's role in a CRM opportunity.</summary>
/// <param name="ConversionId">The conversion's id (the <c>conversion_id</c> of the event log).</param>
/// <param name="PersonId">The person's id.</param>
/// <param name="Role">The role, such as <c>Decision Maker</c>; <see langword="null"/> when none is given.</param>
/// <param name="IsPrimary">Whether the person is the conversion's primary contact.</param>
public sealed record ContactRole(string ConversionId, string PersonId, string? Role, bool IsPrimary);
