using System.Globalization;
using System.Text;

namespace Attribution.IO;

/// <summary>Writes event-log rows as the CSV that <see cref="EventLogCsvReader"/> reads.</summary>
/// <remarks>
/// <para>The header is <see cref="Header"/>: the reader's columns, with <c>touch_type</c> and <c>status</c> last (the reader
/// keeps the touch type and, with <see cref="EventLogCsvOptions.CountedStatuses"/>, counts touches by status). A touch row fills <c>channel</c>, <c>campaign</c>, <c>touch_type</c> and <c>status</c>; a
/// conversion row fills <c>conversion</c> (its kind), <c>value</c> and <c>conversion_id</c>. Timestamps are written in UTC
/// (<c>2026-03-01T09:30:00Z</c>, with a fraction only when there is one); values round-trip exactly.</para>
/// <para>Rows are written in the order given. Fields that hold a comma, a quote or a line break are quoted, with quotes
/// doubled (RFC 4180); nothing else is changed, so names read back exactly as written.</para>
/// </remarks>
/// <example>
/// <code>
/// SalesforceImport import = SalesforceExport.Read("export");
/// EventLogCsvWriter.Write("events.csv", import.Events);
/// </code>
/// </example>
public static class EventLogCsvWriter
{
    /// <summary>The header line.</summary>
    public const string Header = "journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status";

    /// <summary>Writes rows with a header line.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="rows">The rows.</param>
    public static void Write(TextWriter writer, IEnumerable<EventLogRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            writer.Write(Quote(row.JourneyId));
            writer.Write(',');
            writer.Write(Timestamp(row.Timestamp));
            writer.Write(',');
            if (row.IsConversion)
            {
                writer.Write(",,");
                writer.Write(Quote(row.Kind!));
                writer.Write(',');
                writer.Write(row.Value.ToString("R", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Quote(row.ConversionId));
                writer.Write(",,");
            }
            else
            {
                writer.Write(Quote(row.Channel));
                writer.Write(',');
                writer.Write(Quote(row.Campaign));
                writer.Write(",,,,");
                writer.Write(Quote(row.TouchType));
                writer.Write(',');
                writer.Write(Quote(row.Status));
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes rows as a CSV file (UTF-8, no byte order mark).</summary>
    /// <param name="path">The file; created or overwritten.</param>
    /// <param name="rows">The rows.</param>
    public static void Write(string path, IEnumerable<EventLogRow> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, rows);
    }

    internal static string Timestamp(DateTimeOffset instant)
        => InstantText.Utc(instant);

    // RFC 4180 only, no spreadsheet guard: an event log is read back by a program, and names must round-trip exactly.
    internal static string Quote(string? field) => field is null ? string.Empty : Internal.CsvText.Quote(field);
}
