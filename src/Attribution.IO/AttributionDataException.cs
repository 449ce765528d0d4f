using System.Globalization;

namespace Attribution.IO;

/// <summary>Input data is malformed: a row or the header of an input file breaks the format's rules.</summary>
/// <remarks>
/// The message is one line that names the source, the line and, where one applies, the column, for example
/// <c>events.csv:12: column 'value': '-3' is negative; a conversion value must be a finite number &gt;= 0</c>.
/// Readers throw it before returning anything, so a failed read never leaves partial data behind.
/// </remarks>
public sealed class AttributionDataException : Exception
{
    /// <summary>Creates an exception with only a message; <see cref="SourceName"/> is <c>&lt;unknown&gt;</c> and <see cref="Line"/> is 0.</summary>
    public AttributionDataException()
        : this("The input data is malformed.")
    {
    }

    /// <summary>Creates an exception with only a message; <see cref="SourceName"/> is <c>&lt;unknown&gt;</c> and <see cref="Line"/> is 0.</summary>
    /// <param name="message">The message.</param>
    public AttributionDataException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with only a message and a cause; <see cref="SourceName"/> is <c>&lt;unknown&gt;</c> and <see cref="Line"/> is 0.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AttributionDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
        SourceName = "<unknown>";
    }

    /// <summary>Creates an exception for a problem at a known line and column.</summary>
    /// <param name="sourceName">The file path, or <c>&lt;stream&gt;</c>.</param>
    /// <param name="line">The 1-based physical line of the input.</param>
    /// <param name="column">The column's name, or <see langword="null"/> when the problem is the line as a whole.</param>
    /// <param name="detail">What is wrong and what is allowed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AttributionDataException(string sourceName, long line, string? column, string detail, Exception? innerException = null)
        : base(Format(sourceName, line, column, detail), innerException)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        SourceName = sourceName;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the name of the input: the file path as given, or <c>&lt;stream&gt;</c>.</summary>
    /// <remarks>Named <c>SourceName</c> because <see cref="Exception.Source"/> already means the assembly that threw.</remarks>
    public string SourceName { get; }

    /// <summary>Gets the 1-based physical line of the input where the problem is (the line where a record starts); 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>Gets the name of the column at fault, or <see langword="null"/> when the problem is the line as a whole.</summary>
    public string? Column { get; }

    private static string Format(string sourceName, long line, string? column, string detail)
        => (line, column) switch
        {
            (0, null) => $"{sourceName}: {detail}",
            (_, null) => string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: {detail}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{line}: column '{column}': {detail}"),
        };
}
