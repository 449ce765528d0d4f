using System.CommandLine;
using Attribution.IO;
using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary>The <c>--teams</c>, <c>--team-tree</c> and <c>--targets</c> files, shared by <c>teams</c> and <c>report</c>.</summary>
internal sealed record TeamOptions(Option<string?> Teams, Option<string?> Tree, Option<string?> Targets)
{
    public static TeamOptions Create() => new(
        new Option<string?>("--teams")
        {
            Description = "A campaign-ownership CSV (campaign,team[,from,to]): a touch counts for the team that owned its campaign at the touch's instant.",
            HelpName = "FILE",
        },
        new Option<string?>("--team-tree")
        {
            Description = "A team-tree CSV (team,parent; an empty parent is a root): children's credit rolls up into their parents'.",
            HelpName = "FILE",
        },
        new Option<string?>("--targets")
        {
            Description = "A targets CSV (team,from,to,target): the value each team is to deliver for the --conversion kind, prorated to the --from/--to period.",
            HelpName = "FILE",
        });

    public IEnumerable<Option> All => [Teams, Tree, Targets];

    /// <summary>Reads the team files, or returns null when <c>--teams</c> is not given.</summary>
    public TeamStructure? Load(ParseResult parseResult)
    {
        var ownershipPath = parseResult.GetValue(Teams);
        var treePath = parseResult.GetValue(Tree);
        var targetsPath = parseResult.GetValue(Targets);
        if (ownershipPath is null)
        {
            if (treePath is not null || targetsPath is not null)
            {
                throw CliException.Usage($"{(treePath is not null ? Tree.Name : Targets.Name)} applies to --teams, which is not given.");
            }

            return null;
        }

        var ownership = InputFile.Read(Teams.Name, ownershipPath, static (stream, name) => TeamCsvReader.ReadOwnership(stream, name));
        var tree = treePath is null ? null : InputFile.Read(Tree.Name, treePath, static (stream, name) => TeamCsvReader.ReadTree(stream, name));
        var targets = targetsPath is null ? null : InputFile.Read(Targets.Name, targetsPath, static (stream, name) => TeamCsvReader.ReadTargets(stream, name));
        try
        {
            return new TeamStructure(ownership, tree, targets);
        }
        catch (ArgumentException e)
        {
            // Each file is valid on its own; they disagree about which teams exist.
            var option = e.ParamName == "targets" ? $"{Targets.Name} '{targetsPath}'" : $"{Teams.Name} '{ownershipPath}'";
            throw CliException.BadData($"{option} and {Tree.Name} '{treePath}': {Models.ModelFactory.MessageOf(e)}");
        }
    }

    /// <summary>The one kind teams are credited for: <c>--conversion</c>'s, or the data's only kind.</summary>
    public static string KindOf(string command, AttributionReport report, EligibilitySettings eligible)
    {
        var kinds = report.Results[0].Kinds.Select(static k => k.Kind).ToList();
        return eligible.Kinds switch
        {
            { Count: 1 } one => one[0],
            { Count: > 1 } => throw CliException.Usage($"--conversion: {command} credits teams for one conversion kind (their targets are in its value); name one."),
            _ when kinds.Count == 1 => kinds[0],
            _ when kinds.Count == 0 => Conversion.DefaultKind,
            _ => throw CliException.Usage($"the data has several conversion kinds ({string.Join(", ", kinds)}) and team targets are in the value of one; give --conversion KIND."),
        };
    }

    /// <summary>Warns about every owned campaign that never occurs in the data: a typo, not a campaign that earned nothing.</summary>
    public static void WarnUnknownCampaigns(TeamStructure teams, JourneySet journeys, CliContext context)
    {
        var campaigns = new HashSet<string>(journeys.Campaigns, StringComparer.Ordinal);
        foreach (var campaign in teams.Ownership.Select(static o => o.Campaign).Distinct(StringComparer.Ordinal))
        {
            if (!campaigns.Contains(campaign))
            {
                var hint = Suggestions.Closest(campaign, journeys.Campaigns) is { } closest ? $" (the closest name in the data is '{closest}')" : string.Empty;
                context.Warn($"--teams: campaign '{campaign}' never occurs in the input{hint}; it earns its team nothing.");
            }
        }
    }
}
