using CsCheck;

namespace Attribution.Sql.Tests;

public sealed class PostgresEqualityTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public void CreditQuery_RandomEventLogs_EqualTheEngine()
    {
        using var connection = server.Open();
        Gen.Int[0, int.MaxValue].Sample(seed => SqlEquality.Check(connection, SqlDialect.PostgreSql, RandomEventLog.Create(seed)), iter: 25, threads: 1);
    }

    [Fact]
    public void PathQuery_RandomEventLogs_EqualPathSetFromJourneys()
    {
        using var connection = server.Open();
        Gen.Int[0, int.MaxValue].Sample(seed => SqlEquality.CheckPaths(connection, SqlDialect.PostgreSql, RandomEventLog.Create(seed)), iter: 30, threads: 1);
    }
}
