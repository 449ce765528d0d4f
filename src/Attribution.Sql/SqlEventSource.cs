namespace Attribution.Sql;

/// <summary>Where a query reads the event log: a table, view or table expression with the event-log columns.</summary>
/// <remarks>
/// <para>The columns are those of the event-log CSV: <c>journey_id</c> (text), <c>timestamp</c> (a timestamp, with time
/// zone or in UTC), <c>channel</c> (text), <c>campaign</c> (text, empty or null for none), <c>conversion</c> (text: the
/// kind; empty or null on a touchpoint row) and <c>value</c> (a number; null on a conversion row means 1). Other columns
/// are ignored.</para>
/// <para>Timestamps are compared in whole microseconds, the precision of both engines.</para>
/// <para>The in-process engine sorts rows at the same instant in input order (touchpoints before conversions). A table has
/// no order, so name a column that holds it in <see cref="OrderColumn"/> (a row number, say); without one, rows at the
/// same instant are ordered by channel, campaign, kind and value, which gives the engine's numbers whenever such ties do
/// not change who is first or last.</para>
/// </remarks>
/// <example>
/// <code>
/// var parquet = new SqlEventSource("read_parquet('events/*.parquet')");
/// var table = new SqlEventSource("analytics.events") { OrderColumn = "row_id" };
/// </code>
/// </example>
public sealed record SqlEventSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="from">What follows <c>FROM</c>: a table or view name (quoted as the engine needs it), or a table
    /// expression such as <c>read_parquet('events.parquet')</c>. It is placed in the query as written.</param>
    /// <exception cref="ArgumentException"><paramref name="from"/> is empty.</exception>
    public SqlEventSource(string from)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        From = from;
    }

    /// <summary>Gets what follows <c>FROM</c>.</summary>
    public string From { get; }

    /// <summary>Gets the column whose ascending values give the input order of rows, which breaks ties at equal instants.</summary>
    /// <value>The default value is <see langword="null"/>: no such column.</value>
    public string? OrderColumn { get; init; }
}
