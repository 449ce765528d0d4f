using Attribution.Engine;
using Attribution.Models;
using DuckDB.NET.Data;

namespace Attribution.Sql.Tests;

public sealed class AttributionSqlTests
{
    private const string Log = """
        CREATE TABLE events AS SELECT * FROM (VALUES
          ('anna', TIMESTAMPTZ '2026-03-01 09:00:00+00', 'email',  NULL,     NULL,    NULL,  1),
          ('anna', TIMESTAMPTZ '2026-03-01 10:00:00+00', 'direct', NULL,     NULL,    NULL,  2),
          ('anna', TIMESTAMPTZ '2026-03-01 11:00:00+00', 'search', 'spring', NULL,    NULL,  3),
          ('anna', TIMESTAMPTZ '2026-03-01 12:00:00+00', NULL,     NULL,     'order', 100.0, 4),
          ('ben',  TIMESTAMPTZ '2026-03-01 09:00:00+00', 'direct', NULL,     NULL,    NULL,  5),
          ('ben',  TIMESTAMPTZ '2026-03-01 10:00:00+00', NULL,     NULL,     'order', 50.0,  6),
          ('cara', TIMESTAMPTZ '2026-03-01 08:00:00+00', NULL,     NULL,     'order', NULL,  7)
        ) AS t(journey_id, "timestamp", channel, campaign, conversion, value, seq)
        """;

    [Fact]
    public void RunCredits_LinearWithDirectExcluded_MatchesHandWorkedTotals()
    {
        using var connection = Open();
        var options = new AttributionOptions { Lookback = TimeSpan.FromMinutes(150), ExcludedChannels = ["direct"] };

        var totals = AttributionSql.RunCredits(connection, SqlDialect.DuckDb, new SqlEventSource("events") { OrderColumn = "seq" }, new ModelDefinition("linear", "linear"), options);

        // anna's order at 12:00 sees 09:30 onwards: direct (excluded) and search → search 1, 100.
        // ben's order sees only direct: all excluded, so direct keeps the credit → direct 1, 50.
        // cara's order has no touch: unattributed, and its empty value counts 1.
        totals.Should().BeEquivalentTo(new[]
        {
            new SqlCreditTotal(SqlCreditDimension.Campaign, "order", "(none)", 1, 50),
            new SqlCreditTotal(SqlCreditDimension.Campaign, "order", "spring", 1, 100),
            new SqlCreditTotal(SqlCreditDimension.Channel, "order", "direct", 1, 50),
            new SqlCreditTotal(SqlCreditDimension.Channel, "order", "search", 1, 100),
            new SqlCreditTotal(SqlCreditDimension.Total, "order", "(total)", 3, 151),
            new SqlCreditTotal(SqlCreditDimension.Unattributed, "order", "(unattributed)", 1, 1),
        });
    }

    [Fact]
    public void RunCredits_TimeDecayOneHalfLifeApart_SplitsOneThirdTwoThirds()
    {
        using var connection = Open();
        var model = new ModelDefinition("decay", "time-decay", new ModelSettings { TimeDecay = new() { HalfLife = TimeSpan.FromHours(2) } });
        var options = new AttributionOptions { Lookback = TimeSpan.FromHours(3) };

        var totals = AttributionSql.RunCredits(connection, SqlDialect.DuckDb, new SqlEventSource("events") { OrderColumn = "seq" }, model, options)
            .Where(t => t.Dimension == SqlCreditDimension.Channel).ToList();

        // anna: direct at 10:00 and search at 11:00 are eligible (09:00 is 3 h before, Δt ≤ 3 h: email too).
        // Weights 2^(−3/2), 2^(−2/2), 2^(−1/2) = 0.35355, 0.5, 0.70711; sum 1.56066 → email 0.22654, direct 0.32038, search 0.45308.
        // ben: direct alone → 1.
        totals.Should().HaveCount(3);
        totals.Single(t => t.Key == "email").Conversions.Should().BeApproximately(0.35355339 / 1.56066017, 1e-8);
        totals.Single(t => t.Key == "direct").Conversions.Should().BeApproximately(1 + (0.5 / 1.56066017), 1e-8);
        totals.Single(t => t.Key == "search").Value.Should().BeApproximately(100 * 0.70710678 / 1.56066017, 1e-6);
    }

    [Fact]
    public void CreditQuery_DataDrivenModel_IsRejected()
    {
        var act = () => AttributionSql.CreditQuery(SqlDialect.PostgreSql, new SqlEventSource("events"), new ModelDefinition("markov", "markov"));

        act.Should().Throw<ArgumentException>().WithMessage("*'markov' learns from data*PathQuery*");
    }

    [Fact]
    public void CreditQuery_MilestoneModelWithoutStages_IsRejected()
    {
        var act = () => AttributionSql.CreditQuery(SqlDialect.DuckDb, new SqlEventSource("events"), new ModelDefinition("w-shaped", "w-shaped"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*needs the funnel's stages*");
    }

    [Fact]
    public void CreditQuery_MilestoneWeightOfAStageTheRunLacks_IsRejected()
    {
        var model = new ModelDefinition("m", "milestones", new ModelSettings { Milestones = new() { Stages = new Dictionary<string, double> { ["demo"] = 0.5 } } });

        var act = () => AttributionSql.CreditQuery(SqlDialect.DuckDb, new SqlEventSource("events"), model, new AttributionOptions { Stages = ["lead", "order"] });

        act.Should().Throw<InvalidOperationException>().WithMessage("*'demo', which is no stage*");
    }

    [Fact]
    public void CreditQuery_InvalidOptions_AreRejectedAsTheEngineRejectsThem()
    {
        var act = () => AttributionSql.CreditQuery(SqlDialect.DuckDb, new SqlEventSource("events"), new ModelDefinition("linear", "linear"), new AttributionOptions { Lookback = TimeSpan.Zero });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Lookback");
    }

    [Fact]
    public void CreditQuery_UShapedRatiosNotAddingUpToOne_AreRejected()
    {
        var model = new ModelDefinition("u", "u-shaped", new ModelSettings { UShaped = new() { First = 0.5, Middle = 0.5, Last = 0.5 } });

        var act = () => AttributionSql.CreditQuery(SqlDialect.DuckDb, new SqlEventSource("events"), model);

        act.Should().Throw<ArgumentException>().WithMessage("*must add up to 1*");
    }

    [Fact]
    public void CreditQuery_ChannelNameWithQuote_IsWrittenAsAStringLiteral()
    {
        var sql = AttributionSql.CreditQuery(SqlDialect.PostgreSql, new SqlEventSource("events"), new ModelDefinition("linear", "linear"), new AttributionOptions { ExcludedChannels = ["o'brien"] });

        sql.Should().Contain("ch IN ('o''brien')").And.Contain("extract(epoch FROM src.\"timestamp\")");
    }

    [Fact]
    public void RunPaths_HandLog_GivesEachConversionItsPathAndFeedsMarkov()
    {
        using var connection = Open();

        var paths = AttributionSql.RunPaths(connection, SqlDialect.DuckDb, new SqlEventSource("events") { OrderColumn = "seq" });

        // Default options (90-day lookback): anna's order is email > direct > search (100), ben's is direct (50), cara's
        // order has no touch (unattributed, value 1); nobody has touches after their last conversion, so no null paths.
        paths.Count.Should().Be(2);
        var byPath = Enumerable.Range(0, paths.Count).ToDictionary(
            p => string.Join(" > ", paths.GetPath(p).ToArray().Select(id => paths.Channels[id])),
            p => (paths.GetConversions(p), paths.GetValue(p), paths.GetNulls(p)));
        byPath.Should().BeEquivalentTo(new Dictionary<string, (double, double, double)>
        {
            ["email > direct > search"] = (1, 100, 0),
            ["direct"] = (1, 50, 0),
        });
        (paths.UnattributedConversions, paths.UnattributedValue).Should().Be((1.0, 1.0));
        Attribution.DataDriven.MarkovChain.Fit(paths).TotalConversions.Should().Be(2);
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        RandomEventLog.Execute(connection, Log);
        return connection;
    }
}
