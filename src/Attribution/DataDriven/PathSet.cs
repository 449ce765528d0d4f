using Attribution.Engine;
using Attribution.Journeys;

namespace Attribution.DataDriven;

/// <summary>Distinct channel paths with how often each converted, what the conversions were worth, and how often it did not convert: what data-driven models learn from.</summary>
/// <remarks>
/// <para>This is the shape of ChannelAttribution's aggregated path data (<c>path,total_conversions,total_conversion_value,total_null</c>).
/// Identical paths are merged. Counts may be fractional (weighted data) but are finite and not negative.</para>
/// <para>From an event log (<see cref="FromJourneys"/>): each reported conversion gives one converting path made of its
/// eligible touches in order, read from the engine's own eligibility windows (lookback per kind, reset rule, excluded
/// channels with fallback, period); the touches after a journey's last conversion (of the kind learnt; all its touches
/// when it has none) give one non-converting path. A conversion with no eligible touch gives no path and is counted in <see cref="UnattributedConversions"/>.</para>
/// </remarks>
public sealed class PathSet
{
    internal PathSet(SymbolTable channels, int[] offsets, int[] steps, double[] conversions, double[] values, double[] nulls, double unattributedConversions, double unattributedValue)
    {
        ChannelTable = channels;
        Offsets = offsets;
        Steps = steps;
        ConversionCounts = conversions;
        ConversionValues = values;
        NullCounts = nulls;
        UnattributedConversions = unattributedConversions;
        UnattributedValue = unattributedValue;
        foreach (var c in conversions)
        {
            TotalConversions += c;
        }

        foreach (var v in values)
        {
            TotalValue += v;
        }

        foreach (var n in nulls)
        {
            TotalNulls += n;
        }
    }

    /// <summary>Gets the channel names, indexed by the channel ids that paths hold.</summary>
    public IReadOnlyList<string> Channels => ChannelTable;

    /// <summary>Gets the number of distinct paths.</summary>
    public int Count => ConversionCounts.Length;

    /// <summary>Gets the conversions of all paths.</summary>
    public double TotalConversions { get; }

    /// <summary>Gets the conversion value of all paths.</summary>
    public double TotalValue { get; }

    /// <summary>Gets the non-conversions of all paths.</summary>
    public double TotalNulls { get; }

    /// <summary>Gets the conversions that had no eligible touch and so gave no path (from <see cref="FromJourneys"/>; 0 otherwise).</summary>
    public double UnattributedConversions { get; }

    /// <summary>Gets the value of <see cref="UnattributedConversions"/>.</summary>
    public double UnattributedValue { get; }

    internal SymbolTable ChannelTable { get; }

    /// <summary>Path p is Steps[Offsets[p] .. Offsets[p + 1]).</summary>
    internal int[] Offsets { get; }

    internal int[] Steps { get; }

    internal double[] ConversionCounts { get; }

    internal double[] ConversionValues { get; }

    internal double[] NullCounts { get; }

    /// <summary>Gets the channel ids of one path, in order.</summary>
    /// <param name="index">The path's index, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The path's channel ids; at least one.</returns>
    public ReadOnlySpan<int> GetPath(int index)
    {
        CheckIndex(index);
        return Steps.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);
    }

    /// <summary>Gets how often a path converted.</summary>
    /// <param name="index">The path's index.</param>
    /// <returns>The conversions.</returns>
    public double GetConversions(int index)
    {
        CheckIndex(index);
        return ConversionCounts[index];
    }

    /// <summary>Gets the total value of a path's conversions.</summary>
    /// <param name="index">The path's index.</param>
    /// <returns>The value.</returns>
    public double GetValue(int index)
    {
        CheckIndex(index);
        return ConversionValues[index];
    }

    /// <summary>Gets how often a path ended without converting.</summary>
    /// <param name="index">The path's index.</param>
    /// <returns>The non-conversions.</returns>
    public double GetNulls(int index)
    {
        CheckIndex(index);
        return NullCounts[index];
    }

    /// <summary>Extracts the converting and non-converting paths of journeys under the engine's eligibility rules.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="options">The eligibility rules (lookback and lookback per kind, reset, excluded channels, period);
    /// defaults when null. Run settings are ignored.</param>
    /// <param name="kind">The conversion kind to learn: its reported conversions give the converting paths, and each
    /// journey adds the touches after its last conversion of this kind (all of them when it has none) as one
    /// non-converting path. Null: every kind's conversions, and the touches after each journey's last conversion of any
    /// kind; meant for data with one kind, since a data-driven model of leads and orders together mixes two questions.</param>
    /// <returns>The aggregated paths.</returns>
    public static PathSet FromJourneys(JourneySet journeys, AttributionOptions? options = null, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        options ??= new AttributionOptions();
        options.Validate();
        var windows = EligibilityWindows.For(journeys, options);
        // A kind absent from the data has no conversions: every journey is one non-converting path.
        var kindId = kind is null ? -1 : journeys.KindTable.TryGetId(kind, out var id) ? id : int.MaxValue;
        return FromWindows(windows, kindId, null, null);
    }

    /// <summary>The paths of one kind id (−1 every kind, <see cref="int.MaxValue"/> a kind absent from the data); when
    /// given, <paramref name="conversionPaths"/> receives the row of every conversion's path (−1 for none) and
    /// <paramref name="tailPaths"/> the row of every journey's non-converting path (−1 for none).</summary>
    internal static PathSet FromWindows(EligibilityWindows windows, int kindId, int[]? conversionPaths, int[]? tailPaths)
    {
        var journeys = windows.Journeys;
        conversionPaths?.AsSpan().Fill(-1);
        tailPaths?.AsSpan().Fill(-1);
        var builder = new PathSetBuilder();
        var ids = new int[journeys.ChannelTable.Count];
        for (var c = 0; c < ids.Length; c++)
        {
            ids[c] = builder.Channels.GetOrAdd(journeys.ChannelTable[c]);
        }

        var kept = new int[Math.Max(1, journeys.MaxTouchpointsPerJourney)];
        var path = new int[kept.Length];
        var unattributed = 0.0;
        var unattributedValue = 0.0;
        for (var j = 0; j < journeys.Count; j++)
        {
            for (var c = journeys.ConversionOffsets[j]; c < journeys.ConversionOffsets[j + 1]; c++)
            {
                if ((kindId >= 0 && journeys.ConversionKinds[c] != kindId) || !windows.IsReported(c))
                {
                    continue;
                }

                var value = journeys.ConversionValues[c];
                var length = Collect(windows, windows.Collect(c, kept), ids, kept, path);
                if (length == 0)
                {
                    unattributed++;
                    unattributedValue += value;
                }
                else
                {
                    var row = builder.AddPath(path.AsSpan(0, length), 1, value, 0);
                    if (conversionPaths is not null)
                    {
                        conversionPaths[c] = row;
                    }
                }
            }

            var tail = kindId == int.MaxValue ? journeys.TouchOffsets[j] : windows.TailStart(j, kindId);
            var trailing = Collect(windows, windows.Collect(tail, journeys.TouchOffsets[j + 1], kept), ids, kept, path);
            if (trailing > 0)
            {
                var row = builder.AddPath(path.AsSpan(0, trailing), 0, 0, 1);
                if (tailPaths is not null)
                {
                    tailPaths[j] = row;
                }
            }
        }

        return builder.Build(unattributed, unattributedValue);
    }

    private static int Collect(EligibilityWindows windows, int count, int[] ids, int[] kept, int[] path)
    {
        var channels = windows.Journeys.TouchChannels;
        for (var i = 0; i < count; i++)
        {
            path[i] = ids[channels[kept[i]]];
        }

        return count;
    }

    private void CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
    }
}
