using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>How one model credited the conversions of one journey.</summary>
/// <param name="Journey">The journey.</param>
/// <param name="Credits">One credit per (eligible touchpoint, conversion), conversions in time order, touchpoints in time order within each.</param>
/// <param name="Unattributed">The conversions no touchpoint earned.</param>
public sealed record JourneyAttribution(Journey Journey, IReadOnlyList<Credit> Credits, IReadOnlyList<Conversion> Unattributed)
{
    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
