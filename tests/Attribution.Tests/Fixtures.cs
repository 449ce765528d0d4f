using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests;

/// <summary>Small builders that keep the hand-worked examples short.</summary>
internal static class Fixtures
{
    /// <summary>The conversion instant most examples measure back from.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(double days) => T0.AddDays(days);

    public static Touchpoint Touch(double day, string channel, string? campaign = null) => new(Day(day), channel, campaign);

    public static Conversion Conv(double day, double value = 1) => new(Day(day), value);

    public static Journey JourneyOf(string id, Touchpoint[] touches, params Conversion[] conversions) => new(id, touches, conversions);

    /// <summary>The shares of one single-conversion journey under <paramref name="model"/>, in time order.</summary>
    public static double[] Shares(IAttributionModel model, params Touchpoint[] touches)
    {
        var result = model.Attribute(new Journey("j", touches, [new Conversion(T0, 1)]));
        result.Unattributed.Should().BeEmpty();
        return [.. result.Credits.Select(c => c.Share)];
    }

    /// <summary>Touches 1, 2, … days before <see cref="T0"/> on channels c0, c1, …; the last one is the newest.</summary>
    public static Touchpoint[] Touches(int count)
        => [.. Enumerable.Range(0, count).Select(i => Touch(i - count, "c" + i))];

    public static CreditTotal Channel(this AttributionResult result, string name)
        => result.ByChannel.Single(c => c.Key == name);

    public static CreditTotal Campaign(this AttributionResult result, string name)
        => result.ByCampaign.Single(c => c.Key == name);

    public static AttributionResult Run(IAttributionModel model, AttributionOptions? options, params Journey[] journeys)
        => new AttributionEngine(options).Run(JourneySet.Create(journeys), model);

    /// <summary>Compares doubles to about 1e-12, for shares worked out by hand to full precision.</summary>
    public static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected));
}
