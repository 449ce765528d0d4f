using Attribution.Journeys;

namespace Attribution.B2B;

/// <summary>Which account each person belongs to, optionally over time: the people→account mapping that turns the
/// journeys of people into the journeys of their accounts.</summary>
/// <remarks>
/// <para>Given to a <see cref="JourneySetBuilder"/> (<see cref="JourneySetBuilder.Accounts"/>, or the event-log reader's
/// options), every touch and every conversion of a person joins the journey of the account the person belonged to at the
/// row's instant (From ≤ instant &lt; To). A row whose journey id is not a person of the map — an account's own row, such
/// as an opportunity, or a person the map does not know — keeps its journey; the people among them (ids that are no
/// account of the map) are counted in <see cref="JourneySet.PeopleWithoutAccount"/>.</para>
/// <para>One person's periods must not overlap: at any instant a person belongs to at most one account.</para>
/// </remarks>
/// <example>
/// <code>
/// var accounts = new AccountMap([
///     new AccountMembership("anna", "northwind"),
///     new AccountMembership("ben", "contoso", To: DateTimeOffset.Parse("2026-03-01T00:00Z")),
///     new AccountMembership("ben", "northwind", From: DateTimeOffset.Parse("2026-03-01T00:00Z"))]);
/// var builder = new JourneySetBuilder { Accounts = accounts };
/// </code>
/// </example>
public sealed class AccountMap
{
    private readonly Dictionary<string, Period[]> periods = new(StringComparer.Ordinal);
    private readonly HashSet<string> accounts = new(StringComparer.Ordinal);

    /// <summary>Creates the map.</summary>
    /// <param name="memberships">The memberships, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="memberships"/> is null.</exception>
    /// <exception cref="ArgumentException">An id breaks the rule of names (empty, control characters), a period ends at or
    /// before it starts, or two periods of one person overlap (the message names both entries, counted from 1).</exception>
    public AccountMap(IEnumerable<AccountMembership> memberships)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        Memberships = [.. memberships];
        for (var i = 0; i < Memberships.Count; i++)
        {
            if (Problem(Memberships[i]) is { } problem)
            {
                throw new ArgumentException($"Membership {i + 1}: {problem}.", nameof(memberships));
            }
        }

        if (FindOverlap(Memberships) is var (first, second))
        {
            throw new ArgumentException($"Memberships {first + 1} and {second + 1}: {Overlap(Memberships[first], Memberships[second])}.", nameof(memberships));
        }

        var byPerson = new Dictionary<string, List<Period>>(StringComparer.Ordinal);
        foreach (var m in Memberships)
        {
            var person = m.PersonId.Trim();
            var account = m.AccountId.Trim();
            accounts.Add(account);
            if (!byPerson.TryGetValue(person, out var list))
            {
                byPerson[person] = list = [];
            }

            list.Add(new Period(Ticks(m.From, long.MinValue), Ticks(m.To, long.MaxValue), account));
        }

        foreach (var (person, list) in byPerson)
        {
            list.Sort(static (a, b) => a.From.CompareTo(b.From));
            periods[person] = [.. list];
        }
    }

    /// <summary>Gets the memberships, in the order given.</summary>
    public IReadOnlyList<AccountMembership> Memberships { get; }

    /// <summary>Gets the account a person belonged to at an instant.</summary>
    /// <param name="personId">The person's id.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The account's id, or <see langword="null"/> when the person belonged to none then (or is not in the map).</returns>
    public string? AccountAt(string personId, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(personId);
        return AccountAt(personId.Trim(), instant.UtcTicks);
    }

    /// <summary>Gets whether an id is the account of some membership.</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it is an account id.</returns>
    public bool IsAccount(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return accounts.Contains(id.Trim());
    }

    internal bool IsPerson(string id) => periods.ContainsKey(id);

    internal string? AccountAt(string personId, long ticks)
    {
        if (!periods.TryGetValue(personId, out var list))
        {
            return null;
        }

        // Periods of one person do not overlap and are sorted by start: the last one starting at or before the instant is the only candidate.
        for (var i = list.Length - 1; i >= 0; i--)
        {
            if (list[i].From <= ticks)
            {
                return ticks < list[i].To ? list[i].Account : null;
            }
        }

        return null;
    }

    /// <summary>The rule for one membership, shared with the readers, which report it with the line: null when it is valid.</summary>
    internal static string? Problem(AccountMembership m)
    {
        if (Names.Violation(m.PersonId ?? "", reservedApplies: false) is { } person)
        {
            return $"the person id '{m.PersonId}' {person}";
        }

        if (Names.Violation(m.AccountId ?? "", reservedApplies: false) is { } account)
        {
            return $"the account id '{m.AccountId}' {account}";
        }

        if (m.From is { } from && m.To is { } to && to <= from)
        {
            return $"the period of person '{m.PersonId!.Trim()}' in account '{m.AccountId!.Trim()}' ends ({Utc(to)}) at or before it starts ({Utc(from)})";
        }

        return null;
    }

    /// <summary>Finds two memberships of one person whose periods overlap (the earliest such pair by the second's
    /// position), shared with the readers, which name the lines: null when there is none.</summary>
    internal static (int First, int Second)? FindOverlap(IReadOnlyList<AccountMembership> memberships)
    {
        var seen = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < memberships.Count; i++)
        {
            var person = memberships[i].PersonId.Trim();
            if (!seen.TryGetValue(person, out var earlier))
            {
                seen[person] = earlier = [];
            }

            foreach (var e in earlier)
            {
                if (Overlaps(memberships[e], memberships[i]))
                {
                    return (e, i);
                }
            }

            earlier.Add(i);
        }

        return null;
    }

    /// <summary>Describes why two memberships of one person conflict.</summary>
    internal static string Overlap(AccountMembership a, AccountMembership b)
        => $"the periods of person '{a.PersonId.Trim()}' in '{a.AccountId.Trim()}' ({Describe(a)}) and in '{b.AccountId.Trim()}' ({Describe(b)}) overlap; a person belongs to one account at a time";

    private static bool Overlaps(AccountMembership a, AccountMembership b)
        => Ticks(a.From, long.MinValue) < Ticks(b.To, long.MaxValue) && Ticks(b.From, long.MinValue) < Ticks(a.To, long.MaxValue);

    private static string Describe(AccountMembership m)
        => $"{(m.From is { } f ? Utc(f) : "always")} to {(m.To is { } t ? Utc(t) : "open")}";

    private static string Utc(DateTimeOffset instant) => InstantText.Utc(instant);

    private static long Ticks(DateTimeOffset? instant, long none) => instant?.UtcTicks ?? none;

    private readonly record struct Period(long From, long To, string Account);
}
