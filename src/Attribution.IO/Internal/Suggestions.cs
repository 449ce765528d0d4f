namespace Attribution.IO.Internal;

/// <summary>"Did you mean" for names users type (channels, kinds, models, options, config properties; the CLI and the config reader share it): the closest known name by edit
/// distance, when it is close enough to be a typo rather than another name.</summary>
internal static class Suggestions
{
    /// <summary>Gets the known name closest to <paramref name="typed"/>, or null when none is plausibly meant.</summary>
    /// <param name="typed">What the user typed.</param>
    /// <param name="known">The names that exist.</param>
    /// <returns>A name that differs only in case, else the nearest name within a third of the typed length (at least 1,
    /// at most 3 edits); the first such name on ties.</returns>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Clamp(typed.Length / 3, 1, 3);
        foreach (var name in known)
        {
            if (string.Equals(name, typed, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }

            var distance = Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Gets " (did you mean 'x'?)" for a typed name, or an empty string when nothing is close.</summary>
    public static string Hint(string typed, IEnumerable<string> known)
        => Closest(typed, known) is { } name ? $" (did you mean '{name}'?)" : string.Empty;

    private static int Distance(string a, string b)
    {
        // Optimal string alignment: insertions, deletions, substitutions and swaps of neighbours cost 1.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
