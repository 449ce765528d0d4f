namespace Attribution.IO.Internal;

/// <summary>How every CSV writer spells a text cell: RFC 4180 quoting, and for files meant for people, a guard against
/// spreadsheet formulas.</summary>
/// <remarks>
/// A spreadsheet opening a CSV runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (and, in some, a tab
/// or carriage return) as a formula, so a channel named <c>=HYPERLINK(…)</c> would become a live link. People-facing
/// writers put a single quote before such a text cell (<c>'=HYPERLINK(…)</c>), which spreadsheets show as the text itself.
/// Only text cells are guarded: numbers such as <c>-3.5</c> stay numbers. Machine-readable files (an event log written
/// for reading back) use <see cref="Quote"/> alone, so names round-trip exactly.
/// </remarks>
internal static class CsvText
{
    /// <summary>Quotes a field when it holds a delimiter (comma), quote or line break, doubling its quotes (RFC 4180).</summary>
    public static string Quote(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A text cell of a CSV meant for people: guarded against formulas (see the remarks), then quoted.</summary>
    public static string TextCell(string field) => Quote(StartsLikeFormula(field) ? "'" + field : field);

    /// <summary>Whether a spreadsheet would read a text cell as a formula.</summary>
    public static bool StartsLikeFormula(string field)
        => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
