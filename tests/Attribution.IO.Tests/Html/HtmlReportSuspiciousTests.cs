using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;

namespace Attribution.IO.Tests.Html;

/// <summary>The report's "Suspicious channels" section: there when a channel is flagged, absent otherwise.</summary>
public sealed class HtmlReportSuspiciousTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>60 "base" leads, every other one an opportunity 5 days on; with <paramref name="injector"/>, 40 journeys
    /// y → y → x with a lead 2 s after x's touch that never progresses.</summary>
    private static string Html(bool injector)
    {
        var journeys = new List<Journey>();
        for (var i = 0; i < 60; i++)
        {
            var t = Start.AddMinutes(i);
            List<Conversion> conversions = [new(t.AddHours(1), 10, "lead")];
            if (i % 2 == 0)
            {
                conversions.Add(new Conversion(t.AddDays(5), 100, "opportunity"));
            }

            journeys.Add(new Journey($"b{i}", [new Touchpoint(t, "base")], conversions));
        }

        for (var i = 0; injector && i < 40; i++)
        {
            var t = Start.AddMinutes(100 + (i * 3));
            journeys.Add(new Journey($"x{i}", [new(t, "y"), new(t.AddMinutes(1), "y"), new(t.AddMinutes(2), "x")], [new(t.AddMinutes(2).AddSeconds(2), 10, "lead")]));
        }

        var report = new AttributionEngine(new AttributionOptions { Stages = ["lead", "opportunity"] }).Run(JourneySet.Create(journeys), [AttributionModels.Linear]);
        var writer = new StringWriter();
        HtmlReportWriter.Write(writer, report);
        return writer.ToString();
    }

    [Fact]
    public void Write_WithAFlaggedChannel_HasTheSuspiciousSectionWithItsEvidence()
    {
        var html = Html(injector: true);

        html.Should().Contain("<h2>Suspicious channels</h2>").And.Contain("<table data-table=\"suspicious\">");

        // x: 0 of 40 leads progress against 30 of 60; 40 of 40 conversions 2 s after the touch against 0 of 90; last-touch
        // 400 / 1000 of lead value over linear 133.3 / 1000: 3.
        html.Should().Contain("<tr><td>x</td><td>40</td><td>3</td><td>no progress, injection, last-touch hijack</td><td>0.0% (50.0%)</td><td>100.0% (0.0%)</td><td>3</td><td>0</td></tr>");
        html.Should().Contain("not proof");
    }

    [Fact]
    public void Write_WithNothingFlagged_HasNoSuspiciousSection()
    {
        Html(injector: false).Should().NotContain("Suspicious channels");
    }
}
