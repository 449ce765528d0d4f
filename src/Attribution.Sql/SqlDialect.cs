namespace Attribution.Sql;

/// <summary>The SQL engines the queries of <see cref="AttributionSql"/> are written for.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB, embedded or its command line: reads CSV, Parquet and globs of them directly.</summary>
    DuckDb,

    /// <summary>PostgreSQL 13 or later.</summary>
    PostgreSql,
}
