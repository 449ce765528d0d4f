using Attribution.Sql;
using Attribution.Sql.Tests;

namespace Attribution.Cli.Tests;

public sealed class SqlEngineTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Log = """
        journey_id,timestamp,channel,campaign,conversion,value
        anna,2026-03-01T09:00:00Z,email,,,
        anna,2026-03-01T10:00:00Z,direct,,,
        anna,2026-03-01T13:00:00+02:00,search,spring,,
        anna,2026-03-01T12:00:00Z,,,order,100
        ben,2026-03-01T09:00:00Z,direct,,,
        ben,2026-03-01T10:00:00Z,,,order,50
        cara,2026-03-01T08:00:00Z,,,order,

        """;

    // anna's order at 12:00 sees 09:30 onwards (150 min): direct (excluded) and search (11:00 UTC) → search 1, 100.
    // ben's order sees only direct: all excluded, so direct keeps it → direct 1, 50. cara's has no touch: unattributed 1, 1.
    private const string Expected = "model,conversion,channel,conversions,value\nlinear,order,search,1,100\nlinear,order,direct,1,50\nlinear,order,(unattributed),1,1\n";

    [Fact]
    public void Attribute_EngineDuckDbOverCsv_CreditsAsWorkedOutByHand()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("events.csv", Log);

        var run = CliRun.Of("attribute", "--input", input, "--model", "linear", "--exclude", "direct", "--lookback", "150m", "--format", "csv", "--engine", "duckdb", "--memory-limit", "100MB").ShouldSucceed();

        run.Stdout.Should().Be(Expected);
    }

    [Fact]
    public void Attribute_ParquetInput_RunsThroughDuckDbWithoutEngineOption()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("events.csv", Log);
        var parquet = temp.File("events.parquet");
        using (var connection = SqlConnections.OpenDuckDb())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var run = CliRun.Of("attribute", "--input", parquet, "--model", "linear", "--exclude", "direct", "--lookback", "150m", "--format", "csv").ShouldSucceed();

        run.Stdout.Should().Be(Expected);
    }

    [Fact]
    public void Attribute_PostgresInput_ReadsTheTable()
    {
        using var connection = server.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                DROP TABLE IF EXISTS cli_events;
                CREATE TABLE cli_events (journey_id text, "timestamp" timestamptz, channel text, campaign text, conversion text, value double precision, seq int);
                INSERT INTO cli_events VALUES
                  ('anna', '2026-03-01 09:00:00+00', 'email', NULL, NULL, NULL, 1),
                  ('anna', '2026-03-01 10:00:00+00', 'direct', NULL, NULL, NULL, 2),
                  ('anna', '2026-03-01 11:00:00+00', 'search', 'spring', NULL, NULL, 3),
                  ('anna', '2026-03-01 12:00:00+00', NULL, NULL, 'order', 100, 4),
                  ('ben', '2026-03-01 09:00:00+00', 'direct', NULL, NULL, NULL, 5),
                  ('ben', '2026-03-01 10:00:00+00', NULL, NULL, 'order', 50, 6),
                  ('cara', '2026-03-01 08:00:00+00', NULL, NULL, 'order', NULL, 7);
                """;
            command.ExecuteNonQuery();
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString);
        var address = $"postgres://{builder.Username}@localhost:{builder.Port}/{builder.Database}?host={Uri.EscapeDataString(builder.Host!)}";

        var run = CliRun.Of("attribute", "--input", address, "--table", "cli_events", "--order-column", "seq", "--model", "linear", "--exclude", "direct", "--lookback", "150m", "--format", "csv").ShouldSucceed();

        run.Stdout.Should().Be(Expected);
    }

    [Fact]
    public void Sql_PrintsTheQueryForTheDialect()
    {
        var run = CliRun.Of("sql", "--dialect", "postgres", "--model", "time-decay:3d", "--table", "events", "--exclude", "direct").ShouldSucceed();

        run.Stdout.Should().StartWith("WITH ev AS (").And.Contain("extract(epoch FROM src.\"timestamp\")").And.Contain("ch IN ('direct')").And.Contain("FROM events AS src");
    }

    [Fact]
    public void Sql_PathsForDuckDbFiles_ReadsTheParquetFile()
    {
        var run = CliRun.Of("sql", "--dialect", "duckdb", "--paths", "--input", "events/*.parquet", "--conversion", "order").ShouldSucceed();

        run.Stdout.Should().Contain("read_parquet('events/*.parquet', file_row_number = true)").And.Contain("total_null").And.Contain("kind = 'order'");
    }

    [Fact]
    public void Sql_DataDrivenModel_IsAUsageError()
        => CliRun.Of("sql", "--dialect", "duckdb", "--model", "markov", "--table", "events").ShouldFail(2, "--model markov", "--paths");

    [Fact]
    public void Attribute_EngineDuckDbWithFunnel_IsAUsageError()
        => CliRun.Of("attribute", "--input", "x.csv", "--model", "linear", "--engine", "duckdb", "--funnel").ShouldFail(2, "--funnel");

    [Theory]
    [InlineData("--intervals", "0.9")]
    [InlineData("--count-statuses", "attended")]
    [InlineData("--by", "touch-type")]
    [InlineData("--identities", "aliases.csv")]
    public void Attribute_EngineDuckDbWithAnInProcessOnlyOption_IsAUsageError(string option, string value)
        => CliRun.Of("attribute", "--input", "x.csv", "--model", "linear", "--engine", "duckdb", option, value)
            .ShouldFail(2, "run in process only; leave out --engine duckdb");

    [Fact]
    public void Attribute_PostgresWithoutTable_IsAUsageError()
        => CliRun.Of("attribute", "--input", "postgres://me@localhost/db", "--model", "linear").ShouldFail(2, "--table");

    [Fact]
    public void Attribute_MissingColumnInDuckDb_IsADataErrorNamingIt()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("events.csv", "journey_id,timestamp,channel\na,2026-03-01T09:00:00Z,email\n");

        CliRun.Of("attribute", "--input", input, "--model", "linear", "--engine", "duckdb").ShouldFail(1, "campaign");
    }

    [Fact]
    public void Attribute_Ga4Sample_CreditsPurchasesByDefaultChannelGroup()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "ga4", "ga4-sample.parquet");

        var run = CliRun.Of("attribute", "--input", sample, "--input-format", "ga4", "--conversion-events", "purchase", "--model", "linear", "--format", "csv").ShouldSucceed();

        // u1: Paid Search then Email before a 120 purchase; u2: Direct then Organic Social before 60; u5: Direct before 30.
        run.StdoutLines.Should().BeEquivalentTo(
            "model,conversion,channel,conversions,value",
            "linear,purchase,Paid Search,0.5,60",
            "linear,purchase,Email,0.5,60",
            "linear,purchase,Direct,1.5,60",
            "linear,purchase,Organic Social,0.5,30");
    }

    [Fact]
    public void Attribute_ConversionEventsWithoutGa4_IsAUsageError()
        => CliRun.Of("attribute", "--input", "x.csv", "--model", "linear", "--conversion-events", "purchase").ShouldFail(2, "--input-format ga4");

    [Fact]
    public void Attribute_GlobOfCsvFiles_ReadsEveryFile()
    {
        using var temp = new TempDirectory();
        var lines = Log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // anna's rows in one file, ben's and cara's in another: the same totals as the single log.
        temp.Write("part-1.csv", string.Join('\n', lines[..5]) + "\n");
        temp.Write("part-2.csv", lines[0] + "\n" + string.Join('\n', lines[5..]) + "\n");

        var run = CliRun.Of("attribute", "--input", temp.File("part-*.csv"), "--model", "linear", "--exclude", "direct", "--lookback", "150m", "--format", "csv", "--engine", "duckdb").ShouldSucceed();

        run.Stdout.Should().Be(Expected);
    }

    [Fact]
    public void Attribute_MissingParquetFile_IsADataError()
        => CliRun.Of("attribute", "--input", "/nonexistent/events.parquet", "--model", "linear").ShouldFail(1, "does not exist");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Attribution.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
