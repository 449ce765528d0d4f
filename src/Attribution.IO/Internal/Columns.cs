namespace Attribution.IO.Internal;

/// <summary>The column names of the event-log CSV format.</summary>
internal static class Columns
{
    public const string JourneyId = "journey_id";
    public const string Timestamp = "timestamp";
    public const string Channel = "channel";
    public const string Campaign = "campaign";
    public const string Conversion = "conversion";
    public const string Value = "value";
    public const string ConversionId = "conversion_id";
    public const string TouchType = "touch_type";
    public const string Status = "status";

    /// <summary>The standard names, in the order <see cref="Headers"/> returns their headers.</summary>
    public static readonly IReadOnlyList<string> All = [JourneyId, Timestamp, Channel, Campaign, Conversion, Value, ConversionId, TouchType, Status];

    /// <summary>The header each standard column is read from, in the order of <see cref="All"/>: the mapped header, or
    /// the standard name itself.</summary>
    /// <param name="map">Headers by standard name (<see cref="EventLogCsvOptions.ColumnNames"/>), or null.</param>
    /// <param name="problem">What is wrong with <paramref name="map"/>, or null.</param>
    /// <returns>The headers, trimmed; null when <paramref name="problem"/> is set.</returns>
    public static string[]? Headers(IReadOnlyDictionary<string, string>? map, out string? problem)
    {
        string[] headers = [.. All];
        problem = null;
        if (map is null)
        {
            return headers;
        }

        var mapped = new bool[headers.Length];
        foreach (var (standard, header) in map)
        {
            var key = standard?.Trim() ?? string.Empty;
            var index = IndexOf(key);
            if (index < 0)
            {
                problem = $"'{key}' is not a column of the event log{Suggestions.Hint(key, All)}; the columns are {string.Join(", ", All)}";
                return null;
            }

            if (mapped[index])
            {
                problem = $"column {All[index]} is mapped twice";
                return null;
            }

            if (string.IsNullOrWhiteSpace(header))
            {
                problem = $"column {All[index]} is mapped to an empty header";
                return null;
            }

            mapped[index] = true;
            headers[index] = header.Trim();
        }

        // Headers match ignoring case, so two columns read from one header would each take the other's field.
        for (var i = 0; i < headers.Length; i++)
        {
            for (var j = i + 1; j < headers.Length; j++)
            {
                if (string.Equals(headers[i], headers[j], StringComparison.OrdinalIgnoreCase))
                {
                    problem = $"columns {All[i]} and {All[j]} are both read from header '{headers[i]}'; map {(mapped[i] ? All[j] : All[i])} to another header";
                    return null;
                }
            }
        }

        return headers;
    }

    private static int IndexOf(string standard)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], standard, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
