using Attribution.Journeys;

namespace Attribution.Tests;

/// <summary>Seeded, reproducible journeys of every shape the engine meets: several conversions, ties, no touches, campaigns or none.</summary>
internal static class DeterministicJourneys
{
    public static readonly string[] Channels = ["direct", "email", "search", "display", "social", "affiliate"];

    private static readonly string?[] CampaignNames = [null, null, "spring", "brand", "retargeting"];

    public static Journey[] Generate(int count, int seed)
    {
        // System.Random with a seed is reproducible across runs and machines (it keeps its legacy algorithm).
        var random = new Random(seed);
        var journeys = new Journey[count];
        for (var j = 0; j < count; j++)
        {
            var touches = new Touchpoint[random.Next(j == 0 ? 1 : 0, 7)];
            for (var t = 0; t < touches.Length; t++)
            {
                // Minutes within 60 days; a coarse grid now and then so that equal instants occur.
                var minutes = random.Next(4) == 0 ? random.Next(60) * 1440 : random.Next(60 * 1440);
                var channel = j == 0 && t == 0 ? "direct" : Channels[random.Next(Channels.Length)];
                touches[t] = new Touchpoint(Fixtures.T0.AddMinutes(-minutes), channel, CampaignNames[random.Next(CampaignNames.Length)]);
            }

            var conversions = new Conversion[random.Next(touches.Length == 0 ? 1 : 0, 3)];
            for (var c = 0; c < conversions.Length; c++)
            {
                var minutes = random.Next(3) == 0 ? random.Next(60) * 1440 : random.Next(60 * 1440);
                conversions[c] = new Conversion(Fixtures.T0.AddMinutes(-minutes), Math.Round(random.NextDouble() * 200, 2));
            }

            journeys[j] = new Journey("j" + j, touches, conversions);
        }

        return journeys;
    }
}
