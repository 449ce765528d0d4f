#!/usr/bin/env dotnet
#:project ../src/Attribution/Attribution.csproj

// Quick start: build three journeys in code and print each channel's credit under every rule-based model.
// Run from the repository root with: dotnet run samples/QuickStart.cs
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

Journey[] journeys =
[
    // Anna clicks an ad, reads two newsletters and buys for 120.
    new("anna",
        [new(day, "paid-search", "spring-sale"), new(day.AddDays(3), "email", "newsletter-12"), new(day.AddDays(6), "email", "newsletter-13")],
        [new(day.AddDays(7), value: 120, kind: "order")]),

    // Ben comes from a webinar, becomes a lead, then an ad and a visit turn him into a customer.
    new("ben",
        [new(day, "webinar", "q1-webinar"), new(day.AddDays(10), "display", "retargeting"), new(day.AddDays(12), "direct")],
        [new(day.AddDays(2), value: 20, kind: "lead"), new(day.AddDays(13), value: 300, kind: "order")]),

    // Chloe buys without any touchpoint: the order is reported as unattributed, never dropped.
    new("chloe", [], [new(day.AddDays(5), value: 80, kind: "order")]),
];

// "direct" earns credit only when it is the sole eligible touch (last-non-direct).
var engine = new AttributionEngine(new AttributionOptions { Lookback = TimeSpan.FromDays(30), ExcludedChannels = ["direct"] });
IAttributionModel[] models =
[
    AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.Linear,
    AttributionModels.TimeDecay(new TimeDecayModelOptions { HalfLife = TimeSpan.FromDays(7) }),
    AttributionModels.UShaped(),
    AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["webinar"] = 3 } }),
];
var report = engine.Run(journeys, models);

// Results are per conversion kind: a lead and an order are never added together. Since Ben's order resets only at an
// earlier order (the default reset rule, same-kind), the webinar before his lead still counts for his order.
foreach (var kind in report.Results[0].Kinds)
{
    Console.WriteLine($"\n{kind.Kind}: {kind.ConversionCount} conversions worth {kind.TotalValue:F2}");
    Console.WriteLine($"{"channel",-12}" + string.Concat(models.Select(m => $"{m.Name,13}")));
    foreach (var channel in report.Journeys.Channels)
    {
        Console.WriteLine($"{channel,-12}" + string.Concat(report.Results.Select(r => $"{r.ForKind(kind.Kind).ByChannel.Single(c => c.Key == channel).Value,13:F2}")));
    }
}

var orders = report["linear"].ForKind("order");
Console.WriteLine($"\norders under linear: credited {orders.CreditedValue:F2} + unattributed {orders.UnattributedValue:F2} = total {orders.TotalValue:F2}");
