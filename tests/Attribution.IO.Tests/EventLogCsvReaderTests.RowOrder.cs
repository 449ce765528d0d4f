using System.Globalization;
using System.Text;
using Attribution.Engine;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;

namespace Attribution.IO.Tests;

public sealed partial class EventLogCsvReaderTests
{
    private static readonly string[] ChannelNames = ["email", "search", "social", "display"];

    /// <summary>One generated row: a conversion when <paramref name="Kind"/> is 0 (a quarter of rows), else a touchpoint.</summary>
    private readonly record struct GeneratedRow(int Kind, int Channel, int Value);

    [Fact]
    public void Read_RowsShuffledAcrossJourneys_GiveTheSameLinearAttribution()
    {
        var row = Gen.Select(Gen.Int[0, 3], Gen.Int[0, ChannelNames.Length - 1], Gen.Int[0, 100], (k, c, v) => new GeneratedRow(k, c, v));
        var journeys = row.Array[1, 6].Array[1, 8];
        var cases =
            from js in journeys
            from order in Gen.Shuffle(Slots(js))
            select (Journeys: js, Order: order);

        cases.Sample(
            c =>
            {
                var grouped = Attribute(ToCsv(c.Journeys, Slots(c.Journeys)));
                var shuffled = Attribute(ToCsv(c.Journeys, c.Order));

                shuffled.Should().HaveSameCount(grouped);
                for (var i = 0; i < grouped.Length; i++)
                {
                    shuffled[i].Key.Should().Be(grouped[i].Key);
                    shuffled[i].Conversions.Should().BeApproximately(grouped[i].Conversions, 1e-9);
                    shuffled[i].Value.Should().BeApproximately(grouped[i].Value, 1e-9);
                }
            },
            iter: 200);
    }

    [Fact]
    public void Read_RowsShuffledAcrossJourneys_WorkedExample()
    {
        // Journey a: email, search, then order 90 → linear gives 45 each. Journey b: search, then order 10 → search 10.
        // So email 45 and search 55, whatever the interleaving.
        const string grouped = """
            journey_id,timestamp,channel,conversion,value
            a,2026-03-01T09:00:00Z,email,,
            a,2026-03-02T09:00:00Z,search,,
            a,2026-03-03T09:00:00Z,,order,90
            b,2026-03-01T09:00:00Z,search,,
            b,2026-03-02T09:00:00Z,,order,10
            """;
        const string interleaved = """
            journey_id,timestamp,channel,conversion,value
            b,2026-03-01T09:00:00Z,search,,
            a,2026-03-01T09:00:00Z,email,,
            b,2026-03-02T09:00:00Z,,order,10
            a,2026-03-02T09:00:00Z,search,,
            a,2026-03-03T09:00:00Z,,order,90
            """;

        var expected = new[] { new CreditTotal("email", 1 / 2.0, 45), new CreditTotal("search", 1 / 2.0 + 1, 55) };

        Attribute(grouped).Should().Equal(expected);
        Attribute(interleaved).Should().Equal(expected);
    }

    /// <summary>One slot per row, holding its journey's index, in journey order; a shuffle of it is an interleaving.</summary>
    private static int[] Slots(GeneratedRow[][] journeys)
    {
        var slots = new List<int>();
        for (var j = 0; j < journeys.Length; j++)
        {
            slots.AddRange(Enumerable.Repeat(j, journeys[j].Length));
        }

        return [.. slots];
    }

    /// <summary>Writes the rows in the order the slots give, each journey's rows in their own order.</summary>
    private static string ToCsv(GeneratedRow[][] journeys, int[] slots)
    {
        var next = new int[journeys.Length];
        var csv = new StringBuilder("journey_id,timestamp,channel,conversion,value\n");
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var j in slots)
        {
            var i = next[j]++;
            var r = journeys[j][i];
            var timestamp = start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"j{j},{timestamp},");
            csv.Append(r.Kind == 0
                ? string.Create(CultureInfo.InvariantCulture, $",order,{r.Value}\n")
                : $"{ChannelNames[r.Channel]},,\n");
        }

        return csv.ToString();
    }

    private static CreditTotal[] Attribute(string csv)
    {
        var result = new AttributionEngine().Run(ReadText(csv), AttributionModels.Linear);
        return [.. result.ByChannel.OrderBy(t => t.Key, StringComparer.Ordinal)];
    }
}
