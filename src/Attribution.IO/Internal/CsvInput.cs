using System.Globalization;
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

    /// <summary>The longest record (a header or a row, quoted line breaks included) a reader accepts, in bytes: 64 MiB.</summary>
    /// <remarks>Far beyond any real row, yet a file without line breaks (or with an unclosed quote) ends in a clear error
    /// instead of the reader growing its buffer until memory runs out.</remarks>
    public const int MaxRecordBytes = 64 << 20;

    /// <summary>Why a number was rejected.</summary>
    internal enum NumberProblem
    {
        None,
        NotANumber,
        NotFinite,
        Negative,
    }

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
            MaxRecordSize = MaxRecordBytes,
        };

        using var input = Decode(stream, sourceName);
        try
        {
            using var csv = CsvReader.Create(input, options, leaveOpen: true);
            return parse(csv);
        }
        catch (InvalidDataException e) when (input is GzipInput)
        {
            throw new AttributionDataException(sourceName, 0, null, $"the gzip data is corrupt: {e.Message}", e);
        }
        catch (CsvFormatException e)
        {
            // CsvHelper words the cap in its option's name and bytes; say it in the terms of this format.
            var detail = e.Message.Contains("MaxRecordSize", StringComparison.Ordinal)
                ? $"a record (the header or a row) is longer than {MaxRecordBytes >> 20} MiB, the most a reader accepts; is a line break or a closing quote missing?"
                : $"malformed CSV: {e.Message}";
            throw new AttributionDataException(sourceName, e.LineNumber, null, detail, e);
        }
    }

    /// <summary>Looks at the first bytes of the input: gzip is decompressed on the fly (so <c>events.csv.gz</c> reads like
    /// <c>events.csv</c>), UTF-16 without a byte order mark is named as such. A stream that cannot seek gets the bytes it
    /// was peeked for put back in front.</summary>
    /// <returns>The stream to read; disposing it leaves <paramref name="stream"/> open.</returns>
    private static Stream Decode(Stream stream, string sourceName)
    {
        var head = new byte[4];
        var start = stream.CanSeek ? stream.Position : 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        Stream input;
        if (stream.CanSeek)
        {
            stream.Position = start;
            input = new KeepOpenStream(stream);
        }
        else
        {
            input = new PrefixedStream(head.AsMemory(0, read), stream);
        }

        if (read >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return new GzipInput(input);
        }

        if (EncodingHint(head.AsSpan(0, read)) is { } hint)
        {
            throw new AttributionDataException(sourceName, 1, null, hint);
        }

        return input;
    }

    /// <summary>What the first bytes of an input say about it when it is UTF-16 without a byte order mark, or null.</summary>
    private static string? EncodingHint(ReadOnlySpan<byte> head)
    {
        // ASCII text in UTF-16 has a zero byte beside every character; a byte order mark would have said so, and CsvHelper honours one.
        var bom = head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        if (!bom && head.Length >= 2 && (head[0] == 0) != (head[1] == 0))
        {
            return $"the input looks like UTF-16 ({(head[1] == 0 ? "little" : "big")}-endian) without a byte order mark; save it as UTF-8";
        }

        return null;
    }

    /// <summary>A hint for a header that lacks a required column: another delimiter or encoding, or empty.</summary>
    private static string HeaderHint(IReadOnlyList<string> headers)
    {
        if (headers.Count == 0)
        {
            return string.Empty;
        }

        var first = headers[0];
        if (first.Length > 0 && first[0] == '\u001F')
        {
            return "; the input looks gzip-compressed: decompress it first";
        }

        foreach (var header in headers)
        {
            if (header.Contains('\0', StringComparison.Ordinal))
            {
                return "; the header holds NUL characters, so the input looks like UTF-16: save it as UTF-8";
            }
        }

        if (headers.Count == 1)
        {
            foreach (var candidate in ";\t|,")
            {
                if (first.Contains(candidate, StringComparison.Ordinal))
                {
                    var shown = candidate == '\t' ? "tab" : $"'{candidate}'";
                    return $"; the header is one column holding {shown}, so the file seems to be {shown}-delimited: set the delimiter option";
                }
            }
        }

        return string.Empty;
    }

    /// <summary>Reads a number that must be finite and not negative; −0 is read as 0.</summary>
    public static NumberProblem ParseNonNegative(ReadOnlySpan<byte> text, out double value)
    {
        if (!PlainDecimal.TryParse(text, out value) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return NumberProblem.NotANumber;
        }

        if (!double.IsFinite(value))
        {
            return NumberProblem.NotFinite;
        }

        if (value < 0)
        {
            return NumberProblem.Negative;
        }

        // −0.0 compares equal to 0 and passes the check above; store +0 so no sum or output shows a negative zero.
        value = value == 0 ? 0 : value;
        return NumberProblem.None;
    }

    /// <summary>The error for a number <see cref="ParseNonNegative"/> rejected.</summary>
    /// <param name="problem">Why it was rejected.</param>
    /// <param name="text">The cell as written.</param>
    /// <param name="sourceName">The file's name, for the message.</param>
    /// <param name="line">The cell's line.</param>
    /// <param name="column">The cell's column name.</param>
    /// <param name="expected">What is allowed, such as <c>a conversion value must be a finite number &gt;= 0</c>.</param>
    public static AttributionDataException NumberError(NumberProblem problem, ReadOnlySpan<byte> text, string sourceName, long line, string column, string expected)
    {
        var what = problem switch
        {
            NumberProblem.NotFinite => "is not finite",
            NumberProblem.Negative => "is negative",
            _ => "is not a number",
        };
        return new AttributionDataException(sourceName, line, column, $"{Quote(text)} {what}; {expected}");
    }

    /// <summary>Adds a row's number to its column's running total, throwing when the total leaves the range of a double:
    /// every sum built from the column later (per channel, per kind, per path) is at most that total, so none can overflow.</summary>
    public static void AddToTotal(ref double total, double value, ReadOnlySpan<byte> text, string sourceName, long line, string column)
    {
        total += value;
        if (double.IsInfinity(total))
        {
            throw new AttributionDataException(sourceName, line, column, $"{Quote(text)} brings the column's total above the largest number ({double.MaxValue.ToString("R", CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>Interns a name already trimmed with <see cref="Names.Trim(ReadOnlySpan{byte})"/>, checking a new one
    /// against the rule of names (<see cref="Names"/>): no control character and, for channels and campaigns, no key of a built-in row.</summary>
    /// <remarks>Only a name new to the table is checked: each distinct name once, not once per row.</remarks>
    public static int InternName(SymbolTable table, ReadOnlySpan<byte> trimmed, bool reservedApplies, string sourceName, long line, string column)
    {
        var count = table.Count;
        var id = Intern(table, trimmed, sourceName, line, column);
        if (table.Count != count)
        {
            CheckName(trimmed, reservedApplies, sourceName, line, column);
        }

        return id;
    }

    /// <summary>Throws when a trimmed, non-empty name breaks the rule of names.</summary>
    public static void CheckName(ReadOnlySpan<byte> trimmed, bool reservedApplies, string sourceName, long line, string column)
    {
        var problem = Names.Check(trimmed, reservedApplies, out var control);
        if (problem != Names.Problem.None)
        {
            throw new AttributionDataException(sourceName, line, column, Names.Describe(problem, Encoding.UTF8.GetString(trimmed), control));
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

        // A header with a NUL or a gzip marker is not a header: say what the input is before any column is looked for.
        foreach (var header in headers)
        {
            if (header.Contains('\0', StringComparison.Ordinal) || (header.Length > 0 && header[0] == '\u001F'))
            {
                throw new AttributionDataException(sourceName, 1, null, $"the header is not text{HeaderHint(headers)}");
            }
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
    /// <param name="headers">The header's fields, for a hint when the delimiter or encoding seems wrong.</param>
    /// <param name="standardName">The standard column the user mapped <paramref name="name"/> to, or null when the column has its standard name.</param>
    public static void Require(int column, string name, string sourceName, string requiredColumns, IReadOnlyList<string> headers, string? standardName = null)
    {
        if (column < 0)
        {
            var mapped = standardName is null ? string.Empty : $" (mapped to {standardName})";
            throw new AttributionDataException(sourceName, 1, name, $"the header has no '{name}' column{mapped}; required columns are {requiredColumns}{HeaderHint(headers)}");
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

    /// <summary>The side files' rule for a period bound (team ownership and targets, account membership): an ISO-8601
    /// instant with an offset, or a date meaning midnight UTC.</summary>
    /// <param name="trimmed">The cell, trimmed and not empty.</param>
    /// <param name="sourceName">The input's name for errors.</param>
    /// <param name="line">The row's line.</param>
    /// <param name="column">The column's name.</param>
    /// <exception cref="AttributionDataException">The cell is neither, naming the line and column.</exception>
    public static DateTimeOffset DateOrInstant(ReadOnlySpan<byte> trimmed, string sourceName, long line, string column)
    {
        switch (Iso8601.TryParse(trimmed, out var instant))
        {
            case Iso8601.Failure.None:
                return instant;
            case Iso8601.Failure.NoOffset:
                throw new AttributionDataException(sourceName, line, column, $"{Quote(trimmed)} has no UTC offset; write it with Z or an offset such as +02:00, or give a date (midnight UTC)");
            case Iso8601.Failure.OutOfRange:
                throw new AttributionDataException(sourceName, line, column, $"{Quote(trimmed)} is out of range: with its offset applied it falls before 0001-01-01T00:00:00Z or after 9999-12-31T23:59:59Z");
        }

        var text = Decode(trimmed, sourceName, line, column);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        throw new AttributionDataException(sourceName, line, column, $"{Quote(trimmed)} is not a date such as 2026-07-01 (midnight UTC) or an ISO-8601 timestamp with an offset such as 2026-07-01T09:00:00Z");
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
