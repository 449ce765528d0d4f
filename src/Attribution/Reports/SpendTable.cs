namespace Attribution.Reports;

/// <summary>Spend in one currency, summed per channel and per campaign, ready to be matched to credit.</summary>
/// <remarks>
/// <para>Every line counts towards its channel. A line with a campaign also counts towards that campaign; a campaign is
/// identified by its name alone (as it is in <see cref="AttributionResult.ByCampaign"/>), so spend on the same campaign
/// name under two channels is summed into one campaign.</para>
/// <para>Totals keep the order in which channels and campaigns first appear in the lines. Costs are summed in line order.</para>
/// </remarks>
public sealed class SpendTable
{
    private readonly Dictionary<string, int> channelIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> campaignIndex = new(StringComparer.Ordinal);

    /// <summary>Creates a spend table.</summary>
    /// <param name="lines">The spend lines.</param>
    /// <param name="currency">The currency of every cost, for example <c>EUR</c>, or <see langword="null"/> when not named.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    public SpendTable(IEnumerable<SpendLine> lines, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Currency = string.IsNullOrWhiteSpace(currency) ? null : currency.Trim();
        var list = lines.ToArray();
        Lines = list;

        var channelCosts = new List<double>();
        var channelNames = new List<string>();
        var campaignCosts = new List<double>();
        var campaignNames = new List<string>();
        var campaignChannels = new List<List<string>>();
        var total = 0.0;
        foreach (var line in list)
        {
            if (line.Channel is null)
            {
                throw new ArgumentException("A spend line is default-initialised; build spend lines with their constructor.", nameof(lines));
            }

            total += line.Cost;
            if (!channelIndex.TryGetValue(line.Channel, out var c))
            {
                c = channelNames.Count;
                channelIndex.Add(line.Channel, c);
                channelNames.Add(line.Channel);
                channelCosts.Add(0);
            }

            channelCosts[c] += line.Cost;
            if (line.Campaign is { } campaign)
            {
                if (!campaignIndex.TryGetValue(campaign, out var k))
                {
                    k = campaignNames.Count;
                    campaignIndex.Add(campaign, k);
                    campaignNames.Add(campaign);
                    campaignCosts.Add(0);
                    campaignChannels.Add([]);
                }

                campaignCosts[k] += line.Cost;
                if (!campaignChannels[k].Contains(line.Channel))
                {
                    campaignChannels[k].Add(line.Channel);
                }
            }
        }

        Total = total;
        ByChannel = channelNames.Select((name, i) => new SpendTotal(name, [name], channelCosts[i])).ToArray();
        ByCampaign = campaignNames.Select((name, i) => new SpendTotal(name, campaignChannels[i].ToArray(), campaignCosts[i])).ToArray();
    }

    /// <summary>Gets an empty table: no spend.</summary>
    public static SpendTable Empty { get; } = new([]);

    /// <summary>Gets the currency of every cost, or <see langword="null"/> when not named.</summary>
    public string? Currency { get; }

    /// <summary>Gets the spend lines, in the order given.</summary>
    public IReadOnlyList<SpendLine> Lines { get; }

    /// <summary>Gets the spend of all lines.</summary>
    public double Total { get; }

    /// <summary>Gets the spend per channel, in order of first appearance.</summary>
    public IReadOnlyList<SpendTotal> ByChannel { get; }

    /// <summary>Gets the spend per campaign (lines with a campaign only), in order of first appearance.</summary>
    public IReadOnlyList<SpendTotal> ByCampaign { get; }

    /// <summary>Gets the spend on a channel.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <returns>The summed cost; 0 when no line names the channel.</returns>
    public double GetChannelSpend(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channelIndex.TryGetValue(channel, out var i) ? ByChannel[i].Cost : 0;
    }

    /// <summary>Gets the spend on a campaign.</summary>
    /// <param name="campaign">The campaign's name.</param>
    /// <returns>The summed cost; 0 when no line names the campaign.</returns>
    public double GetCampaignSpend(string campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaignIndex.TryGetValue(campaign, out var i) ? ByCampaign[i].Cost : 0;
    }

    /// <summary>Gets the spend inside a reporting period: the lines dated on a day whose start (midnight UTC) lies in the
    /// period; lines without a date are kept, as nothing says they fall outside.</summary>
    /// <param name="period">The period, or <see langword="null"/> for all lines.</param>
    /// <returns>This table when <paramref name="period"/> is null, else a table of the lines inside it, in the same currency.</returns>
    public SpendTable Within(Engine.ReportingPeriod? period)
    {
        if (period is not { } p)
        {
            return this;
        }

        return new SpendTable(Lines.Where(l => l.Date is not { } date || p.Contains(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Currency);
    }

    internal SpendTotal? FindCampaign(string campaign)
        => campaignIndex.TryGetValue(campaign, out var i) ? ByCampaign[i] : null;

    internal bool HasChannel(string channel) => channelIndex.ContainsKey(channel);
}
