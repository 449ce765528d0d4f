using System.Collections.ObjectModel;

namespace Attribution.Reports;

/// <summary>The intervals of one model for the conversions of one kind.</summary>
public sealed class KindIntervals
{
    internal KindIntervals(string kind, CreditInterval[] byChannel, CreditInterval[] byCampaign)
    {
        Kind = kind;
        ByChannel = new ReadOnlyCollection<CreditInterval>(byChannel);
        ByCampaign = new ReadOnlyCollection<CreditInterval>(byCampaign);
    }

    /// <summary>Gets the conversion kind.</summary>
    public string Kind { get; }

    /// <summary>Gets every channel's interval, in the order of <see cref="Journeys.JourneySet.Channels"/> (or the path set's channels).</summary>
    public IReadOnlyList<CreditInterval> ByChannel { get; }

    /// <summary>Gets every campaign's interval, in the order of <see cref="KindResult.ByCampaign"/>; empty unless
    /// <see cref="IntervalOptions.IncludeCampaigns"/> was set and the model is rule-based.</summary>
    public IReadOnlyList<CreditInterval> ByCampaign { get; }

    /// <summary>Gets the interval of one channel.</summary>
    /// <param name="channel">The channel's name.</param>
    /// <returns>Its interval.</returns>
    /// <exception cref="KeyNotFoundException">The data has no such channel.</exception>
    public CreditInterval ForChannel(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        foreach (var row in ByChannel)
        {
            if (row.Key == channel)
            {
                return row;
            }
        }

        throw new KeyNotFoundException($"The data has no channel '{channel}'.");
    }
}
