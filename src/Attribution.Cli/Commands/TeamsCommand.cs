using System.CommandLine;
using Attribution.Cli.Output;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution teams --input FILE --model NAME --teams FILE [--team-tree FILE] [--targets FILE] [--conversion KIND] [--from --to]</c>:
/// credit per team, per model, against each team's target (see <see cref="TeamReport"/>).</summary>
internal static class TeamsCommand
{
    public static Command Create(CliContext context)
    {
        var format = Grid.CreateFormat();
        var output = Grid.CreateOutput("Write the team report to this file instead of standard output.");
        var teams = TeamOptions.Create();
        teams.Teams.Required = true;
        return AttributeCommand.CreateCore(
            context,
            "teams",
            "Credit per team and model for one conversion kind: the credit of touches whose campaign the team owned at the touch's instant (children roll up into parents), the team's target, attainment and share among its siblings.",
            [.. teams.All, format, output],
            includeTouchpoints: false,
            parseResult =>
            {
                var target = Grid.Resolve(parseResult, format, output, context);
                var structure = teams.Load(parseResult)!;
                var source = parseResult.GetValue(teams.Teams)!;
                return (report, eligible) =>
                {
                    TeamOptions.WarnUnknownCampaigns(structure, report.Journeys, context);
                    var kind = TeamOptions.KindOf("teams", report, eligible);
                    var rows = Build(report, structure, kind, parseResult.GetValue<string>("--input")!).Rows;
                    context.ThrowIfCancelled();
                    Grid.Write(target, Headers, [.. rows.Select(r => Cells(r, target.Format))], source, context);
                };
            });
    }

    /// <summary>Credits the teams, turning a kind the data lacks into a data error naming the input.</summary>
    internal static TeamReport Build(AttributionReport report, TeamStructure structure, string kind, string input)
    {
        try
        {
            return TeamReport.Build(report, structure, kind);
        }
        catch (KeyNotFoundException)
        {
            throw CliException.BadData($"--input '{input}' has no conversion of kind '{kind}' to credit teams for.");
        }
    }

    private static readonly string[] Headers = ["model", "team", "parent", "conversions", "value", "own_value", "target", "attainment", "sibling_share"];

    // The table shows the tree by indenting each team under its parent; CSV and JSON name the parent instead.
    private static object?[] Cells(TeamCredit row, ReportFormat format) =>
    [
        row.Model,
        format == ReportFormat.Table ? new string(' ', 2 * row.Depth) + row.Team : row.Team,
        format == ReportFormat.Table ? row.Parent ?? string.Empty : row.Parent,
        row.Conversions,
        row.Value,
        row.OwnValue,
        row.Target,
        row.Attainment is { } a ? new Share(a) : null,
        row.SiblingShare is { } s ? new Share(s) : null,
    ];
}
