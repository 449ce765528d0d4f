using CsvHelper;

namespace Attribution.IO.Internal;

/// <summary>One object's CSV file of a Salesforce export, read whole: the fields asked for, trimmed, with their lines.</summary>
/// <remarks>Exports are small next to an event log (one row per campaign member at most), so rows are kept as strings.</remarks>
internal sealed class SalesforceTable
{
    private readonly string[] fields;
    private readonly List<(long Line, string[] Values)> rows;

    private SalesforceTable(string objectName, string sourceName, string[] fields, List<(long Line, string[] Values)> rows)
    {
        ObjectName = objectName;
        SourceName = sourceName;
        this.fields = fields;
        this.rows = rows;
    }

    /// <summary>Gets the Salesforce object, such as <c>Opportunity</c>.</summary>
    public string ObjectName { get; }

    /// <summary>Gets the file's path, the source name errors give.</summary>
    public string SourceName { get; }

    public int Count => rows.Count;

    /// <summary>Reads <c>{objectName}.csv</c> (file name matched ignoring case) from <paramref name="directory"/>.</summary>
    /// <param name="directory">The export's directory.</param>
    /// <param name="objectName">The object's API name.</param>
    /// <param name="fields">The fields to read, by API name; every one is required in the header.</param>
    /// <exception cref="AttributionDataException">The file is missing, empty, lacks a field, or is malformed CSV.</exception>
    public static SalesforceTable Read(string directory, string objectName, string[] fields)
    {
        var path = Find(directory, objectName);
        using var stream = CsvInput.OpenRead(path);
        var required = $"{string.Join(", ", fields)} (the fields of {objectName} this import reads)";
        return CsvInput.Parse(stream, ',', path, csv => Parse(csv, objectName, path, fields, required));
    }

    /// <summary>Gets a row's line in the file.</summary>
    public long LineOf(int row) => rows[row].Line;

    /// <summary>Gets a row's value of <paramref name="field"/> (an index into the fields asked for), trimmed; empty when blank.</summary>
    public string Get(int row, int field) => rows[row].Values[field];

    /// <summary>The error for a bad value in a row's field.</summary>
    public AttributionDataException Error(int row, int field, string detail)
        => new(SourceName, rows[row].Line, fields[field], detail);

    private static string Find(string directory, string objectName)
    {
        var expected = objectName + ".csv";
        string? found = null;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (Path.GetFileName(file).Equals(expected, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    throw new AttributionDataException($"The Salesforce export '{directory}' has two files for the object {objectName}: '{Path.GetFileName(found)}' and '{Path.GetFileName(file)}'; keep one.");
                }

                found = file;
            }
        }

        return found ?? throw new AttributionDataException(
            $"The Salesforce export '{directory}' has no file for the object {objectName}: expected {expected}, one CSV file per object ({string.Join(", ", SalesforceObjects.All)}).");
    }

    private static SalesforceTable Parse(CsvReader csv, string objectName, string path, string[] fields, string required)
    {
        CsvInput.RequireHeader(csv.Headers, path, required);
        var headers = csv.Headers;
        var positions = new int[fields.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            positions[f] = -1;
            for (var h = 0; h < headers.Count; h++)
            {
                if (headers[h].Trim().Equals(fields[f], StringComparison.OrdinalIgnoreCase))
                {
                    CsvInput.Assign(ref positions[f], h, fields[f], path);
                }
            }

            if (positions[f] < 0)
            {
                throw new AttributionDataException(path, 1, fields[f], $"the header has no '{fields[f]}' column; the Salesforce object {objectName} needs the fields {required}");
            }
        }

        var rows = new List<(long, string[])>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.FieldCount != headers.Count)
            {
                throw CsvInput.FieldCountMismatch(path, line, csv.FieldCount, headers.Count);
            }

            var values = new string[fields.Length];
            for (var f = 0; f < fields.Length; f++)
            {
                values[f] = CsvInput.Decode(csv.GetSpan(positions[f]), path, line, fields[f]).Trim();
            }

            rows.Add((line, values));
        }

        return new SalesforceTable(objectName, path, fields, rows);
    }
}
