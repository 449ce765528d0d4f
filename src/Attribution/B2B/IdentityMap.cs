using Attribution.Journeys;

namespace Attribution.B2B;

/// <summary>Duplicate ids of one person (a lead and the contact it became, two cookies of one visitor): the journeys of
/// every alias are merged into the journey of its canonical id before attribution.</summary>
/// <remarks>
/// <para>Chains resolve: with a → b and b → c, the rows of a and b join c. A cycle (a → b → a) is an error naming its ids;
/// an alias listed twice with different canonical ids is an error too. An alias of itself (a → a) changes nothing.</para>
/// <para>Identities are applied before accounts (<see cref="AccountMap"/>): the account of a row is the account of its canonical person.</para>
/// </remarks>
/// <example>
/// <code>
/// var identities = new IdentityMap([new IdentityAlias("lead-17", "contact-4")]);
/// var builder = new JourneySetBuilder { Identities = identities };
/// </code>
/// </example>
public sealed class IdentityMap
{
    private readonly Dictionary<string, string> canonical = new(StringComparer.Ordinal);

    /// <summary>Creates the map, resolving every chain.</summary>
    /// <param name="aliases">The aliases, in any order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="aliases"/> is null.</exception>
    /// <exception cref="ArgumentException">An id breaks the rule of names, an alias is listed twice with different
    /// canonical ids, or the aliases form a cycle (the message names its ids).</exception>
    public IdentityMap(IEnumerable<IdentityAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        Aliases = [.. aliases];
        for (var i = 0; i < Aliases.Count; i++)
        {
            if (Problem(Aliases[i]) is { } problem)
            {
                throw new ArgumentException($"Alias {i + 1}: {problem}.", nameof(aliases));
            }
        }

        var direct = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Aliases.Count; i++)
        {
            var (alias, target) = Aliases[i];
            if (alias == target)
            {
                continue;
            }

            if (direct.TryGetValue(alias, out var earlier) && earlier != target)
            {
                throw new ArgumentException($"Alias {i + 1}: '{alias}' is an alias of both '{earlier}' and '{target}'; an id stands for one person.", nameof(aliases));
            }

            direct[alias] = target;
        }

        if (FindCycle(direct) is { } cycle)
        {
            throw new ArgumentException($"The aliases form a cycle: {Describe(cycle)}; every chain of aliases must end at a canonical id.", nameof(aliases));
        }

        foreach (var alias in direct.Keys)
        {
            var id = alias;
            while (direct.TryGetValue(id, out var next))
            {
                id = next;
            }

            canonical[alias] = id;
        }
    }

    /// <summary>Gets the aliases, in the order given.</summary>
    public IReadOnlyList<IdentityAlias> Aliases { get; }

    /// <summary>Gets the canonical id of an id: the end of its chain of aliases, or the id itself when it is no alias.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The canonical id.</returns>
    public string Resolve(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return canonical.TryGetValue(id, out var resolved) ? resolved : id;
    }

    /// <summary>The rule for one alias, shared with the reader: null when it is valid.</summary>
    internal static string? Problem(IdentityAlias alias)
    {
        if (Names.Violation(alias.AliasId ?? "", reservedApplies: false) is { } a)
        {
            return $"the alias id '{alias.AliasId}' {a}";
        }

        return Names.Violation(alias.CanonicalId ?? "", reservedApplies: false) is { } c ? $"the canonical id '{alias.CanonicalId}' {c}" : null;
    }

    /// <summary>Finds a cycle among the aliases (each alias has one target), as its ids in order, or null; shared with the reader.</summary>
    internal static List<string>? FindCycle(Dictionary<string, string> direct)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in direct.Keys)
        {
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            var id = start;
            while (!done.Contains(id) && direct.ContainsKey(id))
            {
                if (onPath.TryGetValue(id, out var at))
                {
                    return path.GetRange(at, path.Count - at);
                }

                onPath[id] = path.Count;
                path.Add(id);
                id = direct[id];
            }

            done.UnionWith(path);
        }

        return null;
    }

    /// <summary>Writes a cycle as a → b → a.</summary>
    internal static string Describe(List<string> cycle) => string.Join(" → ", cycle.Select(static id => $"'{id}'")) + $" → '{cycle[0]}'";
}
