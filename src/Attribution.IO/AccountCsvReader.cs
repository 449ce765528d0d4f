using Attribution.B2B;
using Attribution.IO.Internal;
using Attribution.Journeys;
using CsvHelper;

namespace Attribution.IO;

/// <summary>Reads the B2B side files: the people→account mapping, contact roles and identity aliases.</summary>
/// <remarks>
/// <para>Each file's first row is a header; columns are matched by name, ignoring case and surrounding white space, in any
/// order; other columns are ignored. Ids follow the rule of names of every reader (trimmed, not empty, no control characters).</para>
/// <list type="table">
/// <listheader><term>File</term><description>Columns</description></listheader>
/// <item><term>Mapping</term><description><c>person_id</c>, <c>account_id</c>, optional <c>from</c> and <c>to</c> (a date,
/// meaning midnight UTC, or an ISO-8601 time with an offset; empty for "always" and "still"): the person belonged to the
/// account from ≤ instant &lt; to. Two overlapping periods of one person are an error naming both lines.</description></item>
/// <item><term>Contact roles</term><description><c>conversion_id</c>, <c>person_id</c>, optional <c>role</c> and
/// <c>primary</c> (<c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, empty for false) — the format
/// <see cref="AccountCsvWriter.WriteContactRoles(TextWriter, IEnumerable{ContactRole})"/> writes.</description></item>
/// <item><term>Identities</term><description><c>alias_id</c>, <c>canonical_id</c>: chains resolve; a cycle is an error
/// naming its ids.</description></item>
/// </list>
/// <para>Malformed rows throw an <see cref="AttributionDataException"/> naming the line and column.</para>
/// </remarks>
/// <example>
/// <code>
/// var options = new EventLogCsvOptions { Accounts = AccountCsvReader.ReadMapping("people.csv") };
/// JourneySet accounts = EventLogCsvReader.Read("events.csv", options);
/// </code>
/// </example>
public static class AccountCsvReader
{
    private const string PersonColumn = "person_id";
    private const string AccountColumn = "account_id";
    private const string FromColumn = "from";
    private const string ToColumn = "to";
    private const string ConversionColumn = "conversion_id";
    private const string RoleColumn = "role";
    private const string PrimaryColumn = "primary";
    private const string AliasColumn = "alias_id";
    private const string CanonicalColumn = "canonical_id";

    /// <summary>Reads a people→account mapping file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="AttributionDataException">A column is missing, a row is malformed, or two periods of one person overlap.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AccountMap ReadMapping(string path)
    {
        using var stream = CsvInput.OpenRead(path);
        return ReadMapping(stream, path);
    }

    /// <summary>Reads a people→account mapping from a stream (UTF-8), left open.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="AttributionDataException">A column is missing, a row is malformed, or two periods of one person overlap.</exception>
    public static AccountMap ReadMapping(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, ',', source, csv =>
        {
            var table = new Table(csv, source, [PersonColumn, AccountColumn], [FromColumn, ToColumn]);
            var rows = new List<AccountMembership>();
            var lines = new List<long>();
            while (table.Next())
            {
                var membership = new AccountMembership(table.Id(0), table.Id(1), table.Instant(2), table.Instant(3));
                if (AccountMap.Problem(membership) is { } problem)
                {
                    throw table.Error(ToColumn, problem);
                }

                rows.Add(membership);
                lines.Add(table.Line);
            }

            if (AccountMap.FindOverlap(rows) is var (first, second))
            {
                throw new AttributionDataException(source, lines[second], FromColumn, $"{AccountMap.Overlap(rows[first], rows[second])} (line {lines[first]} and this line)");
            }

            return new AccountMap(rows);
        });
    }

    /// <summary>Makes a mapping without periods from the people→account pairs of a CRM import.</summary>
    /// <param name="mapping">The pairs, such as <see cref="SalesforceImport.Accounts"/>.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ArgumentException">A person appears twice.</exception>
    public static AccountMap ToAccountMap(IEnumerable<PersonAccount> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return new AccountMap(mapping.Select(static m => new AccountMembership(m.PersonId, m.AccountId)));
    }

    /// <summary>Reads a contact-roles file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The roles, in file order.</returns>
    /// <exception cref="AttributionDataException">A column is missing or a row is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<ContactRole> ReadContactRoles(string path)
    {
        using var stream = CsvInput.OpenRead(path);
        return ReadContactRoles(stream, path);
    }

    /// <summary>Reads contact roles from a stream (UTF-8), left open.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The roles, in file order.</returns>
    /// <exception cref="AttributionDataException">A column is missing or a row is malformed.</exception>
    public static IReadOnlyList<ContactRole> ReadContactRoles(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, ',', source, csv =>
        {
            var table = new Table(csv, source, [ConversionColumn, PersonColumn], [RoleColumn, PrimaryColumn]);
            var roles = new List<ContactRole>();
            while (table.Next())
            {
                var role = table.Text(2);
                roles.Add(new ContactRole(table.Id(0), table.Id(1), role.Length == 0 ? null : role, table.Boolean(3)));
            }

            return (IReadOnlyList<ContactRole>)roles;
        });
    }

    /// <summary>Turns contact roles into the eligibility rule of <see cref="Engine.AttributionOptions.ConversionContacts"/>.</summary>
    /// <param name="roles">The roles.</param>
    /// <param name="primaryOnly">Whether only each conversion's primary contacts are eligible; a listed conversion without
    /// one then has no eligible touch and is reported as unattributed.</param>
    /// <returns>The people per conversion id.</returns>
    public static ConversionContacts ToConversionContacts(IEnumerable<ContactRole> roles, bool primaryOnly = false)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var people = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            ArgumentNullException.ThrowIfNull(role, nameof(roles));
            if (!people.TryGetValue(role.ConversionId, out var list))
            {
                people[role.ConversionId] = list = [];
            }

            if (!primaryOnly || role.IsPrimary)
            {
                list.Add(role.PersonId);
            }
        }

        return new ConversionContacts(people.ToDictionary(static p => p.Key, static p => (IReadOnlyCollection<string>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads an identities file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The aliases, chains resolved.</returns>
    /// <exception cref="AttributionDataException">A column is missing, a row is malformed, an alias has two canonical ids, or the aliases form a cycle.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IdentityMap ReadIdentities(string path)
    {
        using var stream = CsvInput.OpenRead(path);
        return ReadIdentities(stream, path);
    }

    /// <summary>Reads identities from a stream (UTF-8), left open.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name errors give the input; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The aliases, chains resolved.</returns>
    /// <exception cref="AttributionDataException">A column is missing, a row is malformed, an alias has two canonical ids, or the aliases form a cycle.</exception>
    public static IdentityMap ReadIdentities(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var source = sourceName ?? CsvInput.StreamSourceName;
        return CsvInput.Parse(stream, ',', source, csv =>
        {
            var table = new Table(csv, source, [AliasColumn, CanonicalColumn], []);
            var aliases = new List<IdentityAlias>();
            var direct = new Dictionary<string, (string Target, long Line)>(StringComparer.Ordinal);
            while (table.Next())
            {
                var alias = new IdentityAlias(table.Id(0), table.Id(1));
                if (alias.AliasId != alias.CanonicalId)
                {
                    if (direct.TryGetValue(alias.AliasId, out var earlier) && earlier.Target != alias.CanonicalId)
                    {
                        throw table.Error(CanonicalColumn, $"'{alias.AliasId}' is an alias of '{earlier.Target}' on line {earlier.Line} and of '{alias.CanonicalId}' here; an id stands for one person");
                    }

                    direct[alias.AliasId] = (alias.CanonicalId, table.Line);
                }

                aliases.Add(alias);
            }

            if (IdentityMap.FindCycle(direct.ToDictionary(static d => d.Key, static d => d.Value.Target, StringComparer.Ordinal)) is { } cycle)
            {
                var lines = string.Join(", ", cycle.Select(id => direct[id].Line));
                throw new AttributionDataException(source, direct[cycle[0]].Line, AliasColumn, $"the aliases form a cycle: {IdentityMap.Describe(cycle)} (lines {lines}); every chain of aliases must end at a canonical id");
            }

            return new IdentityMap(aliases);
        });
    }

    /// <summary>The columns of one side file and the row being read.</summary>
    private sealed class Table
    {
        private readonly CsvReader csv;
        private readonly string source;
        private readonly string[] names;
        private readonly int[] columns;
        private readonly int headerCount;

        public Table(CsvReader csv, string source, string[] required, string[] optional)
        {
            this.csv = csv;
            this.source = source;
            var requiredText = string.Join(" and ", required);
            CsvInput.RequireHeader(csv.Headers, source, requiredText);
            var headers = csv.Headers.Select(static h => h.Trim()).ToArray();
            headerCount = headers.Length;
            names = [.. required, .. optional];
            columns = new int[names.Length];
            for (var n = 0; n < names.Length; n++)
            {
                columns[n] = -1;
                for (var i = 0; i < headers.Length; i++)
                {
                    if (headers[i].Equals(names[n], StringComparison.OrdinalIgnoreCase))
                    {
                        CsvInput.Assign(ref columns[n], i, names[n], source);
                    }
                }

                if (n < required.Length)
                {
                    CsvInput.Require(columns[n], names[n], source, requiredText, headers);
                }
            }
        }

        public long Line { get; private set; }

        public bool Next()
        {
            if (!csv.Read())
            {
                return false;
            }

            Line = csv.LineNumber;
            if (csv.FieldCount != headerCount)
            {
                throw CsvInput.FieldCountMismatch(source, Line, csv.FieldCount, headerCount);
            }

            return true;
        }

        /// <summary>A required id under the rule of names.</summary>
        public string Id(int n)
        {
            var trimmed = Names.Trim(csv.GetSpan(columns[n]));
            if (trimmed.IsEmpty)
            {
                throw Error(names[n], "is empty");
            }

            var text = CsvInput.Decode(trimmed, source, Line, names[n]);
            CsvInput.CheckName(trimmed, reservedApplies: false, source, Line, names[n]);
            return text;
        }

        /// <summary>An optional cell's trimmed text, empty when the column is absent.</summary>
        public string Text(int n) => columns[n] < 0 ? "" : CsvInput.Decode(Names.Trim(csv.GetSpan(columns[n])), source, Line, names[n]);

        public DateTimeOffset? Instant(int n)
        {
            var trimmed = columns[n] < 0 ? default : Names.Trim(csv.GetSpan(columns[n]));
            return trimmed.IsEmpty ? null : CsvInput.DateOrInstant(trimmed, source, Line, names[n]);
        }

        public bool Boolean(int n)
        {
            var text = Text(n);
            if (text.Length == 0 || text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            throw Error(names[n], $"'{text}' is not true or false");
        }

        public AttributionDataException Error(string column, string detail) => new(source, Line, column, detail);
    }
}
