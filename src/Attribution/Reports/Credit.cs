using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>The credit one touchpoint earned for one conversion of a journey.</summary>
/// <param name="Touchpoint">The touchpoint.</param>
/// <param name="Conversion">The conversion.</param>
/// <param name="Share">The touchpoint's share of the conversion, from 0 to 1.</param>
/// <param name="Value">Share × the conversion's value.</param>
public sealed record Credit(Touchpoint Touchpoint, Conversion Conversion, double Share, double Value);
