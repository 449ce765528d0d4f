using System.CommandLine;
using System.Globalization;
using Attribution.IO;

namespace Attribution.Cli.Commands;

/// <summary><c>attribution import salesforce --dir EXPORT --output events.csv</c>: a Salesforce export to an event log, the
/// people→account mapping and the contact roles (see <see cref="SalesforceExport"/>).</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Turn a CRM's export into an event log and its companion files.")
        {
            CreateSalesforce(context),
        };
        return command;
    }

    private static Command CreateSalesforce(CliContext context)
    {
        var dir = new Option<string>("--dir")
        {
            Description = "The export's directory: Campaign.csv, CampaignMember.csv, Contact.csv, Lead.csv, Opportunity.csv and OpportunityContactRole.csv, headed by the fields' API names.",
            HelpName = "EXPORT",
            Required = true,
        };
        var output = ReportOptions.RequiredFile("--output", "The event log to write: journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status.");
        var accountsOutput = new Option<string?>("--accounts-output")
        {
            Description = "The people→account mapping to write, person_id,account_id (default: people.csv beside --output).",
            HelpName = "FILE",
        };
        var rolesOutput = new Option<string?>("--roles-output")
        {
            Description = "The opportunities' contact roles to write, conversion_id,person_id,role,primary (default: roles.csv beside --output).",
            HelpName = "FILE",
        };
        var offlineTypes = new Option<string[]>("--offline-types")
        {
            Description = "Campaign types whose members' touches are offline; the others are online (default: Event,Conference,Trade Show,Seminar).",
            HelpName = "TYPE,...",
        };
        var command = new Command("salesforce", "Read a Salesforce export (one CSV per standard object) into an event log: responded campaign members are touches; leads, opportunities and won opportunities (orders) are conversions, opportunities on their account's journey.")
        {
            dir, output, accountsOutput, rolesOutput, offlineTypes,
        };

        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(dir)!;
            if (string.IsNullOrWhiteSpace(directory))
            {
                throw CliException.Usage("--dir: the directory name is empty.");
            }

            var eventsPath = ReportOptions.GetFile(parseResult, output);
            OutputFormats.Choose(null, eventsPath, ["csv"], "csv");
            var accountsPath = Beside(parseResult, accountsOutput, eventsPath, "people.csv");
            var rolesPath = Beside(parseResult, rolesOutput, eventsPath, "roles.csv");
            RejectSameFile([(output.Name, eventsPath), (accountsOutput.Name, accountsPath), (rolesOutput.Name, rolesPath)]);

            var options = new SalesforceExportOptions();
            if (parseResult.GetValue(offlineTypes) is { Length: > 0 } types)
            {
                options = options with { OfflineCampaignTypes = OptionParsers.ParseList(types) };
            }

            if (!Directory.Exists(directory))
            {
                throw CliException.BadData($"--dir: directory '{directory}' does not exist.");
            }

            SalesforceImport import;
            try
            {
                import = SalesforceExport.Read(directory, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.BadData($"--dir: cannot read '{directory}': {e.Message}");
            }

            // Everything is read and checked before the first file is written.
            var events = new StringWriter();
            EventLogCsvWriter.Write(events, import.Events);
            var accounts = new StringWriter();
            AccountCsvWriter.WriteMapping(accounts, import.Accounts);
            var roles = new StringWriter();
            AccountCsvWriter.WriteContactRoles(roles, import.ContactRoles);
            context.WriteFile(output.Name, eventsPath, writer => writer.Write(events.ToString()));
            context.WriteFile(accountsOutput.Name, accountsPath, writer => writer.Write(accounts.ToString()));
            context.WriteFile(rolesOutput.Name, rolesPath, writer => writer.Write(roles.ToString()));
            context.WriteOut(Summary(import, eventsPath, accountsPath, rolesPath));
            if (import.OpportunitiesWithoutAmount.Count > 0)
            {
                var ids = import.OpportunitiesWithoutAmount;
                var shown = string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", …" : string.Empty);
                var stderr = parseResult.InvocationConfiguration.Error;
                stderr.Write(string.Create(CultureInfo.InvariantCulture, $"attribution: warning: {ids.Count} {Plural(ids.Count, "opportunity", "opportunities")} without an Amount, valued 0: {shown}\n"));
                stderr.Flush();
            }

            return ExitCodes.Success;
        });

        return command;
    }

    private static string Beside(ParseResult parseResult, Option<string?> option, string eventsPath, string defaultName)
    {
        var path = parseResult.GetValue(option);
        ReportOptions.RejectEmptyFile(option.Name, path);
        return path ?? Path.Combine(Path.GetDirectoryName(eventsPath) ?? string.Empty, defaultName);
    }

    private static void RejectSameFile((string Option, string Path)[] files)
    {
        for (var i = 0; i < files.Length; i++)
        {
            for (var j = i + 1; j < files.Length; j++)
            {
                if (string.Equals(Path.GetFullPath(files[i].Path), Path.GetFullPath(files[j].Path), StringComparison.Ordinal))
                {
                    throw CliException.Usage($"{files[j].Option}: '{files[j].Path}' is also the file of {files[i].Option}; give each output its own file.");
                }
            }
        }
    }

    private static string Summary(SalesforceImport import, string eventsPath, string accountsPath, string rolesPath)
    {
        int touches = 0, offline = 0;
        var journeys = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in import.Events)
        {
            journeys.Add(row.JourneyId);
            if (row.IsConversion)
            {
                kinds[row.Kind!] = kinds.GetValueOrDefault(row.Kind!) + 1;
            }
            else
            {
                touches++;
                offline += row.TouchType == SalesforceExport.OfflineTouchType ? 1 : 0;
            }
        }

        var conversions = kinds.Count == 0 ? "no conversions" : string.Join(", ", kinds.Select(static k => string.Create(CultureInfo.InvariantCulture, $"{k.Value} {k.Key}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Wrote {import.Events.Count} events for {journeys.Count} journeys to {eventsPath}: {touches} touches ({touches - offline} online, {offline} offline) and {conversions}.\n"
            + $"{import.MembersNotResponded} campaign {Plural(import.MembersNotResponded, "member has", "members have")} not responded and {Plural(import.MembersNotResponded, "is not a touch", "are not touches")}.\n"
            + $"Wrote {import.Accounts.Count} people with their account to {accountsPath} and {import.ContactRoles.Count} contact roles to {rolesPath}.\n");
    }

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
