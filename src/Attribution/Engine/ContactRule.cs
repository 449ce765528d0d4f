using Attribution.B2B;
using Attribution.Journeys;

namespace Attribution.Engine;

/// <summary><see cref="ConversionContacts"/> resolved against one set: per conversion, whether it is restricted and to
/// which people, and the person of every touch. Part of <see cref="EligibilityRules"/>.</summary>
internal sealed class ContactRule
{
    private ContactRule(ConversionContacts source, int[] touchPeople, bool[] restricted, int[] offsets, int[] people)
    {
        Source = source;
        TouchPeople = touchPeople;
        Restricted = restricted;
        Offsets = offsets;
        People = people;
    }

    /// <summary>Gets the options' rule, by reference the key of the set's window cache.</summary>
    public ConversionContacts Source { get; }

    /// <summary>Gets the person per touch (global index).</summary>
    public int[] TouchPeople { get; }

    /// <summary>Gets whether each conversion (global index) is restricted to its listed people.</summary>
    public bool[] Restricted { get; }

    /// <summary>Gets where each conversion's people start in <see cref="People"/> (one more entry than conversions).</summary>
    public int[] Offsets { get; }

    /// <summary>Gets the allowed person ids, sorted per conversion.</summary>
    public int[] People { get; }

    /// <summary>Gets whether conversion <paramref name="conversion"/> may be credited from touch <paramref name="touch"/> (both global).</summary>
    public bool Allows(int conversion, int touch)
        => !Restricted[conversion] || People.AsSpan(Offsets[conversion], Offsets[conversion + 1] - Offsets[conversion]).BinarySearch(TouchPeople[touch]) >= 0;

    /// <summary>Resolves the rule against a set; null when no conversion of the set is listed.</summary>
    public static ContactRule? Resolve(JourneySet journeys, ConversionContacts? contacts)
    {
        if (contacts is null || journeys.ConversionIds is not { } ids)
        {
            return null;
        }

        var table = journeys.PersonTable;
        var restricted = new bool[ids.Length];
        var offsets = new int[ids.Length + 1];
        var people = new List<int>();
        var any = false;
        for (var c = 0; c < ids.Length; c++)
        {
            if (ids[c] is { } id && contacts.TryGetPeople(id, out var persons))
            {
                restricted[c] = true;
                any = true;
                var start = people.Count;
                foreach (var person in persons)
                {
                    // A person with no row in the data has no touch to allow.
                    if (table.TryGetId(person.AsSpan(), out var p))
                    {
                        people.Add(p);
                    }
                }

                people.Sort(start, people.Count - start, null);
            }

            offsets[c + 1] = people.Count;
        }

        return any ? new ContactRule(contacts, journeys.TouchPersonIds(), restricted, offsets, [.. people]) : null;
    }

    /// <summary>Resolves the rule for one journey object, whose id is the person of all its touches.</summary>
    public static ContactRule? Resolve(Journey journey, ConversionContacts? contacts)
    {
        if (contacts is null)
        {
            return null;
        }

        var conversions = journey.Conversions;
        var restricted = new bool[conversions.Length];
        var offsets = new int[conversions.Length + 1];
        var any = false;
        var allowed = 0;
        for (var c = 0; c < conversions.Length; c++)
        {
            if (conversions[c].Id is { } id && contacts.TryGetPeople(id, out var persons))
            {
                restricted[c] = true;
                any = true;
                allowed += persons.Contains(journey.Id, StringComparer.Ordinal) ? 1 : 0;
            }

            offsets[c + 1] = allowed;
        }

        return any ? new ContactRule(contacts, new int[journey.Touchpoints.Length], restricted, offsets, new int[allowed]) : null;
    }
}
