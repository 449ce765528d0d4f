using System.CommandLine;
using Attribution.B2B;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Journeys;

namespace Attribution.Cli.Commands;

/// <summary>The B2B options of every command that reads an event log: <c>--accounts</c>, <c>--identities</c>,
/// <c>--contact-roles</c> and <c>--primary-contact-only</c>.</summary>
internal sealed class AccountOptions
{
    public Option<string?> Accounts { get; } = new("--accounts")
    {
        Description = "A people→account mapping, person_id,account_id[,from,to]: every person's rows join the journey of the account the person belonged to at the row's instant.",
        HelpName = "FILE",
    };

    public Option<string?> Identities { get; } = new("--identities")
    {
        Description = "Duplicate ids, alias_id,canonical_id: each alias's rows join its canonical id's journey (chains resolve) before --accounts.",
        HelpName = "FILE",
    };

    public Option<string?> ContactRoles { get; } = new("--contact-roles")
    {
        Description = "Contact roles, conversion_id,person_id[,role,primary]: a listed conversion is credited only from its people's touches; others from the whole account.",
        HelpName = "FILE",
    };

    public Option<bool> PrimaryContactOnly { get; } = new("--primary-contact-only")
    {
        Description = "With --contact-roles: only each listed conversion's primary contacts' touches are eligible.",
    };

    public void AddTo(Command command, bool contactRoles = true)
    {
        command.Add(Accounts);
        command.Add(Identities);
        if (contactRoles)
        {
            command.Add(ContactRoles);
            command.Add(PrimaryContactOnly);
        }
    }

    /// <summary>The options that shape journeys, for commands that reject them with a path file.</summary>
    public IEnumerable<(string Name, bool Given)> Given(ParseResult parseResult) =>
    [
        ("--accounts", parseResult.GetValue(Accounts) is not null),
        ("--identities", parseResult.GetValue(Identities) is not null),
        ("--contact-roles", parseResult.GetValue(ContactRoles) is not null),
    ];

    /// <summary>Reads the mapping and the aliases into the reader's options; null when neither is given.</summary>
    public EventLogCsvOptions ReaderOptions(ParseResult parseResult, EventLogCsvOptions options)
    {
        if (parseResult.GetValue(Accounts) is { } accounts)
        {
            options = options with { Accounts = InputFile.Read("--accounts", accounts, static file => Checked("--accounts", () => AccountCsvReader.ReadMapping(file))) };
        }

        if (parseResult.GetValue(Identities) is { } identities)
        {
            options = options with { Identities = InputFile.Read("--identities", identities, static file => Checked("--identities", () => AccountCsvReader.ReadIdentities(file))) };
        }

        return options;
    }

    /// <summary>Adds the contact rule to the engine's options, when <c>--contact-roles</c> is given.</summary>
    public AttributionOptions WithContacts(ParseResult parseResult, AttributionOptions options)
    {
        var primaryOnly = parseResult.GetValue(PrimaryContactOnly);
        if (parseResult.GetValue(ContactRoles) is not { } file)
        {
            return primaryOnly ? throw CliException.Usage("--primary-contact-only applies to --contact-roles, which is not given.") : options;
        }

        var roles = InputFile.Read("--contact-roles", file, static path => AccountCsvReader.ReadContactRoles(path));
        return options with { ConversionContacts = AccountCsvReader.ToConversionContacts(roles, primaryOnly) };
    }

    /// <summary>Says on stderr what building the journeys repaired or left without an account, and which contact roles
    /// name a conversion the data does not have (a typo or another export would otherwise change nothing, silently).</summary>
    public void Report(ParseResult parseResult, JourneySet journeys, CliContext context, AttributionOptions? options = null)
    {
        if (options?.ConversionContacts is { } contacts)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < journeys.ConversionCount; c++)
            {
                if (journeys.GetConversion(c).Id is { } id)
                {
                    known.Add(id);
                }
            }

            var unknown = contacts.ConversionIds.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                var listed = string.Join(", ", unknown.Take(5)) + (unknown.Count > 5 ? ", …" : "");
                context.Warnings?.WriteLine($"warning: --contact-roles lists {unknown.Count} conversion id(s) that no conversion of the input has ({listed}); their roles restrict nothing.");
            }
        }

        if (parseResult.GetValue(Accounts) is not null)
        {
            context.Note($"{journeys.PeopleWithoutAccount} people without an account kept their own journeys.");
        }

        if (journeys.DuplicateConversionsRemoved > 0)
        {
            context.Note($"{journeys.DuplicateConversionsRemoved} duplicate conversions removed (same journey, kind and conversion_id; the first in time order counts).");
        }
    }

    // A mapping's own rule (a person in two accounts at once, a cycle of aliases) comes from the model as an ArgumentException.
    private static T Checked<T>(string option, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e)
        {
            throw CliException.BadData($"{option}: {e.Message}");
        }
    }
}
