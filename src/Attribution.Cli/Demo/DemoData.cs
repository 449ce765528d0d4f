using System.Globalization;
using Attribution.Journeys;

namespace Attribution.Cli.Demo;

/// <summary>A realistic, deterministic B2B marketing data set for <c>attribution demo</c>: journeys of anonymous visitors
/// who become leads, then customers, some of whom order again.</summary>
/// <remarks>
/// <para>Acquisition channels (search, social, display, referral) tend to open journeys; nurture channels (email,
/// webinars, direct visits) tend to follow, so first-touch and last-touch disagree the way they do on real data.
/// Webinars, events and partners engage more and make conversion likelier.</para>
/// <para>About 1% of journeys are an order without any tracked touch, and about 3% of leads come back after more than
/// 90 days of silence; with the default 90-day lookback both are reported unattributed.</para>
/// <para>One suspicious channel is planted: the last 3% of the journeys meet <see cref="PlantedChannel"/>, an affiliate
/// whose touch lands a few seconds before a lead after some honest touches. Its leads never order, so
/// <c>attribution suspicious</c> flags it (no progress, injection, last-touch hijack).</para>
/// </remarks>
internal static class DemoData
{
    /// <summary>The seed of the bundled data set.</summary>
    public const ulong Seed = 20_250_106;

    /// <summary>The number of journeys of the bundled data set.</summary>
    public const int JourneyCount = 5000;

    /// <summary>The planted suspicious channel: an affiliate that injects its touch seconds before leads that never order.</summary>
    public const string PlantedChannel = "coupon-affiliate";

    private const double Day = 86_400;

    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    private static readonly DemoChannel[] Channels =
    [
        new("paid-search", 24, 12, 1, ["brand-search", "generic-search", "competitor-search"]),
        new("organic-search", 20, 9, 1, []),
        new("social", 13, 6, 1, ["linkedin-ads", "facebook-ads", "video-ads"]),
        new("display", 12, 9, 0.5, ["prospecting-banners", "retargeting"]),
        new("referral", 8, 3, 1, []),
        new("partner", 6, 4, 2, ["reseller-program", "affiliate"]),
        new("events", 4, 4, 3, ["trade-show", "customer-meetup"]),
        new("direct", 8, 14, 0.5, []),
        new("email", 3, 26, 1, ["newsletter", "nurture-series", "product-launch"]),
        new("webinar", 2, 9, 3, ["product-demo", "industry-panel"]),
    ];

    /// <summary>Gets the channel weights the demo's <c>channel-weights</c> model uses: events, webinars and partners count more, display and direct less.</summary>
    public static IReadOnlyDictionary<string, double> CustomWeights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["webinar"] = 2,
        ["events"] = 2,
        ["partner"] = 1.5,
        ["display"] = 0.5,
        ["direct"] = 0.25,
    };

    /// <summary>Generates the journeys.</summary>
    /// <param name="count">The number of journeys.</param>
    /// <param name="seed">The seed; the same seed gives the same journeys.</param>
    public static List<Journey> Generate(int count = JourneyCount, ulong seed = Seed)
    {
        var rng = new DemoRandom(seed);
        Span<double> acquisition = stackalloc double[Channels.Length];
        Span<double> nurture = stackalloc double[Channels.Length];
        for (var c = 0; c < Channels.Length; c++)
        {
            acquisition[c] = Channels[c].Acquisition;
            nurture[c] = Channels[c].Nurture;
        }

        var journeys = new List<Journey>(count);
        var leadNumber = 0;
        var orderNumber = 0;
        var touches = new List<Touchpoint>();
        var conversions = new List<Conversion>();
        for (var i = 0; i < count; i++)
        {
            touches.Clear();
            conversions.Clear();
            var id = "j" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            var t = Start.AddSeconds(Math.Floor(rng.NextDouble() * 150 * Day));

            // The planted journeys come last, so the honest ones before them draw the same numbers as without the plant.
            if (i >= count - (count * 3 / 100))
            {
                journeys.Add(Injected(id, t, rng, acquisition, nurture, ref leadNumber));
                continue;
            }

            // An offline sale or a lost cookie: an order nobody can attribute.
            if (rng.Chance(0.012))
            {
                conversions.Add(Order(t, rng, ref orderNumber, repeat: false));
                journeys.Add(new Journey(id, touches, conversions));
                continue;
            }

            var length = 1;
            while (length < 14 && rng.Chance(0.68))
            {
                length++;
            }

            var stage = Stage.Visitor;
            var engagement = 0.0;
            for (var k = 0; k < length; k++)
            {
                var channel = Channels[rng.Pick(k == 0 ? acquisition : nurture)];
                string? campaign = channel.Campaigns.Length == 0 ? null : channel.Campaigns[rng.Next(channel.Campaigns.Length)];
                touches.Add(new Touchpoint(t, channel.Name, campaign));
                engagement += channel.Engagement;

                var converted = false;
                switch (stage)
                {
                    case Stage.Visitor when rng.Chance(Math.Min(0.6, 0.06 + (0.04 * engagement))):
                        // A few leads resurface after months of silence, outside the default 90-day lookback.
                        if (rng.Chance(0.03))
                        {
                            t = t.AddSeconds(Math.Floor((95 + (rng.NextDouble() * 60)) * Day));
                        }

                        t = AfterTouch(t, rng);
                        leadNumber++;
                        conversions.Add(new Conversion(t, 25, "lead", "lead-" + leadNumber.ToString("D5", CultureInfo.InvariantCulture)));
                        stage = Stage.Lead;
                        converted = true;
                        break;
                    case Stage.Visitor when rng.Chance(0.015):
                        // Self-serve buyers skip the lead stage.
                        t = AfterTouch(t, rng);
                        conversions.Add(Order(t, rng, ref orderNumber, repeat: false));
                        stage = Stage.Customer;
                        converted = true;
                        break;
                    case Stage.Lead when rng.Chance(Math.Min(0.5, 0.08 + (0.025 * engagement))):
                        t = AfterTouch(t, rng);
                        conversions.Add(Order(t, rng, ref orderNumber, repeat: false));
                        stage = Stage.Customer;
                        converted = true;
                        break;
                    case Stage.Customer when rng.Chance(0.12):
                        t = AfterTouch(t, rng);
                        conversions.Add(Order(t, rng, ref orderNumber, repeat: true));
                        converted = true;
                        break;
                }

                if (converted)
                {
                    engagement = 0;
                }

                t = t.AddSeconds(Math.Floor(300 + rng.Exponential(2.5 * Day)));
            }

            journeys.Add(new Journey(id, touches, conversions));
        }

        return journeys;
    }

    /// <summary>A visitor with two to four honest touches, then the affiliate's touch and, 2 to 6 seconds later, a lead
    /// that never goes on to order.</summary>
    private static Journey Injected(string id, DateTimeOffset t, DemoRandom rng, ReadOnlySpan<double> acquisition, ReadOnlySpan<double> nurture, ref int leadNumber)
    {
        var touches = new List<Touchpoint>();
        var honest = 2 + rng.Next(3);
        for (var k = 0; k < honest; k++)
        {
            var channel = Channels[rng.Pick(k == 0 ? acquisition : nurture)];
            touches.Add(new Touchpoint(t, channel.Name, channel.Campaigns.Length == 0 ? null : channel.Campaigns[rng.Next(channel.Campaigns.Length)]));
            t = t.AddSeconds(Math.Floor(300 + rng.Exponential(2.5 * Day)));
        }

        touches.Add(new Touchpoint(t, PlantedChannel, "cashback-deals"));
        leadNumber++;
        var lead = new Conversion(t.AddSeconds(2 + rng.Next(5)), 25, "lead", "lead-" + leadNumber.ToString("D5", CultureInfo.InvariantCulture));
        return new Journey(id, touches, [lead]);
    }

    private static DateTimeOffset AfterTouch(DateTimeOffset touch, DemoRandom rng)
        => touch.AddSeconds(Math.Floor(60 + rng.Exponential(3600)));

    private static Conversion Order(DateTimeOffset instant, DemoRandom rng, ref int orderNumber, bool repeat)
    {
        orderNumber++;
        var value = Math.Round(repeat ? rng.LogNormal(Math.Log(250), 0.6) : rng.LogNormal(Math.Log(900), 0.7), 2);
        return new Conversion(instant, value, "order", "order-" + orderNumber.ToString("D5", CultureInfo.InvariantCulture));
    }

    private enum Stage
    {
        Visitor,
        Lead,
        Customer,
    }

    /// <param name="Name">The channel's name.</param>
    /// <param name="Acquisition">How often it opens a journey (relative).</param>
    /// <param name="Nurture">How often it follows another touch (relative).</param>
    /// <param name="Engagement">How much it moves a visitor towards converting.</param>
    /// <param name="Campaigns">Its campaigns; empty for channels without campaigns (touches keyed <c>(none)</c>).</param>
    private sealed record DemoChannel(string Name, double Acquisition, double Nurture, double Engagement, string[] Campaigns);
}
