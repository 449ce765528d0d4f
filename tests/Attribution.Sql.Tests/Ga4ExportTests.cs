using Attribution.Engine;
using Attribution.Models;

namespace Attribution.Sql.Tests;

public sealed class Ga4ExportTests
{
    [Fact]
    public void DuckDbGa4_SampleMadeByTheScript_CreditsSessionsByDefaultChannelGroup()
    {
        using var temp = new TempFolder();
        using var connection = SqlConnections.OpenDuckDb();
        var parquet = MakeSample(connection, temp.Path);

        var totals = Channels(AttributionSql.RunCredits(connection, SqlDialect.DuckDb, SqlConnections.DuckDbGa4(parquet, ["purchase"]), new ModelDefinition("linear", "linear")));

        // u1: google/cpc (Paid Search) then newsletter/email (Email), purchase 120 → 0.5 and 60 each.
        // u2: (direct)/(none) (Direct) then facebook/social (Organic Social), purchase 60 → 0.5 and 30 each.
        // u5: no collected source (Direct), purchase 30 → Direct 1, 30. u3's lead is no conversion; u4 never converts.
        totals.Should().BeEquivalentTo(new Dictionary<string, (double, double)>
        {
            ["Paid Search"] = (0.5, 60),
            ["Email"] = (0.5, 60),
            ["Direct"] = (1.5, 60),
            ["Organic Social"] = (0.5, 30),
        });
    }

    [Fact]
    public void DuckDbGa4_LeadAsConversionEvent_IsItsOwnKindOnOrganicSearch()
    {
        using var temp = new TempFolder();
        using var connection = SqlConnections.OpenDuckDb();
        var parquet = MakeSample(connection, temp.Path);

        var totals = AttributionSql.RunCredits(connection, SqlDialect.DuckDb, SqlConnections.DuckDbGa4(parquet, ["purchase", "generate_lead"]), new ModelDefinition("last", "last-touch"));

        // u3's generate_lead follows its bing/organic session: Organic Search 1; no revenue counts 1. The referral
        // session of u4 is a touch but earns nothing.
        totals.Where(t => t.Kind == "generate_lead" && t.Dimension == SqlCreditDimension.Channel).Should().Equal(new SqlCreditTotal(SqlCreditDimension.Channel, "generate_lead", "Organic Search", 1, 1));
        // Last touch of the purchases: Email 120, Organic Social 60, Direct 30 (the first touches are listed with 0).
        totals.Where(t => t.Kind == "purchase" && t.Dimension == SqlCreditDimension.Channel && t.Value > 0).Select(t => (t.Key, t.Value))
            .Should().BeEquivalentTo(new[] { ("Direct", 30.0), ("Email", 120.0), ("Organic Social", 60.0) });
    }

    [Fact]
    public void DuckDbGa4_CommittedSample_IsWhatTheScriptMakes()
    {
        using var temp = new TempFolder();
        using var connection = SqlConnections.OpenDuckDb();
        var made = MakeSample(connection, temp.Path);
        var committed = Path.Combine(RepositoryRoot(), "samples", "ga4", "ga4-sample.parquet");

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM ((SELECT * FROM read_parquet('{made}') EXCEPT ALL SELECT * FROM read_parquet('{committed}')) UNION ALL (SELECT * FROM read_parquet('{committed}') EXCEPT ALL SELECT * FROM read_parquet('{made}')))";

        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(0);
    }

    [Fact]
    public void DuckDbGa4_NoConversionEvent_IsRejected()
    {
        var act = () => SqlConnections.DuckDbGa4("x.parquet", []);

        act.Should().Throw<ArgumentException>().WithParameterName("conversionEvents");
    }

    /// <summary>Runs samples/ga4/ga4-sample.sql with its output in <paramref name="folder"/>.</summary>
    internal static string MakeSample(System.Data.Common.DbConnection connection, string folder)
    {
        var output = Path.Combine(folder, "ga4-sample.parquet");
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "ga4", "ga4-sample.sql"))
            .Replace("'samples/ga4/ga4-sample.parquet'", $"'{output}'", StringComparison.Ordinal);
        RandomEventLog.Execute(connection, script);
        return output;
    }

    private static Dictionary<string, (double Conversions, double Value)> Channels(IEnumerable<SqlCreditTotal> totals)
        => totals.Where(t => t.Dimension == SqlCreditDimension.Channel).ToDictionary(t => t.Key, t => (t.Conversions, t.Value));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Attribution.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run inside the repository: no Attribution.sln above " + AppContext.BaseDirectory);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("attribution-ga4-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
