using System.Globalization;
using Attribution.Journeys;

namespace Attribution.Benchmarks;

/// <summary>Seeded synthetic journeys shared by the suites, built once per process.</summary>
/// <remarks>
/// <para>Journeys have 1–12 touches (skewed towards short, mean ≈ 5), 10 channels of uneven popularity, 30 campaigns
/// (one touch in five has none), gaps of a few days (exponential, mean 3 d) so that a few touches fall outside the
/// 90-day lookback, and 0–3 conversions (mean 1.2) placed between touches, so every eligibility rule is exercised.</para>
/// <para>The generator draws from one seeded stream journey by journey, so the first N journeys are the same whatever the
/// total: the object-API suite's 100 000 journeys are a prefix of the engine suite's million.</para>
/// <para><c>ATTRIBUTION_BENCH_JOURNEYS</c> shrinks the data (for dry runs in CI); BenchmarkDotNet's child processes inherit it.</para>
/// </remarks>
internal static class BenchmarkData
{
    public const string JourneysVariable = "ATTRIBUTION_BENCH_JOURNEYS";

    private const int Seed = 20_260_301;
    private const int DefaultJourneys = 1_000_000;
    private const int DefaultObjectJourneys = 100_000;

    // Weights of journey lengths 1..12, out of 100: mean 4.99 touches.
    private static readonly int[] LengthWeights = [14, 13, 12, 11, 10, 9, 8, 7, 6, 4, 3, 3];

    // Weights of the channels below, out of 100.
    private static readonly int[] ChannelWeights = [22, 16, 12, 11, 10, 9, 8, 5, 4, 3];

    // Weights of 0, 1, 2, 3 conversions, out of 100: mean 1.2.
    private static readonly int[] ConversionWeights = [10, 65, 20, 5];

    private static readonly string[] ChannelNames =
        ["paid-search", "organic-search", "display", "social", "email", "direct", "referral", "affiliate", "video", "push"];

    private static readonly long Origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private static readonly Lazy<JourneySet> LazyJourneys = new(() => Build(JourneyCount));
    private static readonly Lazy<JourneySet> LazyObjectSet = new(() => Build(ObjectJourneyCount));
    private static readonly Lazy<Journey[]> LazyObjects = new(() =>
    {
        var set = LazyObjectSet.Value;
        var journeys = new Journey[set.Count];
        for (var i = 0; i < journeys.Length; i++)
        {
            journeys[i] = set.GetJourney(i);
        }

        return journeys;
    });

    /// <summary>Gets the number of journeys of the engine suite (1 000 000 unless the environment says otherwise).</summary>
    public static int JourneyCount { get; } = ReadCount();

    /// <summary>Gets the number of journeys of the object-API suite.</summary>
    public static int ObjectJourneyCount => Math.Min(DefaultObjectJourneys, JourneyCount);

    /// <summary>Gets the engine suite's journeys in columnar form.</summary>
    public static JourneySet Journeys => LazyJourneys.Value;

    /// <summary>Gets the object-API suite's journeys in columnar form.</summary>
    public static JourneySet ObjectJourneySet => LazyObjectSet.Value;

    /// <summary>Gets the object-API suite's journeys as objects (the same journeys as <see cref="ObjectJourneySet"/>).</summary>
    public static IReadOnlyList<Journey> ObjectJourneys => LazyObjects.Value;

    /// <summary>Counts the touchpoints of the first <paramref name="journeys"/> journeys without building them.</summary>
    public static int CountTouchpoints(int journeys) => Generate(journeys, builder: null);

    /// <summary>Builds the first <paramref name="journeys"/> journeys.</summary>
    public static JourneySet Build(int journeys)
    {
        var builder = new JourneySetBuilder();
        Generate(journeys, builder);
        return builder.Build();
    }

    private static int ReadCount()
    {
        var text = Environment.GetEnvironmentVariable(JourneysVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultJourneys;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new InvalidOperationException($"{JourneysVariable} must be a positive whole number of journeys, but was '{text}'.");
        }

        return count;
    }

    /// <summary>Draws the journeys; adds them to <paramref name="builder"/> when given. Returns the number of touchpoints.</summary>
    private static int Generate(int journeys, JourneySetBuilder? builder)
    {
        var random = new Random(Seed);
        int[]? channelIds = null;
        int[]? campaignIds = null;
        int order = 0;
        if (builder is not null)
        {
            channelIds = new int[ChannelNames.Length];
            for (var c = 0; c < channelIds.Length; c++)
            {
                channelIds[c] = builder.Channels.GetOrAdd(ChannelNames[c]);
            }

            campaignIds = new int[3 * ChannelNames.Length];
            for (var c = 0; c < campaignIds.Length; c++)
            {
                campaignIds[c] = builder.Campaigns.GetOrAdd(string.Create(CultureInfo.InvariantCulture, $"{ChannelNames[c / 3]}-{c % 3 + 1}"));
            }

            order = builder.Kinds.GetOrAdd("order");
        }

        Span<long> touchTicks = stackalloc long[LengthWeights.Length];
        var touchpoints = 0;
        for (var j = 0; j < journeys; j++)
        {
            var length = 1 + Pick(random, LengthWeights);
            var conversions = Pick(random, ConversionWeights);
            var journey = builder?.JourneyIds.GetOrAdd(string.Create(CultureInfo.InvariantCulture, $"u{j:D7}")) ?? 0;

            var at = Origin + (long)(random.NextDouble() * TimeSpan.TicksPerDay * 180);
            for (var t = 0; t < length; t++)
            {
                at += Gap(random, meanDays: 3);
                touchTicks[t] = at;
                var channel = Pick(random, ChannelWeights);

                // Campaigns belong to channels (three each); one touch in five carries none.
                var campaign = random.Next(5) == 0 ? -1 : 3 * channel + random.Next(3);
                builder?.AddTouchpoint(journey, new DateTimeOffset(at, TimeSpan.Zero), channelIds![channel], campaign < 0 ? -1 : campaignIds![campaign]);
            }

            // Each conversion follows a random touch (later conversions never earlier than the one before).
            var previous = 0L;
            var after = 0;
            for (var c = 0; c < conversions; c++)
            {
                after = random.Next(after, length);
                var conversionAt = Math.Max(previous, touchTicks[after] + Gap(random, meanDays: 1));
                previous = conversionAt;
                var value = Math.Round(20 + random.NextDouble() * 180, 2);
                builder?.AddConversion(journey, new DateTimeOffset(conversionAt, TimeSpan.Zero), value, order);
            }

            touchpoints += length;
        }

        return touchpoints;
    }

    private static int Pick(Random random, int[] weights)
    {
        var x = random.Next(100);
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static long Gap(Random random, double meanDays)
        => (long)(-Math.Log(1 - random.NextDouble()) * meanDays * TimeSpan.TicksPerDay);
}
