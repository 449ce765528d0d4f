using System.Globalization;
using System.Text;

namespace Attribution.Sql.Internal;

/// <summary>Every difference between the dialects, and the spelling of literals: the one place a new dialect touches.</summary>
internal static class SqlDialectRules
{
    /// <summary>Gets an expression for the whole microseconds since 1970-01-01 UTC of a timestamp expression, as BIGINT.</summary>
    public static string EpochMicros(SqlDialect dialect, string timestamp) => dialect switch
    {
        // Through TIMESTAMPTZ so that text with an offset (a CSV read as text) works; a naive TIMESTAMP is read in the
        // session's time zone, which the runners set to UTC.
        SqlDialect.DuckDb => $"epoch_us(CAST({timestamp} AS TIMESTAMPTZ))",
        // extract(epoch …) is numeric (exact) since PostgreSQL 14; the cast rounds nothing for microsecond data.
        _ => $"CAST(extract(epoch FROM {timestamp}) * 1000000 AS BIGINT)",
    };

    /// <summary>Gets e^x of a DOUBLE PRECISION expression; PostgreSQL raises an error where the result underflows, so
    /// arguments below ln(smallest normal double) give 0 there.</summary>
    public static string Exp(SqlDialect dialect, string x) => dialect switch
    {
        SqlDialect.DuckDb => $"exp({x})",
        _ => $"CASE WHEN {x} < -708 THEN CAST(0 AS DOUBLE PRECISION) ELSE exp({x}) END",
    };

    /// <summary>Gets an expression that joins the strings of an ordered group with <paramref name="separator"/> (the same
    /// in both dialects).</summary>
    public static string StringAgg(string value, string separator, string orderBy) => $"string_agg({value}, {Text(separator)} ORDER BY {orderBy})";

    /// <summary>Gets a string literal: single quotes, an inner quote doubled (standard strings in both dialects).</summary>
    public static string Text(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A name in a SQL query cannot hold the character U+0000.", nameof(value));
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Gets a DOUBLE PRECISION literal that reads back as exactly <paramref name="value"/>.</summary>
    public static string Double(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A weight in a SQL query must be finite.");
        }

        // From text, so that neither engine reads the literal as a rounded DECIMAL first.
        return $"CAST('{value.ToString("R", CultureInfo.InvariantCulture)}' AS DOUBLE PRECISION)";
    }

    /// <summary>Gets a BIGINT literal.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets a quoted identifier (a column name).</summary>
    public static string Identifier(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Gets <c>CASE expr WHEN 'name' THEN value … ELSE fallback END</c>, or the fallback alone for no names.</summary>
    public static string CaseOfName(string expression, IEnumerable<KeyValuePair<string, string>> valueByName, string fallback)
    {
        var sql = new StringBuilder();
        foreach (var (name, value) in valueByName)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {Text(name)} THEN {value}");
        }

        return sql.Length == 0 ? fallback : $"CASE {expression}{sql} ELSE {fallback} END";
    }
}
