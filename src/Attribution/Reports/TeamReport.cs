using System.Collections.ObjectModel;
using System.Diagnostics;
using Attribution.Engine;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>Credit per team, per model, for the conversions of one kind: what each team's campaigns earned, against its target.</summary>
/// <remarks>
/// <para>Each touch's credit (the engine's touchpoint credits, under the report's options and period) goes to the team
/// that owned the touch's campaign at the touch's instant (<see cref="TeamStructure.OwnerAt"/>): moving a campaign to
/// another team mid-period moves only the credit of later touches. A team's row adds its own campaigns' credit and its
/// children's rows. Credit of campaigns no team owned at the touch's instant goes to <see cref="UnassignedKey"/>, of
/// touches without a campaign to <see cref="NoCampaignKey"/>.</para>
/// <para>Conservation, per model: the <see cref="TeamCredit.OwnValue"/> of every team (the leaves' values, when only
/// leaves own campaigns) + <see cref="UnassignedKey"/> + <see cref="NoCampaignKey"/> = the kind's
/// <see cref="KindResult.CreditedValue"/>, up to floating-point rounding; the same holds for conversions.</para>
/// <para>Attainment = value ÷ target, undefined (null) when the target is 0 or missing. Sibling share = value ÷ the sum
/// of the values of the team and its siblings.</para>
/// </remarks>
/// <example>
/// <code>
/// var teams = new TeamStructure(ownership, tree, targets);
/// var report = new AttributionEngine(new AttributionOptions { Period = new(from, to) }).Run(journeys, [AttributionModels.Linear]);
/// foreach (var row in TeamReport.Build(report, teams, "order").Rows)
///     Console.WriteLine($"{row.Team}: {row.Value} of {row.Target} ({row.Attainment:P0})");
/// </code>
/// </example>
public sealed class TeamReport
{
    /// <summary>The key of the row that holds the credit of campaigns no team owned at the touch's instant.</summary>
    public const string UnassignedKey = "(unassigned)";

    /// <summary>The key of the row that holds the credit of touches without a campaign.</summary>
    public const string NoCampaignKey = "(no campaign)";

    private TeamReport(string kind, ReportingPeriod? period, TeamCredit[] rows)
    {
        Kind = kind;
        Period = period;
        Rows = new ReadOnlyCollection<TeamCredit>(rows);
    }

    /// <summary>Gets the conversion kind credited.</summary>
    public string Kind { get; }

    /// <summary>Gets the reporting period, or <see langword="null"/> for all conversions.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Gets the rows: per model in report order, every team in tree order, then <see cref="UnassignedKey"/> and <see cref="NoCampaignKey"/>.</summary>
    public IReadOnlyList<TeamCredit> Rows { get; }

    /// <summary>Gets the rows of one model.</summary>
    /// <param name="model">The model's name.</param>
    /// <returns>Its rows, in order; empty when the report has no such model.</returns>
    public IReadOnlyList<TeamCredit> ForModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. Rows.Where(r => r.Model == model)];
    }

    /// <summary>Credits the teams from every model of a report.</summary>
    /// <param name="report">The report; its options' <see cref="AttributionOptions.Period"/> is the period credited. It
    /// need not hold touchpoint credits: without them each model runs again, a block of journeys at a time.</param>
    /// <param name="teams">The teams, their campaigns and targets.</param>
    /// <param name="kind">The conversion kind, for example <c>order</c>.</param>
    /// <returns>The team rows.</returns>
    /// <exception cref="KeyNotFoundException">The data has no conversion of kind <paramref name="kind"/>.</exception>
    public static TeamReport Build(AttributionReport report, TeamStructure teams, string kind)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(kind);
        _ = report.Results[0].ForKind(kind);
        var set = report.Journeys;
        var kindId = IndexOfKind(set, kind);
        var owners = OwnersByCampaign(set, teams);
        var period = report.Results[0].Options.Period;
        var rows = new List<TeamCredit>();
        foreach (var result in report.Results)
        {
            var count = teams.Teams.Count;
            var own = new double[count + 2];
            var ownConversions = new double[count + 2];
            foreach (var credits in CreditsOf(result))
            {
                foreach (var c in credits)
                {
                    if (set.ConversionKinds[c.Conversion] != kindId)
                    {
                        continue;
                    }

                    var campaign = set.TouchCampaigns[c.Touchpoint];
                    var slot = campaign < 0 ? count + 1 : Owner(owners[campaign], set.TouchTicks[c.Touchpoint], count);
                    own[slot] += c.Value;
                    ownConversions[slot] += c.Share;
                }
            }

            rows.AddRange(TeamRows(result.Model, teams, own, ownConversions, period));
        }

        return new TeamReport(kind, period, [.. rows]);
    }

    private static IEnumerable<TeamCredit> TeamRows(string model, TeamStructure teams, double[] own, double[] ownConversions, ReportingPeriod? period)
    {
        var count = teams.Teams.Count;
        var value = own[..count];
        var conversions = ownConversions[..count];

        // Tree order puts parents before children, so walking it backwards rolls every team into its parent once.
        for (var t = count - 1; t >= 0; t--)
        {
            var p = teams.ParentOf(t);
            if (p >= 0)
            {
                value[p] += value[t];
                conversions[p] += conversions[t];
            }
        }

        var siblings = new Dictionary<int, double>();
        for (var t = 0; t < count; t++)
        {
            var p = teams.ParentOf(t);
            siblings[p] = siblings.GetValueOrDefault(p) + value[t];
        }

        for (var t = 0; t < count; t++)
        {
            var node = teams.Teams[t];
            var target = teams.TargetFor(node.Team, period);
            var all = siblings[teams.ParentOf(t)];
            yield return new TeamCredit(
                model,
                node.Team,
                node.Parent,
                teams.DepthOf(t),
                conversions[t],
                value[t],
                ownConversions[t],
                own[t],
                target,
                target is > 0 ? value[t] / target.Value : null,
                all > 0 ? value[t] / all : null);
        }

        yield return new TeamCredit(model, UnassignedKey, null, 0, ownConversions[count], own[count], ownConversions[count], own[count], null, null, null);
        yield return new TeamCredit(model, NoCampaignKey, null, 0, ownConversions[count + 1], own[count + 1], ownConversions[count + 1], own[count + 1], null, null, null);
    }

    // The one source of per-touch credit: the result's own list when it kept one, else the engine's stream of it.
    private static IEnumerable<IReadOnlyList<TouchpointCredit>> CreditsOf(AttributionResult result)
    {
        if (result.Options.IncludeTouchpointCredits)
        {
            return [result.Touchpoints];
        }

        var model = result.RunModel ?? throw new UnreachableException("The engine keeps the model of every result.");
        return new AttributionEngine(result.Options).StreamTouchpointCredits(result.Journeys, [model]).Select(static b => (IReadOnlyList<TouchpointCredit>)b.Credits);
    }

    private static int IndexOfKind(JourneySet set, string kind)
    {
        for (var k = 0; k < set.KindTable.Count; k++)
        {
            if (set.KindTable[k] == kind)
            {
                return k;
            }
        }

        throw new KeyNotFoundException($"The data has no conversion of kind '{kind}'.");
    }

    /// <summary>Per campaign id of the set, its ownership periods as (from, to, team index), sorted by start; empty when no team owns it.</summary>
    private static (long From, long To, int Team)[][] OwnersByCampaign(JourneySet set, TeamStructure teams)
    {
        var owners = new (long, long, int)[set.CampaignTable.Count][];
        for (var c = 0; c < owners.Length; c++)
        {
            owners[c] = teams.TryGetOwnership(set.CampaignTable[c], out var rows)
                ? [.. rows.Select(r => (r.FromTicks, r.ToTicks, teams.IndexOf(r.Team)))]
                : [];
        }

        return owners;
    }

    private static int Owner((long From, long To, int Team)[] periods, long ticks, int unassigned)
    {
        foreach (var (from, to, team) in periods)
        {
            if (from <= ticks && ticks < to)
            {
                return team;
            }
        }

        return unassigned;
    }
}
