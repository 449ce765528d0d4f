#!/usr/bin/env dotnet
#:project ../src/Attribution/Attribution.csproj

// Plugging your own model into the engine. A model only answers one question: given the eligible touchpoints of one
// conversion, how much weight does each get? The engine does the rest (lookback, resets at each conversion,
// exclusions, scaling the weights to the conversion's value, roll-ups, parallelism).
// Run from the repository root with: dotnet run samples/CustomModel.cs
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

var day = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
Journey[] journeys =
[
    new("acme-corp",
        [new(day, "event", "trade-show"), new(day.AddDays(4), "email"), new(day.AddDays(9), "webinar", "demo-day"), new(day.AddDays(20), "paid-search")],
        [new(day.AddDays(21), value: 50_000, kind: "opportunity")]),
];

// The quick way: a weight per touchpoint from a delegate. Here: touches of the sales team's channels count double.
var salesFirst = AttributionModels.Custom("sales-double", t => t.Channel is "event" or "webinar" ? 2 : 1);

// The full way: a class. This one gives the first touch half of the credit and shares the rest evenly.
IAttributionModel[] models = [salesFirst, new HalfToFirstTouch()];
var engine = new AttributionEngine();
foreach (var model in models)
{
    Console.WriteLine($"{model.Name}:");
    foreach (var credit in engine.Attribute(journeys[0], model).Credits)
    {
        Console.WriteLine($"  {credit.Touchpoint.Channel,-12} {credit.Share,6:P1} {credit.Value,10:F2}");
    }
}

/// <summary>Half of the credit to the first touch, the other half shared evenly by every touch after it.</summary>
sealed class HalfToFirstTouch : IAttributionModel
{
    public string Name => "half-to-first";

    // Weights are relative: the engine scales them to add up to 1, so they need not sum to anything in particular.
    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        var rest = touchpoints.Count - 1;
        weights[0] = rest == 0 ? 1 : 0.5;
        for (var i = 1; i < touchpoints.Count; i++)
        {
            weights[i] = 0.5 / rest;
        }
    }
}
