namespace Attribution.B2B;

/// <summary>The people whose touches may be credited for particular conversions — a CRM's contact roles on an
/// opportunity — by conversion id: an eligibility rule (<see cref="Engine.AttributionOptions.ConversionContacts"/>).</summary>
/// <remarks>
/// <para>A listed conversion is credited only from the eligible touches of its listed people (the person of a touch is the
/// journey id of the row it came from, see <see cref="Journeys.JourneySet.GetTouchpointPerson"/>); its window, lookback,
/// reset and excluded channels are otherwise the same. A listed conversion none of whose people touched it in its window
/// is unattributed. Conversions not listed, and conversions without an id, use every touch of their journey (the whole
/// account).</para>
/// </remarks>
public sealed class ConversionContacts
{
    private readonly Dictionary<string, string[]> people;

    /// <summary>Creates the rule.</summary>
    /// <param name="peopleByConversion">The people per conversion id; an empty collection makes every touch of that conversion ineligible.</param>
    /// <exception cref="ArgumentNullException"><paramref name="peopleByConversion"/> or one of its collections is null.</exception>
    public ConversionContacts(IReadOnlyDictionary<string, IReadOnlyCollection<string>> peopleByConversion)
    {
        ArgumentNullException.ThrowIfNull(peopleByConversion);
        people = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (conversion, persons) in peopleByConversion)
        {
            ArgumentNullException.ThrowIfNull(persons, nameof(peopleByConversion));
            people[conversion.Trim()] = [.. persons.Select(static p => p.Trim()).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>Gets the number of conversions listed.</summary>
    public int Count => people.Count;

    /// <summary>Gets the ids of the conversions listed, so a host can check them against its data.</summary>
    public IReadOnlyCollection<string> ConversionIds => people.Keys;

    /// <summary>Gets the people of a conversion.</summary>
    /// <param name="conversionId">The conversion's id.</param>
    /// <param name="persons">Its people, when it is listed.</param>
    /// <returns>Whether the conversion is listed.</returns>
    public bool TryGetPeople(string conversionId, out IReadOnlyList<string> persons)
    {
        ArgumentNullException.ThrowIfNull(conversionId);
        if (people.TryGetValue(conversionId, out var found))
        {
            persons = found;
            return true;
        }

        persons = [];
        return false;
    }
}
