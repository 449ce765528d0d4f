using System.Text;
using Attribution.Journeys;
using CsvHelper;

namespace Attribution.IO.Internal;

/// <summary>What the CSV readers share: opening the input, matching the header, and wording their errors alike.</summary>
/// <remarks>Everything here is a static, non-virtual call, so a reader's per-row loop costs no more for using it.</remarks>
internal static class CsvInput
{
    /// <summary>The name errors give an input that was not named.</summary>
    public const string StreamSourceName = "<stream>";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens a file for one sequential pass; CsvHelper buffers the reads itself.</summary>
    public static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    /// <summary>Rejects a delimiter that CSV cannot use.</summary>
    public static void ValidateDelimiter(char delimiter, string paramName)
    {
        if (delimiter is '"' or '\r' or '\n' || !char.IsAscii(delimiter))
        {
            throw new ArgumentException($"The delimiter must be an ASCII character other than a quote, CR or LF, but was '{delimiter}'.", paramName);
        }
    }

    /// <summary>Reads <paramref name="stream"/> (left open) with <paramref name="parse"/>, reporting malformed CSV as an <see cref="AttributionDataException"/>.</summary>
    /// <remarks><paramref name="parse"/> is called once for the whole input, not per row.</remarks>
    public static T Parse<T>(Stream stream, char delimiter, string sourceName, Func<CsvReader, T> parse)
    {
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };

        try
        {
            using var csv = CsvReader.Create(stream, options, leaveOpen: true);
            return parse(csv);
        }
        catch (CsvFormatException e)
        {
            throw new AttributionDataException(sourceName, e.LineNumber, null, $"malformed CSV: {e.Message}", e);
        }
    }

    /// <summary>Throws when the input has no header row.</summary>
    /// <param name="headers">The header's fields.</param>
    /// <param name="sourceName">The input's name.</param>
    /// <param name="requiredColumns">The required columns, such as <c>channel and cost</c>.</param>
    public static void RequireHeader(IReadOnlyList<string> headers, string sourceName, string requiredColumns)
    {
        if (headers.Count == 0 || (headers.Count == 1 && string.IsNullOrWhiteSpace(headers[0])))
        {
            throw new AttributionDataException(sourceName, 1, null, $"the input is empty; expected a header row naming the columns {requiredColumns}");
        }
    }

    /// <summary>Records that column <paramref name="name"/> is at <paramref name="index"/>, throwing if the header named it before.</summary>
    public static void Assign(ref int slot, int index, string name, string sourceName)
    {
        if (slot >= 0)
        {
            throw new AttributionDataException(sourceName, 1, name, $"the header names column '{name}' twice (columns {slot + 1} and {index + 1})");
        }

        slot = index;
    }

    /// <summary>Throws when a required column is missing from the header.</summary>
    /// <param name="column">The column's index, or -1 when the header lacks it.</param>
    /// <param name="name">The column's name.</param>
    /// <param name="sourceName">The input's name.</param>
    /// <param name="requiredColumns">The required columns, such as <c>channel and cost</c>.</param>
    public static void Require(int column, string name, string sourceName, string requiredColumns)
    {
        if (column < 0)
        {
            throw new AttributionDataException(sourceName, 1, name, $"the header has no '{name}' column; required columns are {requiredColumns}");
        }
    }

    /// <summary>The error for a row whose field count differs from the header's.</summary>
    public static AttributionDataException FieldCountMismatch(string sourceName, long line, int fieldCount, int headerCount)
        => new(sourceName, line, null, $"the row has {fieldCount} fields but the header has {headerCount}");

    /// <summary>Interns a name, reporting invalid UTF-8 as an error in <paramref name="column"/>.</summary>
    public static int Intern(SymbolTable table, ReadOnlySpan<byte> utf8, string sourceName, CsvReader csv, string column)
    {
        try
        {
            return table.GetOrAdd(utf8);
        }
        catch (ArgumentException e)
        {
            throw new AttributionDataException(sourceName, csv.LineNumber, column, "is not valid UTF-8", e);
        }
    }

    /// <summary>Interns a name, reporting invalid UTF-8 as an error in <paramref name="column"/> on <paramref name="line"/>.</summary>
    public static int Intern(SymbolTable table, ReadOnlySpan<byte> utf8, string sourceName, long line, string column)
    {
        try
        {
            return table.GetOrAdd(utf8);
        }
        catch (ArgumentException e)
        {
            throw new AttributionDataException(sourceName, line, column, "is not valid UTF-8", e);
        }
    }

    /// <summary>Decodes a field, reporting invalid UTF-8 as an error in <paramref name="column"/> on <paramref name="line"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8, string sourceName, long line, string column)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new AttributionDataException(sourceName, line, column, "is not valid UTF-8", e);
        }
    }

    /// <summary>Decodes a field, reporting invalid UTF-8 as an error in <paramref name="column"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> utf8, string sourceName, CsvReader csv, string column)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new AttributionDataException(sourceName, csv.LineNumber, column, "is not valid UTF-8", e);
        }
    }

    /// <summary>A field's text in quotes for an error message, cut short when long.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8)
    {
        const int MaxShown = 60;
        var text = Encoding.UTF8.GetString(utf8);
        return text.Length <= MaxShown ? $"'{text}'" : $"'{text[..MaxShown]}…'";
    }
}
