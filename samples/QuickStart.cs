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

Console.WriteLine($"{"channel",-12}" + string.Concat(models.Select(m => $"{m.Name,13}")));
foreach (var channel in report.Journeys.Channels)
{
    Console.WriteLine($"{channel,-12}" + string.Concat(report.Results.Select(r => $"{r.ByChannel.Single(c => c.Key == channel).Value,13:F2}")));
}

var linear = report["linear"];
Console.WriteLine($"{"unattributed",-12}{linear.UnattributedValue,13:F2}");
Console.WriteLine($"credited {linear.CreditedValue:F2} + unattributed {linear.UnattributedValue:F2} = total {linear.TotalValue:F2}");
