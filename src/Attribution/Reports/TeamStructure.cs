using System.Collections.ObjectModel;
using System.Globalization;
using Attribution.Engine;

namespace Attribution.Reports;

/// <summary>Who owns which campaign when, how teams nest, and what each team is to deliver: the input of a <see cref="TeamReport"/>.</summary>
/// <remarks>
/// <para>Checked when built: the ownership periods of one campaign never overlap (a touch counts for one team at most),
/// every parent in the tree is a team of the tree, the tree has no cycle, each team appears in it once, and one team's
/// target periods never overlap. When a tree is given, every team that owns a campaign or has a target must be in it;
/// without one, every team is a root.</para>
/// <para>Teams are kept in tree order: each root in order of appearance, followed by its children (depth first), so a
/// parent always comes before its children.</para>
/// </remarks>
public sealed class TeamStructure
{
    private readonly Dictionary<string, CampaignOwnership[]> byCampaign;
    private readonly Dictionary<string, int> teamIndex;
    private readonly int[] parents;
    private readonly int[] depths;

    /// <summary>Creates a team structure.</summary>
    /// <param name="ownership">Who owns which campaign, and when.</param>
    /// <param name="tree">The team tree, or <see langword="null"/> (or empty) when every team is a root.</param>
    /// <param name="targets">The targets, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">A row is invalid (a default value), two ownership periods of one campaign or
    /// two target periods of one team overlap, the tree names a team twice, names an unknown parent or has a cycle, or a
    /// team that owns a campaign or has a target is not in the tree.</exception>
    public TeamStructure(IEnumerable<CampaignOwnership> ownership, IEnumerable<TeamNode>? tree = null, IEnumerable<TeamTarget>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(ownership);
        var owned = ownership.ToArray();
        var nodes = (tree ?? []).ToArray();
        var goals = (targets ?? []).ToArray();
        for (var i = 0; i < owned.Length; i++)
        {
            if (owned[i].Campaign is null)
            {
                throw new ArgumentException($"Ownership row {i + 1} is a default value; create ownerships with their constructor.", nameof(ownership));
            }
        }

        for (var i = 0; i < goals.Length; i++)
        {
            if (goals[i].Team is null)
            {
                throw new ArgumentException($"Target row {i + 1} is a default value; create targets with their constructor.", nameof(targets));
            }
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new TeamNode(RequireTeam(nodes[i].Team, nameof(tree)), string.IsNullOrWhiteSpace(nodes[i].Parent) ? null : RequireTeam(nodes[i].Parent, nameof(tree)));
        }

        static string Row(int i) => $"row {i + 1}";
        CheckOwnership(owned, Row, (_, message) => new ArgumentException($"Campaign ownership: {message}.", nameof(ownership)));
        CheckTargets(goals, Row, (_, message) => new ArgumentException($"Targets: {message}.", nameof(targets)));
        var ordered = CheckTree(nodes, Row, (_, message) => new ArgumentException($"Team tree: {message}.", nameof(tree)));

        if (nodes.Length == 0)
        {
            // Without a tree every team is a root, in order of first appearance.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            ordered = [.. owned.Select(static o => o.Team).Concat(goals.Select(static g => g.Team)).Where(seen.Add).Select(static t => new TeamNode(t, null))];
        }

        teamIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            teamIndex.Add(ordered[i].Team, i);
        }

        foreach (var o in owned)
        {
            if (!teamIndex.ContainsKey(o.Team))
            {
                throw new ArgumentException($"Team '{o.Team}' owns campaign '{o.Campaign}' but is not in the team tree; add it there (its teams: {string.Join(", ", ordered.Select(static n => n.Team))}).", nameof(ownership));
            }
        }

        foreach (var g in goals)
        {
            if (!teamIndex.ContainsKey(g.Team))
            {
                throw new ArgumentException($"Team '{g.Team}' has a target but is not in the team tree; add it there (its teams: {string.Join(", ", ordered.Select(static n => n.Team))}).", nameof(targets));
            }
        }

        parents = new int[ordered.Count];
        depths = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            parents[i] = ordered[i].Parent is { } p ? teamIndex[p] : -1;
            depths[i] = parents[i] < 0 ? 0 : depths[parents[i]] + 1;
        }

        Teams = new ReadOnlyCollection<TeamNode>([.. ordered]);
        Ownership = new ReadOnlyCollection<CampaignOwnership>(owned);
        Targets = new ReadOnlyCollection<TeamTarget>(goals);
        byCampaign = owned.GroupBy(static o => o.Campaign, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static o => o.FromTicks).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets every team, in tree order (parents before their children).</summary>
    public IReadOnlyList<TeamNode> Teams { get; }

    /// <summary>Gets who owns which campaign and when, as given.</summary>
    public IReadOnlyList<CampaignOwnership> Ownership { get; }

    /// <summary>Gets the targets, as given.</summary>
    public IReadOnlyList<TeamTarget> Targets { get; }

    /// <summary>Gets the team that owned a campaign at an instant.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="instant">The instant of the touch.</param>
    /// <returns>The owning team, or <see langword="null"/> when no team owned the campaign then.</returns>
    public string? OwnerAt(string campaign, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (byCampaign.TryGetValue(campaign, out var rows))
        {
            foreach (var row in rows)
            {
                if (row.Covers(instant))
                {
                    return row.Team;
                }
            }
        }

        return null;
    }

    /// <summary>Gets a team's target for a reporting period: the sum of its targets, each in proportion to the part of its
    /// period that falls in the reporting period.</summary>
    /// <param name="team">The team.</param>
    /// <param name="period">The reporting period, or <see langword="null"/> for all time (every target counts whole).</param>
    /// <returns>The target, or <see langword="null"/> when no target period of the team meets the reporting period.</returns>
    /// <exception cref="KeyNotFoundException">The team is not in the structure.</exception>
    public double? TargetFor(string team, ReportingPeriod? period)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!teamIndex.ContainsKey(team))
        {
            throw new KeyNotFoundException($"Team '{team}' is not in the team structure.");
        }

        double? sum = null;
        foreach (var t in Targets)
        {
            if (t.Team != team)
            {
                continue;
            }

            if (period is not { } p)
            {
                sum = (sum ?? 0) + t.Target;
                continue;
            }

            var from = Math.Max(t.From.UtcTicks, p.From.UtcTicks);
            var to = Math.Min(t.To.UtcTicks, p.To.UtcTicks);
            if (to <= from)
            {
                continue;
            }

            var length = t.To.UtcTicks - t.From.UtcTicks;
            sum = (sum ?? 0) + (to - from == length ? t.Target : t.Target * ((double)(to - from) / length));
        }

        return sum;
    }

    internal int IndexOf(string team) => teamIndex[team];

    internal int ParentOf(int team) => parents[team];

    internal int DepthOf(int team) => depths[team];

    internal bool TryGetOwnership(string campaign, out CampaignOwnership[] rows) => byCampaign.TryGetValue(campaign, out rows!);

    /// <summary>Applies the rule of names to a team, which may not be called like a team report's built-in row either.</summary>
    internal static string RequireTeam(string? team, string paramName)
    {
        var name = Journeys.Names.Require(team, paramName, reservedApplies: false);
        if (name is TeamReport.UnassignedKey or TeamReport.NoCampaignKey)
        {
            throw new ArgumentException($"'{paramName}' '{name}' is the key of a built-in row of the team report ({TeamReport.UnassignedKey}, {TeamReport.NoCampaignKey}); rename the team.", paramName);
        }

        return name;
    }

    /// <summary>Throws when two ownership periods of one campaign overlap, naming both rows (the later row is at fault).</summary>
    internal static void CheckOwnership(IReadOnlyList<CampaignOwnership> rows, Func<int, string> rowName, Func<int, string, Exception> error)
    {
        var overlap = FindOverlap(rows.Count, i => rows[i].Campaign, i => rows[i].FromTicks, i => rows[i].ToTicks);
        if (overlap is var (first, second))
        {
            var a = rows[first];
            var b = rows[second];
            throw error(second, $"campaign '{a.Campaign}' is owned by '{b.Team}' ({Period(b.From, b.To)}, {rowName(second)}) while '{a.Team}' owns it ({Period(a.From, a.To)}, {rowName(first)}); a campaign has one owner at a time, so end one period where the next starts");
        }
    }

    /// <summary>Throws when two target periods of one team overlap, naming both rows.</summary>
    internal static void CheckTargets(IReadOnlyList<TeamTarget> rows, Func<int, string> rowName, Func<int, string, Exception> error)
    {
        var overlap = FindOverlap(rows.Count, i => rows[i].Team, i => rows[i].From.UtcTicks, i => rows[i].To.UtcTicks);
        if (overlap is var (first, second))
        {
            var a = rows[first];
            var b = rows[second];
            throw error(second, $"team '{a.Team}' has a target for {Period(b.From, b.To)} ({rowName(second)}) overlapping its target for {Period(a.From, a.To)} ({rowName(first)}); one team's target periods must not overlap");
        }
    }

    /// <summary>Checks a team tree and returns its teams in tree order (each root, then its children depth first).</summary>
    internal static List<TeamNode> CheckTree(IReadOnlyList<TeamNode> nodes, Func<int, string> rowName, Func<int, string, Exception> error)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!index.TryAdd(nodes[i].Team, i))
            {
                throw error(i, $"team '{nodes[i].Team}' is listed twice ({rowName(index[nodes[i].Team])} and {rowName(i)}); each team has one parent");
            }
        }

        var children = new List<int>[nodes.Count];
        var roots = new List<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Parent is not { } parent)
            {
                roots.Add(i);
            }
            else if (index.TryGetValue(parent, out var p))
            {
                children[p].Add(i);
            }
            else
            {
                throw error(i, $"team '{nodes[i].Team}' has parent '{parent}', which is not a team of the tree ({rowName(i)}); list the parent as a team of its own, with an empty parent for a root");
            }
        }

        var ordered = new List<TeamNode>(nodes.Count);
        var stack = new Stack<int>();
        foreach (var root in roots)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var t = stack.Pop();
                ordered.Add(nodes[t]);
                for (var c = children[t].Count - 1; c >= 0; c--)
                {
                    stack.Push(children[t][c]);
                }
            }
        }

        if (ordered.Count < nodes.Count)
        {
            // Teams no root reaches sit on a cycle or below one: walk up from the first until a team repeats.
            var reached = new HashSet<string>(ordered.Select(static n => n.Team), StringComparer.Ordinal);
            var start = Enumerable.Range(0, nodes.Count).First(i => !reached.Contains(nodes[i].Team));
            var path = new List<int>();
            var at = start;
            while (!path.Contains(at))
            {
                path.Add(at);
                at = index[nodes[at].Parent!];
            }

            var cycle = path.Skip(path.IndexOf(at)).Select(i => nodes[i].Team).Append(nodes[at].Team);
            throw error(at, $"the teams {string.Join(" → ", cycle)} form a cycle (each is the parent of the one before it; {rowName(at)}); a team tree needs a root with an empty parent");
        }

        return ordered;
    }

    private static (int First, int Second)? FindOverlap(int count, Func<int, string> key, Func<int, long> from, Func<int, long> to)
    {
        // Sorted by key, then start: periods of one key are disjoint exactly when each starts no earlier than the one before ends.
        var order = Enumerable.Range(0, count).OrderBy(key, StringComparer.Ordinal).ThenBy(from).ThenBy(static i => i).ToArray();
        (int First, int Second)? found = null;
        for (var k = 1; k < order.Length; k++)
        {
            int a = order[k - 1], b = order[k];
            if (key(a) == key(b) && from(b) < to(a))
            {
                // Of all overlapping pairs, report the one whose later row comes first in the input.
                var pair = (Math.Min(a, b), Math.Max(a, b));
                if (found is null || pair.Item2 < found.Value.Second)
                {
                    found = pair;
                }
            }
        }

        return found;
    }

    private static string Period(DateTimeOffset? from, DateTimeOffset? to)
        => string.Create(CultureInfo.InvariantCulture, $"from {(from is { } f ? f.ToString("O", CultureInfo.InvariantCulture) : "the start")} to {(to is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : "the end")}");
}
