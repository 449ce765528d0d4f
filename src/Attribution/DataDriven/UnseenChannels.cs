namespace Attribution.DataDriven;

/// <summary>The one rule for "channels a fitted model never saw", shared by Markov and Shapley.</summary>
internal static class UnseenChannels
{
    public static IReadOnlyList<string> List<TValue>(IEnumerable<string> channels, IReadOnlyDictionary<string, TValue> known)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var unseen = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (channel is not null && !known.ContainsKey(channel) && listed.Add(channel))
            {
                unseen.Add(channel);
            }
        }

        return unseen;
    }
}
