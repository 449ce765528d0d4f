using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.B2B;

/// <summary>How each account engaged with each campaign (or channel): touches, distinct people, first and last
/// engagement, and the touches made in each stage of the account.</summary>
/// <remarks>
/// <para>The account's stage at a touch is the kind of its latest conversion of a funnel stage strictly before the touch
/// (<see cref="NoStage"/> before the first). Only account journeys are reported (<see cref="JourneySet.IsAccount"/>); a
/// set built without accounts treats each journey as an account. Rows come in the order of the accounts' journeys, then by
/// first engagement, then by campaign and channel name (ordinal).</para>
/// </remarks>
/// <example>
/// <code>
/// var engagement = AccountEngagement.ByCampaign(journeySet, ["lead", "opportunity", "order"]);
/// foreach (var row in engagement.Rows)
///     Console.WriteLine($"{row.Account} {row.Campaign}: {row.Touches} touches by {row.People} people");
/// </code>
/// </example>
public sealed class AccountEngagement
{
    /// <summary>The stage of touches made before the account's first stage conversion.</summary>
    public const string NoStage = "(none)";

    private AccountEngagement(IReadOnlyList<string> stages, IReadOnlyList<AccountEngagementRow> rows, int peopleWithoutAccount)
    {
        Stages = stages;
        Rows = rows;
        PeopleWithoutAccount = peopleWithoutAccount;
    }

    /// <summary>Gets the stages the touches are counted by: <see cref="NoStage"/>, then the funnel's stages in order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<AccountEngagementRow> Rows { get; }

    /// <summary>Gets the people of the set who kept their own journey for want of an account (<see cref="JourneySet.PeopleWithoutAccount"/>).</summary>
    public int PeopleWithoutAccount { get; }

    /// <summary>Reports engagement per account, campaign and channel.</summary>
    /// <param name="journeys">The journeys, built with accounts.</param>
    /// <param name="stages">The funnel's stages (conversion kinds) in order; may be empty.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A stage is blank or named twice.</exception>
    public static AccountEngagement ByCampaign(JourneySet journeys, IReadOnlyList<string> stages) => Build(journeys, stages, byCampaign: true);

    /// <summary>Reports engagement per account and channel.</summary>
    /// <param name="journeys">The journeys, built with accounts.</param>
    /// <param name="stages">The funnel's stages (conversion kinds) in order; may be empty.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A stage is blank or named twice.</exception>
    public static AccountEngagement ByChannel(JourneySet journeys, IReadOnlyList<string> stages) => Build(journeys, stages, byCampaign: false);

    private static AccountEngagement Build(JourneySet journeys, IReadOnlyList<string> stages, bool byCampaign)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(stages);

        // The funnel's own rule (non-blank, distinct names) is the options' one.
        new Engine.AttributionOptions { Stages = stages }.Validate();
        var stageOfKind = new int[journeys.KindTable.Count];
        for (var s = 0; s < stages.Count; s++)
        {
            if (journeys.KindTable.TryGetId(stages[s].AsSpan(), out var kind))
            {
                stageOfKind[kind] = s + 1;
            }
        }

        var people = journeys.TouchPersonIds();
        var rows = new List<AccountEngagementRow>();
        var groups = new Dictionary<(int Campaign, int Channel), Group>();
        for (var j = 0; j < journeys.Count; j++)
        {
            if (!journeys.IsAccount(j))
            {
                continue;
            }

            groups.Clear();
            var c = journeys.ConversionOffsets[j];
            var stage = 0;
            for (var t = journeys.TouchOffsets[j]; t < journeys.TouchOffsets[j + 1]; t++)
            {
                var at = journeys.TouchTicks[t];
                while (c < journeys.ConversionOffsets[j + 1] && journeys.ConversionTicks[c] < at)
                {
                    var s = stageOfKind[journeys.ConversionKinds[c]];
                    stage = s > 0 ? s : stage;
                    c++;
                }

                var key = (byCampaign ? journeys.TouchCampaigns[t] : JourneySet.NoCampaign, journeys.TouchChannels[t]);
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new Group(at, stages.Count + 1);
                }

                group.Touches++;
                group.People.Add(people[t]);
                group.Last = at;
                group.ByStage[stage]++;
            }

            foreach (var ((campaign, channel), group) in groups
                .OrderBy(static g => g.Value.First)
                .ThenBy(g => g.Key.Campaign < 0 ? "" : journeys.CampaignTable[g.Key.Campaign], StringComparer.Ordinal)
                .ThenBy(g => journeys.ChannelTable[g.Key.Channel], StringComparer.Ordinal))
            {
                rows.Add(new AccountEngagementRow(
                    journeys.JourneyIdTable[j],
                    byCampaign ? campaign < 0 ? AttributionResult.NoCampaignKey : journeys.CampaignTable[campaign] : null,
                    journeys.ChannelTable[channel],
                    group.Touches,
                    group.People.Count,
                    new DateTimeOffset(group.First, TimeSpan.Zero),
                    new DateTimeOffset(group.Last, TimeSpan.Zero),
                    group.ByStage));
            }
        }

        return new AccountEngagement([NoStage, .. stages], rows, journeys.PeopleWithoutAccount);
    }

    private sealed class Group(long first, int stages)
    {
        public long First { get; } = first;

        public long Last { get; set; } = first;

        public int Touches { get; set; }

        public HashSet<int> People { get; } = [];

        public int[] ByStage { get; } = new int[stages];
    }
}
