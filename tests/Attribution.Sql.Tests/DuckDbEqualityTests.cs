using CsCheck;
using DuckDB.NET.Data;

namespace Attribution.Sql.Tests;

public sealed class DuckDbEqualityTests
{
    [Fact]
    public void CreditQuery_RandomEventLogs_EqualTheEngine()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        // Tiny tables: one thread spares the scheduling that would dominate each query on a shared CI machine.
        RandomEventLog.Execute(connection, "SET threads = 1");
        Gen.Int[0, int.MaxValue].Sample(seed => SqlEquality.Check(connection, SqlDialect.DuckDb, RandomEventLog.Create(seed)), iter: 25, threads: 1);
    }

    [Fact]
    public void PathQuery_RandomEventLogs_EqualPathSetFromJourneys()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        // Tiny tables: one thread spares the scheduling that would dominate each query on a shared CI machine.
        RandomEventLog.Execute(connection, "SET threads = 1");
        Gen.Int[0, int.MaxValue].Sample(seed => SqlEquality.CheckPaths(connection, SqlDialect.DuckDb, RandomEventLog.Create(seed)), iter: 30, threads: 1);
    }
}
