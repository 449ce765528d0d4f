using System.CommandLine;
using Attribution.IO;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution report --input FILE --model NAME ... --output report.html [--spend FILE]</c>: writes the self-contained HTML report.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var output = ReportOptions.RequiredFile("--output", "The HTML file to write: one self-contained page with inline CSS and SVG charts.");
        var title = new Option<string?>("--title")
        {
            Description = "The report's title (default \"Attribution report\").",
            HelpName = "TEXT",
        };
        var spend = SpendOptions.Create();
        var teams = TeamOptions.Create();
        var intervals = new IntervalArguments(static _ => false);
        return AttributeCommand.CreateCore(
            context,
            "report",
            "Write an HTML report: totals, credit per channel by model, ROAS per channel (with --spend), top campaigns, teams against their targets (with --teams), common paths, time to conversion and path length.",
            [output, title, spend.Spend, spend.Currency, .. teams.All],
            includeTouchpoints: false,
            parseResult =>
            {
                var path = ReportOptions.GetFile(parseResult, output);
                OutputFormats.Choose(null, path, ["html"], "html");

                var options = new HtmlReportOptions { Title = parseResult.GetValue(title) ?? new HtmlReportOptions().Title };
                var spendTable = spend.Load(parseResult);
                var structure = teams.Load(parseResult);
                return (result, eligible) =>
                {
                    var htmlOptions = options with { Attribution = eligible.Options, Kinds = eligible.Kinds };
                    if (structure is not null)
                    {
                        TeamOptions.WarnUnknownCampaigns(structure, result.Journeys, context);
                        var kind = TeamOptions.KindOf("report", result, eligible);
                        htmlOptions = htmlOptions with { Teams = TeamsCommand.Build(result, structure, kind, parseResult.GetValue<string>("--input")!) };
                    }

                    if (spendTable is not null)
                    {
                        SpendOptions.WarnUnknownNames(spendTable, result.Journeys, context);
                    }

                    context.WriteFile("--output", path, html => HtmlReportWriter.Write(html, result, spendTable, htmlOptions with { Intervals = eligible.Intervals }));
                    context.WriteOut($"Wrote {path}\n");
                };
            },
            intervals: intervals);
    }
}
