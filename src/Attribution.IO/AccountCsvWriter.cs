using System.Text;

namespace Attribution.IO;

/// <summary>Writes the people→account mapping (<c>person_id,account_id</c>) and contact roles
/// (<c>conversion_id,person_id,role,primary</c>) as CSV.</summary>
/// <remarks>Rows are written in the order given, with a header line; fields that hold a comma, a quote or a line break
/// are quoted with quotes doubled (RFC 4180); <c>primary</c> is <c>true</c> or <c>false</c>.</remarks>
/// <example>
/// <code>
/// SalesforceImport import = SalesforceExport.Read("export");
/// AccountCsvWriter.WriteMapping("people.csv", import.Accounts);
/// AccountCsvWriter.WriteContactRoles("roles.csv", import.ContactRoles);
/// </code>
/// </example>
public static class AccountCsvWriter
{
    /// <summary>The header line of the mapping.</summary>
    public const string MappingHeader = "person_id,account_id";

    /// <summary>The header line of the contact roles.</summary>
    public const string ContactRolesHeader = "conversion_id,person_id,role,primary";

    /// <summary>Writes the people→account mapping.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="mapping">The rows.</param>
    public static void WriteMapping(TextWriter writer, IEnumerable<PersonAccount> mapping)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(mapping);
        writer.Write(MappingHeader);
        writer.Write('\n');
        foreach (var row in mapping)
        {
            writer.Write(EventLogCsvWriter.Quote(row.PersonId));
            writer.Write(',');
            writer.Write(EventLogCsvWriter.Quote(row.AccountId));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the people→account mapping as a CSV file (UTF-8, no byte order mark).</summary>
    /// <param name="path">The file; created or overwritten.</param>
    /// <param name="mapping">The rows.</param>
    public static void WriteMapping(string path, IEnumerable<PersonAccount> mapping)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteMapping(writer, mapping);
    }

    /// <summary>Writes contact roles.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="roles">The rows.</param>
    public static void WriteContactRoles(TextWriter writer, IEnumerable<ContactRole> roles)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(roles);
        writer.Write(ContactRolesHeader);
        writer.Write('\n');
        foreach (var role in roles)
        {
            ArgumentNullException.ThrowIfNull(role, nameof(roles));
            writer.Write(EventLogCsvWriter.Quote(role.ConversionId));
            writer.Write(',');
            writer.Write(EventLogCsvWriter.Quote(role.PersonId));
            writer.Write(',');
            writer.Write(EventLogCsvWriter.Quote(role.Role));
            writer.Write(',');
            writer.Write(role.IsPrimary ? "true" : "false");
            writer.Write('\n');
        }
    }

    /// <summary>Writes contact roles as a CSV file (UTF-8, no byte order mark).</summary>
    /// <param name="path">The file; created or overwritten.</param>
    /// <param name="roles">The rows.</param>
    public static void WriteContactRoles(string path, IEnumerable<ContactRole> roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        WriteContactRoles(writer, roles);
    }
}
