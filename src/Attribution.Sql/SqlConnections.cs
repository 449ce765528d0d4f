using System.Data.Common;
using Attribution.Sql.Internal;
using DuckDB.NET.Data;
using Npgsql;

namespace Attribution.Sql;

/// <summary>Opens the connections and names the sources the command line uses: an embedded DuckDB over event-log files,
/// a PostgreSQL server from a <c>postgres://</c> address.</summary>
public static class SqlConnections
{
    /// <summary>Opens an in-memory DuckDB database whose session time zone is UTC, optionally with a memory limit beyond
    /// which DuckDB spills to a temporary directory.</summary>
    /// <param name="memoryLimit">DuckDB's <c>memory_limit</c>, for example <c>500MB</c> or <c>2GB</c>; null for DuckDB's default (80 % of RAM).</param>
    /// <param name="spillDirectory">Where DuckDB spills; null for a directory under the system's temporary path.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The memory limit is not a size DuckDB understands.</exception>
    public static DbConnection OpenDuckDb(string? memoryLimit = null, string? spillDirectory = null)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        try
        {
            Execute(connection, "SET TimeZone = 'UTC'");
            Execute(connection, "SET temp_directory = " + SqlDialectRules.Text(spillDirectory ?? Path.Combine(Path.GetTempPath(), "attribution-duckdb-spill")));
            if (memoryLimit is not null)
            {
                try
                {
                    Execute(connection, "SET memory_limit = " + SqlDialectRules.Text(memoryLimit.Trim()));
                }
                catch (DuckDBException e)
                {
                    throw new ArgumentException($"The memory limit '{memoryLimit}' is not a size such as 500MB or 2GB: {e.Message}", nameof(memoryLimit), e);
                }
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>Opens a PostgreSQL connection from an address <c>postgres://user:password@host:port/database</c>
    /// (<c>postgresql://</c> too); <c>?host=/run/postgresql</c> names a Unix socket directory instead of a host.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The open connection; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The address is not a postgres:// address.</exception>
    public static DbConnection OpenPostgres(string address)
    {
        var connection = new NpgsqlConnection(PostgresConnectionString(address));
        connection.Open();
        return connection;
    }

    /// <summary>Gets whether an input names a PostgreSQL server rather than a file.</summary>
    /// <param name="input">The input.</param>
    /// <returns>True for <c>postgres://…</c> and <c>postgresql://…</c>.</returns>
    public static bool IsPostgresAddress(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Turns a <c>postgres://</c> address into an Npgsql connection string.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="ArgumentException">The address is not a postgres:// address.</exception>
    public static string PostgresConnectionString(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!IsPostgresAddress(address) || !Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{address}' is no PostgreSQL address; write postgres://user:password@host:port/database.", nameof(address));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } database ? Uri.UnescapeDataString(database) : null,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            if (key.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                builder.Host = value;
            }
            else
            {
                throw new ArgumentException($"'{address}': the parameter '{key}' is not supported; only host (a socket directory) is.", nameof(address));
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>Gets the DuckDB source that reads event-log files: Parquet when the path ends in <c>.parquet</c>, else CSV
    /// with a header; a glob (<c>events/*.parquet</c>) reads every file it matches. The rows' order in the files breaks
    /// ties at equal instants, as the in-process engine's input order does.</summary>
    /// <param name="path">The file or glob.</param>
    /// <returns>The source.</returns>
    public static SqlEventSource DuckDbFiles(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var literal = SqlDialectRules.Text(path);
        return path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? new SqlEventSource($"read_parquet({literal}, file_row_number = true)") { OrderColumn = "file_row_number" }
            // As text: the event-log CSV's empty cells and offsets are read by the query's own casts, not guessed.
            : new SqlEventSource($"read_csv({literal}, header = true, all_varchar = true) WITH ORDINALITY") { OrderColumn = "ordinality" };
    }

    /// <summary>Gets the DuckDB source that reads GA4's BigQuery export (Parquet files or a glob) as an event log:
    /// <c>session_start</c> events are touches on GA4's default channel grouping of their collected source and medium,
    /// the named events are conversions worth <c>ecommerce.purchase_revenue</c>. The rules are in the package README.</summary>
    /// <param name="path">The Parquet file or glob.</param>
    /// <param name="conversionEvents">The event names that are conversions, for example <c>purchase</c>; each is its own kind.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">No conversion event is given, or one is empty.</exception>
    public static SqlEventSource DuckDbGa4(string path, IReadOnlyCollection<string> conversionEvents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(conversionEvents);
        if (conversionEvents.Count == 0 || conversionEvents.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one GA4 event as a conversion, for example purchase; names must not be empty.", nameof(conversionEvents));
        }

        return new SqlEventSource(Ga4Export.From(path, conversionEvents)) { OrderColumn = "file_row_number" };
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
