namespace Attribution.IO;

/// <summary>Options for <see cref="PathCsvReader"/>: the column names, the field delimiter and the separator between the channels of a path.</summary>
/// <remarks>The defaults read ChannelAttribution's aggregated path data as written by its examples and most exports.</remarks>
public sealed record PathCsvOptions
{
    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is <c>,</c>. Must be an ASCII character other than the quote <c>"</c>, CR and LF.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets the text between the channels of a path; white space around it is ignored.</summary>
    /// <value>The default value is <c>&gt;</c>, so <c>a &gt; b &gt; c</c> and <c>a&gt;b&gt;c</c> are the same path. Must not be empty or white space.</value>
    public string PathSeparator { get; init; } = ">";

    /// <summary>Gets the name of the required column holding the path.</summary>
    /// <value>The default value is <c>path</c>.</value>
    public string PathColumn { get; init; } = "path";

    /// <summary>Gets the name of the required column holding how often the path converted.</summary>
    /// <value>The default value is <c>total_conversions</c>.</value>
    public string ConversionsColumn { get; init; } = "total_conversions";

    /// <summary>Gets the name of the optional column holding the total value of the path's conversions.</summary>
    /// <value>The default value is <c>total_conversion_value</c>. When the header has no such column every value is 0.</value>
    public string ValueColumn { get; init; } = "total_conversion_value";

    /// <summary>Gets the name of the optional column holding how often the path ended without a conversion.</summary>
    /// <value>The default value is <c>total_null</c>. When the header has no such column every count is 0.</value>
    public string NullsColumn { get; init; } = "total_null";
}
