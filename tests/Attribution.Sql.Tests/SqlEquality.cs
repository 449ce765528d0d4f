using System.Data.Common;
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Sql.Tests;

/// <summary>The equality property: the SQL totals of every model equal the in-process engine's on the same log.</summary>
internal static class SqlEquality
{
    // Relative 1e-9; the absolute floor only covers shares that underflow to 0 in PostgreSQL's exp (below 1e-300).
    private const double Relative = 1e-9;
    private const double Floor = 1e-300;

    public static void Check(DbConnection connection, SqlDialect dialect, RandomEventLog log)
    {
        log.Load(connection, "events");
        var journeys = log.ToJourneySet();
        var source = new SqlEventSource("events") { OrderColumn = "seq" };
        foreach (var definition in log.Models())
        {
            var expected = Expected(new AttributionEngine(log.Options).Run(journeys, definition.Create()));
            var actual = new Dictionary<(SqlCreditDimension, string, string), (double Conversions, double Value)>();
            foreach (var total in AttributionSql.RunCredits(connection, dialect, source, definition, log.Options))
            {
                actual.Add((total.Dimension, total.Kind, total.Key), (total.Conversions, total.Value));
            }

            foreach (var key in expected.Keys.Union(actual.Keys))
            {
                var e = expected.GetValueOrDefault(key);
                var a = actual.GetValueOrDefault(key);
                Close(a.Conversions, e.Conversions).Should().BeTrue($"{definition.Name} {key} conversions: SQL {a.Conversions:R}, engine {e.Conversions:R} ({log})");
                Close(a.Value, e.Value).Should().BeTrue($"{definition.Name} {key} value: SQL {a.Value:R}, engine {e.Value:R} ({log})");
            }
        }
    }

    /// <summary>The path property: the SQL path counts equal <see cref="PathSet.FromJourneys"/>'s on the same log.</summary>
    public static void CheckPaths(DbConnection connection, SqlDialect dialect, RandomEventLog log)
    {
        log.Load(connection, "events");
        var journeys = log.ToJourneySet();
        var source = new SqlEventSource("events") { OrderColumn = "seq" };
        string?[] kinds = [null, "order", "absent"];
        var kind = kinds[log.Seed % kinds.Length];
        var expected = PathSet.FromJourneys(journeys, log.Options, kind);
        var actual = AttributionSql.RunPaths(connection, dialect, source, log.Options, kind);

        Paths(actual).Should().BeEquivalentTo(Paths(expected), $"kind {kind ?? "(all)"}, {log}");
        actual.UnattributedConversions.Should().Be(expected.UnattributedConversions);
        Close(actual.UnattributedValue, expected.UnattributedValue).Should().BeTrue($"unattributed value {actual.UnattributedValue:R} vs {expected.UnattributedValue:R}");
        Close(actual.TotalValue, expected.TotalValue).Should().BeTrue($"total value {actual.TotalValue:R} vs {expected.TotalValue:R}");
    }

    // Values rounded to 9 significant digits, so that sums in another order compare equal.
    private static Dictionary<string, (double Conversions, double Value, double Nulls)> Paths(PathSet paths)
    {
        var byPath = new Dictionary<string, (double, double, double)>();
        for (var p = 0; p < paths.Count; p++)
        {
            var names = new List<string>();
            foreach (var id in paths.GetPath(p))
            {
                names.Add(paths.Channels[id]);
            }

            var value = paths.GetValue(p);
            byPath.Add(string.Join(" > ", names), (paths.GetConversions(p), value == 0 ? 0 : double.Parse(value.ToString("G9", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), paths.GetNulls(p)));
        }

        return byPath;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= (Relative * Math.Max(Math.Abs(a), Math.Abs(b))) + Floor;

    private static Dictionary<(SqlCreditDimension, string, string), (double Conversions, double Value)> Expected(AttributionResult result)
    {
        var expected = new Dictionary<(SqlCreditDimension, string, string), (double Conversions, double Value)>();
        foreach (var kind in result.Kinds)
        {
            foreach (var total in kind.ByChannel)
            {
                expected[(SqlCreditDimension.Channel, kind.Kind, total.Key)] = (total.Conversions, total.Value);
            }

            foreach (var total in kind.ByCampaign)
            {
                expected[(SqlCreditDimension.Campaign, kind.Kind, total.Key)] = (total.Conversions, total.Value);
            }

            if (kind.UnattributedConversions > 0)
            {
                expected[(SqlCreditDimension.Unattributed, kind.Kind, AttributionResult.UnattributedKey)] = (kind.UnattributedConversions, kind.UnattributedValue);
            }

            if (kind.ConversionCount > 0)
            {
                expected[(SqlCreditDimension.Total, kind.Kind, "(total)")] = (kind.ConversionCount, kind.TotalValue);
            }
        }

        return expected;
    }
}
