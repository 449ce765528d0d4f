using System.CommandLine;
using Attribution.IO;
using Attribution.Reports;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution contributions --input FILE --model NAME ... --output contributions.csv</c>: one record per (model, conversion, campaign) for a CRM to import.</summary>
internal static class ContributionsCommand
{
    public static Command Create(CliContext context)
    {
        var output = Grid.CreateOutput("The file to write (default: standard output); .json gives JSON, .csv or no extension CSV, unless --format says otherwise.");
        var format = new Option<string?>("--format")
        {
            Description = "csv or json (default: from the --output extension).",
            HelpName = "csv|json",
        };
        return AttributeCommand.CreateCore(
            context,
            "contributions",
            "Write campaign contribution records (campaign, channel, journey, conversion id/kind/instant, share, value) as CSV or JSON.",
            [output, format],
            includeTouchpoints: false,
            parseResult =>
            {
                var path = parseResult.GetValue(output);
                ReportOptions.RejectEmptyFile(output.Name, path);

                var json = OutputFormats.Choose(parseResult.GetValue(format), path, ["csv", "json"], "csv") == "json";
                return (result, eligible) =>
                {
                    // The report holds totals only; the records are made a block of journeys at a time and written as
                    // they come, so memory does not grow with their number.
                    var written = 0;
                    var all = ContributionRecords.Stream(result);
                    var records = Count(eligible.Kinds is { } kinds ? all.Where(r => kinds.Contains(r.ConversionKind)) : all, () => written++);
                    if (path is null)
                    {
                        // Streamed as made: a pipe reads the records while later ones are computed, and memory stays flat.
                        if (json)
                        {
                            ContributionWriter.WriteJson(context.Stdout, records);
                            context.Stdout.Write('\n');
                        }
                        else
                        {
                            ContributionWriter.WriteCsv(context.Stdout, records);
                        }

                        context.Stdout.Flush();
                        return;
                    }

                    if (json)
                    {
                        context.WriteBinaryFile("--output", path, stream =>
                        {
                            ContributionWriter.WriteJson(stream, records);
                            stream.WriteByte((byte)'\n');
                        });
                    }
                    else
                    {
                        context.WriteFile("--output", path, writer => ContributionWriter.WriteCsv(writer, records));
                    }

                    context.WriteOut($"Wrote {written} contribution records to {path}\n");
                };
            });
    }

    private static IEnumerable<ContributionRecord> Count(IEnumerable<ContributionRecord> records, Action counted)
    {
        foreach (var record in records)
        {
            counted();
            yield return record;
        }
    }
}
