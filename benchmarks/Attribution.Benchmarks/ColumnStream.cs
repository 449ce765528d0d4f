using System.Runtime.CompilerServices;
using Attribution.Journeys;

namespace Attribution.Benchmarks;

/// <summary>The physical floor of an attribution run: read every touch's instant, channel and campaign and every
/// conversion's instant and value once, in order, and do nothing with them but a checksum.</summary>
internal static class ColumnStream
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Run(JourneySet journeys)
    {
        var ticks = journeys.TouchTicks;
        var channels = journeys.TouchChannels;
        var campaigns = journeys.TouchCampaigns;
        long sum = 0;
        for (var t = 0; t < ticks.Length; t++)
        {
            sum += ticks[t] ^ channels[t] ^ campaigns[t];
        }

        var values = journeys.ConversionValues;
        var at = journeys.ConversionTicks;
        for (var c = 0; c < values.Length; c++)
        {
            sum += at[c] ^ (long)values[c];
        }

        return sum;
    }
}
