using Attribution.B2B;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using CsCheck;

namespace Attribution.Tests.B2B;

/// <summary>The oracle of accounts: attributing with a people→account mapping equals attributing the same rows with every
/// journey id replaced, by a plain loop in this test, by the account the person belonged to at the row's instant.</summary>
public sealed class AccountOracleTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Kinds = ["lead", "opportunity", "order"];

    private sealed record Row(string Journey, int Minutes, bool IsConversion, int Channel, int Campaign, int Kind, double Value, string? Id);

    private sealed record Scenario(List<Row> Rows, List<AccountMembership> Memberships, ResetRule Reset, int Seed)
    {
        public override string ToString() => $"seed {Seed}: {Rows.Count} rows, {Memberships.Count} memberships, reset {Reset}";
    }

    // A seed drives a plain generator: the scenario is printed with its seed, so a failure can be replayed.
    private static readonly Gen<Scenario> GenScenario = Gen.Int.Select(seed =>
    {
        var random = new Random(seed);
        var people = Enumerable.Range(0, random.Next(1, 7)).Select(i => $"p{i}").ToArray();
        var accounts = Enumerable.Range(0, random.Next(1, 4)).Select(i => $"A{i}").ToArray();

        // Each person's timeline is cut at random points into pieces, each in one account or in none: periods never overlap.
        var memberships = new List<AccountMembership>();
        foreach (var person in people)
        {
            var cuts = Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(0, 60 * 24 * 60)).Distinct().Order().ToList();
            int? from = null;
            for (var i = 0; i <= cuts.Count; i++)
            {
                int? to = i < cuts.Count ? cuts[i] : null;
                var choice = random.Next(accounts.Length + 1);
                if (choice < accounts.Length)
                {
                    memberships.Add(new AccountMembership(person, accounts[choice], At(from), At(to)));
                }

                from = to;
            }
        }

        // Rows of people and now and then of an account itself (an opportunity row); coarse instants make ties.
        var rows = new List<Row>();
        var count = random.Next(1, 40);
        for (var r = 0; r < count; r++)
        {
            var journey = random.Next(5) == 0 ? accounts[random.Next(accounts.Length)] : people[random.Next(people.Length)];
            var minutes = random.Next(2) == 0 ? random.Next(0, 60) * 1440 : random.Next(0, 60 * 24 * 60);
            var conversion = random.Next(4) == 0;
            rows.Add(new Row(journey, minutes, conversion, random.Next(4), random.Next(-1, 3), random.Next(Kinds.Length),
                random.Next(0, 10_000) / 100.0, conversion && random.Next(3) == 0 ? $"id{random.Next(3)}" : null));
        }

        return new Scenario(rows, memberships, (ResetRule)random.Next(3), seed);
    });

    [Fact]
    public void Accounts_EqualTheSameRowsWithEveryJourneyReplacedByItsAccountThen()
    {
        IAttributionModel[] models =
        [
            AttributionModels.Linear, AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.TimeDecay(),
            AttributionModels.UShaped(), AttributionModels.Create("w-shaped"),
        ];
        GenScenario.Sample(scenario =>
        {
            var options = new AttributionOptions { Reset = scenario.Reset, Stages = Kinds, Lookback = TimeSpan.FromDays(30), ExcludedChannels = ["ch0"] };
            var map = new AccountMap(scenario.Memberships);
            var withAccounts = Build(scenario.Rows, new JourneySetBuilder { Accounts = map }, r => r.Journey);
            var replaced = Build(scenario.Rows, new JourneySetBuilder(), r => AccountAt(scenario.Memberships, r) ?? r.Journey);

            withAccounts.JourneyIds.Should().Equal(replaced.JourneyIds);
            var a = new AttributionEngine(options).Run(withAccounts, models);
            var b = new AttributionEngine(options).Run(replaced, models);
            foreach (var model in models)
            {
                foreach (var kind in b[model.Name].Kinds)
                {
                    var x = a[model.Name].ForKind(kind.Kind);
                    x.ByChannel.Should().Equal(kind.ByChannel);
                    x.ByCampaign.Should().Equal(kind.ByCampaign);
                    x.UnattributedConversions.Should().Be(kind.UnattributedConversions);
                }
            }
        }, iter: 300);
    }

    /// <summary>The reference: the membership whose period holds the instant, by a plain scan.</summary>
    private static string? AccountAt(List<AccountMembership> memberships, Row row)
    {
        var at = Origin.AddMinutes(row.Minutes);
        foreach (var m in memberships)
        {
            if (m.PersonId == row.Journey && (m.From is null || m.From <= at) && (m.To is null || at < m.To))
            {
                return m.AccountId;
            }
        }

        return null;
    }

    private static JourneySet Build(List<Row> rows, JourneySetBuilder builder, Func<Row, string> journeyOf)
    {
        foreach (var row in rows)
        {
            var journey = builder.JourneyIds.GetOrAdd(journeyOf(row));
            var at = Origin.AddMinutes(row.Minutes);
            if (row.IsConversion)
            {
                builder.AddConversion(journey, at, row.Value, builder.Kinds.GetOrAdd(Kinds[row.Kind]), row.Id);
            }
            else
            {
                builder.AddTouchpoint(journey, at, builder.Channels.GetOrAdd($"ch{row.Channel}"), row.Campaign < 0 ? -1 : builder.Campaigns.GetOrAdd($"cp{row.Campaign}"));
            }
        }

        return builder.Build();
    }

    private static DateTimeOffset? At(int? minutes) => minutes is { } m ? Origin.AddMinutes(m) : null;
}
