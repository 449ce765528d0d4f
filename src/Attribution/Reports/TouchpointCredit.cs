namespace Attribution.Reports;

/// <summary>The credit one touchpoint earned for one conversion, by indices into the <see cref="Journeys.JourneySet"/> attributed.</summary>
/// <param name="Journey">The journey's index.</param>
/// <param name="Touchpoint">The touchpoint's global index; see <see cref="Journeys.JourneySet.GetTouchpoint(int)"/>.</param>
/// <param name="Conversion">The conversion's global index; see <see cref="Journeys.JourneySet.GetConversion(int)"/>.</param>
/// <param name="Share">The touchpoint's share of the conversion, from 0 to 1; the shares of a conversion add up to 1.</param>
/// <param name="Value">Share × the conversion's value.</param>
public readonly record struct TouchpointCredit(int Journey, int Touchpoint, int Conversion, double Share, double Value);
