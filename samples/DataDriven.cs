#!/usr/bin/env dotnet
#:project ../src/Attribution/Attribution.csproj

// Data-driven attribution: learn from many journeys which channels matter (Markov chain removal effects, Shapley
// values), then allocate each conversion like any other model. The fitted model saves to JSON for later use.
// Run from the repository root with: dotnet run samples/DataDriven.cs
using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

// 20,000 made-up journeys: webinars convert well, display barely matters, email helps when it follows search.
var random = new Random(7);
string[] channels = ["search", "email", "display", "webinar"];
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
var journeys = new List<Journey>();
for (var j = 0; j < 20_000; j++)
{
    var touches = new List<Touchpoint>();
    for (var t = 0; t < random.Next(1, 5); t++)
    {
        touches.Add(new Touchpoint(start.AddDays(t), channels[random.Next(channels.Length)]));
    }

    var names = touches.Select(t => t.Channel).ToList();
    var rate = 0.02 + (names.Contains("webinar") ? 0.15 : 0) + (names.IndexOf("search") is >= 0 and var s && names.LastIndexOf("email") > s ? 0.08 : 0);
    Conversion[] conversions = random.NextDouble() < rate ? [new Conversion(start.AddDays(touches.Count), value: 100, kind: "order")] : [];
    journeys.Add(new Journey($"j{j}", touches, conversions));
}

var set = JourneySet.Create(journeys);
var options = new AttributionOptions();
var paths = PathSet.FromJourneys(set, options);
var markov = MarkovChain.Fit(paths);
var shapley = ShapleyAttribution.Fit(paths);

Console.WriteLine($"observed conversion rate {paths.TotalConversions / (paths.TotalConversions + paths.TotalNulls):P3}, chain P(conv) {markov.ConversionProbability:P3}");
foreach (var r in markov.Results)
{
    Console.WriteLine($"  removing {r.Channel,-8} loses {r.RemovalEffect,6:P1} of conversions");
}

var report = new AttributionEngine(options).Run(set, [AttributionModels.LastTouch, AttributionModels.Linear, markov, shapley]);
Console.WriteLine($"{"channel",-9}" + string.Concat(report.Results.Select(r => $"{r.Model,12}")));
foreach (var channel in set.Channels)
{
    Console.WriteLine($"{channel,-9}" + string.Concat(report.Results.Select(r => $"{r.ForKind("order").ByChannel.Single(c => c.Key == channel).Value,12:F0}")));
}

// Fit in a nightly job, attribute online: the JSON holds everything the model needs.
var reloaded = MarkovModel.FromJson(markov.ToJson());
Console.WriteLine($"reloaded model gives the same removal effects: {reloaded.Results.SequenceEqual(markov.Results)}");
