using System.Globalization;
using System.Net;
using System.Text;
using Attribution.B2B;
using Attribution.DataDriven;
using Attribution.Reports;

namespace Attribution.IO;

/// <summary>Writes an attribution report as one self-contained HTML file: inline CSS and SVG charts, no network access.</summary>
/// <remarks>
/// <para>Everything is per conversion kind (leads, orders …), never added across kinds. Sections: totals per model and
/// kind; per kind, credit per channel by model (grouped bars) with each model's share and the spread between
/// models; ROAS per channel by model (when spend is given); top campaigns; the most common conversion paths (count,
/// conversion rate, average value, length); the distributions of time to conversion and of path length; with funnel stages (<see cref="Engine.AttributionOptions.Stages"/>), the funnel
/// per channel (<see cref="FunnelTable"/>); with two stages or more, the channels <see cref="SuspiciousChannels"/> flags, when any; with <see cref="HtmlReportOptions.Teams"/>, the teams' credit against their
/// targets, with an attainment bar per team and model.</para>
/// <para>Every chart is an <c>&lt;svg data-chart="…"&gt;</c> whose bars are <c>&lt;rect class="bar"&gt;</c> elements.
/// A short inline script, run on load, counts the bars the browser laid out with a non-zero size and writes the count
/// into each chart's <c>data-drawn-bars</c> and the number of charts with drawn bars into
/// <c>&lt;body data-charts-drawn&gt;</c>, so a headless browser can check the rendering.</para>
/// <para>Ratios that are undefined (division by zero) show as "n/a".</para>
/// </remarks>
/// <example>
/// <code>
/// using var writer = File.CreateText("report.html");
/// HtmlReportWriter.Write(writer, report, SpendCsvReader.Read("spend.csv"), new HtmlReportOptions { Title = "Q1" });
/// </code>
/// </example>
public static class HtmlReportWriter
{
    private static readonly string[] Palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>Writes the report.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="report">The report.</param>
    /// <param name="spend">The spend, or <see langword="null"/> to leave out ROAS.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    public static void Write(TextWriter writer, AttributionReport report, SpendTable? spend = null, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        options ??= new HtmlReportOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.TopCampaigns, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.TopPaths, nameof(options));

        var html = new StringBuilder();
        Head(html, options.Title);
        var kinds = report.Results[0].Kinds.Select(k => k.Kind).Where(k => options.Kinds is null || options.Kinds.Contains(k)).ToArray();
        Totals(html, report, spend, kinds);
        foreach (var kind in kinds)
        {
            Credit(html, report, kind, kinds, options.Intervals);
            TouchTypes(html, report, kind, kinds);
            if (spend is not null)
            {
                Roas(html, report, spend, kind, kinds);
            }

            Campaigns(html, report, spend, options.TopCampaigns, kind, kinds);
        }

        var stages = report.Results[0].Options.Stages;
        if (stages.Count > 0)
        {
            Funnel(html, report, stages);
        }

        if (options.Teams is not null)
        {
            Teams(html, options.Teams);
        }

        if (stages.Count >= 2)
        {
            Suspicious(html, SuspiciousChannels.Detect(report.Journeys, report.Results[0].Options));
        }

        var paths = PathSet.FromJourneys(report.Journeys, options.Attribution);
        Paths(html, paths, options.TopPaths);
        Distributions(html, report, paths, options);
        Tail(html);
        writer.Write(html.ToString());
    }

    /// <summary>Writes the report to a file (UTF-8).</summary>
    /// <param name="path">The file; created or overwritten.</param>
    /// <param name="report">The report.</param>
    /// <param name="spend">The spend, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/>.</param>
    public static void Write(string path, AttributionReport report, SpendTable? spend = null, HtmlReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(writer, report, spend, options);
    }

    private static void Head(StringBuilder html, string title)
    {
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}}</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
            table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
            th, td { padding: .25rem .7rem; border-bottom: 1px solid #eee; text-align: right; }
            th:first-child, td:first-child { text-align: left; } th { background: #f6f6f6; }
            .cards { display: flex; flex-wrap: wrap; gap: 1rem; }
            .card { background: #f6f8fa; border-radius: 6px; padding: .7rem 1rem; min-width: 9rem; }
            .card b { display: block; font-size: 1.3rem; }
            svg { display: block; margin: .5rem 0; } svg text { font-size: 11px; fill: #444; }
            .grid { stroke: #e5e5e5; } .na { color: #999; } .note { color: #666; font-size: .85rem; }
            .charts { display: flex; flex-wrap: wrap; gap: 2rem; }
            </style>
            </head>
            <body>
            <h1>{{E(title)}}</h1>

            """);
    }

    private static void Tail(StringBuilder html)
    {
        html.Append("""
            <script>
            // Lets a headless browser (and a curious reader) check that the charts were laid out with visible bars.
            window.addEventListener('load', function () {
              var charts = document.querySelectorAll('svg[data-chart]'), drawn = 0;
              charts.forEach(function (svg) {
                var n = 0;
                svg.querySelectorAll('rect.bar').forEach(function (r) { var b = r.getBBox(); if (b.width > 0 && b.height > 0) n++; });
                svg.setAttribute('data-drawn-bars', String(n));
                if (n > 0) drawn++;
              });
              document.body.setAttribute('data-charts', String(charts.length));
              document.body.setAttribute('data-charts-drawn', String(drawn));
            });
            </script>
            </body>
            </html>

            """);
    }

    private static void Totals(StringBuilder html, AttributionReport report, SpendTable? spend, IReadOnlyList<string> kinds)
    {
        var journeys = report.Journeys;
        html.Append("<h2>Totals</h2>\n<div class=\"cards\">\n");
        Card(html, "Journeys", N0(journeys.Count));
        Card(html, "Touchpoints", N0(journeys.TouchpointCount));
        Card(html, "Conversions", N0(journeys.ConversionCount));
        if (journeys.NotCountedByStatus.Count > 0)
        {
            var each = string.Join(", ", journeys.NotCountedByStatus.Select(s => $"{s.Key} {N0(s.Value)}"));
            Card(html, "Touch rows not counted by status", $"{N0(journeys.NotCountedByStatus.Sum(s => s.Value))} ({E(each)})");
        }
        if (report.Results[0].Options.Period is { } period)
        {
            Card(html, "Reporting period", E(FormattableString.Invariant($"{period.From:yyyy-MM-dd HH:mm} – {period.To:yyyy-MM-dd HH:mm} UTC")));
        }

        if (spend is not null)
        {
            Card(html, "Spend" + (spend.Currency is null ? string.Empty : $" ({spend.Currency})"), N(spend.Within(report.Results[0].Options.Period).Total));
        }

        html.Append("</div>\n<table data-table=\"models\"><thead><tr><th>Model</th><th>Conversion kind</th><th>Conversions</th><th>Value</th><th>Credited conversions</th><th>Credited value</th><th>Unattributed conversions</th><th>Unattributed value</th>");
        if (spend is not null)
        {
            html.Append("<th>Cost per conversion</th><th>ROAS</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var r in report.Results)
        {
            var totals = spend is null ? null : ReturnOnSpend.Totals(r, spend);
            for (var k = 0; k < r.Kinds.Count; k++)
            {
                var kind = r.Kinds[k];
                if (!kinds.Contains(kind.Kind))
                {
                    continue;
                }

                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Model)}</td><td>{E(kind.Kind)}</td><td>{N0(kind.ConversionCount)}</td><td>{N(kind.TotalValue)}</td><td>{N(kind.CreditedConversions)}</td><td>{N(kind.CreditedValue)}</td><td>{N0(kind.UnattributedConversions)}</td><td>{N(kind.UnattributedValue)}</td>");
                if (totals is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{Ratio(totals[k].Cpa)}</td><td>{Ratio(totals[k].Roas)}</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody></table>\n<p class=\"note\">Conversion kinds (leads, orders …) are never added together.</p>\n");
    }

    private static string Id(string chart, string kind, IReadOnlyList<string> kinds) => kinds.Count == 1 ? chart : $"{chart}-{kind}";

    private static string Of(string kind, IReadOnlyList<string> kinds) => kinds.Count == 1 ? string.Empty : $" — {kind}";

    private static void Credit(StringBuilder html, AttributionReport report, string kind, IReadOnlyList<string> kinds, IntervalReport? intervals)
    {
        var comparison = ModelComparison.ByChannel(report, kind);
        var channels = report.Results[0].ForKind(kind).ByChannel.Select(c => c.Key).ToArray();
        var values = new double[channels.Length, report.Results.Count];
        for (var m = 0; m < report.Results.Count; m++)
        {
            var byChannel = report.Results[m].ForKind(kind).ByChannel;
            for (var c = 0; c < channels.Length; c++)
            {
                values[c, m] = byChannel[c].Value;
            }
        }

        // Each model's interval per channel, when the caller bootstrapped them: error bars on the chart, a column in the table.
        var bars = intervals is null ? null : new (double Low, double High)?[channels.Length, report.Results.Count];
        var level = intervals is null ? string.Empty : (intervals.Options.Level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        if (bars is not null)
        {
            for (var m = 0; m < report.Results.Count; m++)
            {
                var model = intervals!.Models.FirstOrDefault(i => i.Model == report.Results[m].Model)?.Kinds.FirstOrDefault(k => k.Kind == kind);
                for (var c = 0; c < channels.Length; c++)
                {
                    var row = model?.ByChannel.FirstOrDefault(r => r.Key == channels[c]);
                    bars[c, m] = row is { } r ? (r.ValueLow, r.ValueHigh) : null;
                }
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Credit per channel by model{E(Of(kind, kinds))}</h2>\n");
        var chartTitle = bars is null ? $"Credited value per channel{Of(kind, kinds)}, one bar per model" : $"Credited value per channel{Of(kind, kinds)}, one bar per model, {level} bootstrap intervals";
        BarChart(html, Id("credit-by-channel", kind, kinds), chartTitle, channels, comparison.Models, values, errors: bars);
        html.Append(CultureInfo.InvariantCulture, $"<table data-table=\"{Id("model-comparison", kind, kinds)}\"><thead><tr><th>Channel</th>");
        foreach (var model in comparison.Models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(model)} value</th><th>{E(model)} share</th>");
            if (bars is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th>{E(model)} value, {level} interval</th>");
            }
        }

        html.Append("<th>Spread</th></tr></thead><tbody>\n");
        foreach (var row in comparison.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Key)}</td>");
            for (var m = 0; m < comparison.Models.Count; m++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{N(row.Values[m])}</td><td>{P(row.Shares[m])}</td>");
                if (bars is not null)
                {
                    var c = Array.IndexOf(channels, row.Key);
                    html.Append(c >= 0 && bars[c, m] is { } bar ? $"<td>{N(bar.Low)} – {N(bar.High)}</td>" : "<td class=\"na\">–</td>");
                }
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{P(row.Spread)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n<p class=\"note\">Spread = largest share − smallest share across models: the channels where the choice of model matters most come first.</p>\n");
    }

    // The online/offline split: only when the data has more than one touch type, where there is a split to show.
    private static void TouchTypes(StringBuilder html, AttributionReport report, string kind, IReadOnlyList<string> kinds)
    {
        var types = report.Journeys.TouchTypes;
        if (types.Count < 2)
        {
            return;
        }

        var values = new double[types.Count, report.Results.Count];
        html.Append(CultureInfo.InvariantCulture, $"<h2>Credit per touch type by model{E(Of(kind, kinds))}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<table data-table=\"{Id("touch-types", kind, kinds)}\"><thead><tr><th>Touch type</th>");
        foreach (var r in report.Results)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(r.Model)} value</th><th>{E(r.Model)} share</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        for (var t = 0; t < types.Count; t++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(types[t])}</td>");
            for (var m = 0; m < report.Results.Count; m++)
            {
                var result = report.Results[m].ForKind(kind);
                var value = result.ByTouchType[t].Value;
                values[t, m] = value;
                html.Append(CultureInfo.InvariantCulture, $"<td>{N(value)}</td><td>{(result.CreditedValue > 0 ? P(value / result.CreditedValue) : "<span class=\"na\">n/a</span>")}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
        BarChart(html, Id("credit-by-touch-type", kind, kinds), $"Credited value per touch type{Of(kind, kinds)}, one bar per model", [.. types], report.Results.Select(r => r.Model).ToArray(), values);
        html.Append("<p class=\"note\">Share = the touch type's part of the value the model credited to touchpoints (touches that name no type are online).</p>\n");
    }

    private static void Roas(StringBuilder html, AttributionReport report, SpendTable spend, string kind, IReadOnlyList<string> kinds)
    {
        var perModel = report.Results.Select(r => ReturnOnSpend.ByChannel(r, spend).Where(row => row.Kind == kind).ToArray()).ToArray();
        var channels = perModel[0].Select(r => r.Key).ToArray();
        var values = new double[channels.Length, perModel.Length];
        for (var m = 0; m < perModel.Length; m++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                values[c, m] = perModel[m][c].Roas ?? 0;
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Return on ad spend per channel{E(Of(kind, kinds))}</h2>\n");
        BarChart(html, Id("roas-by-channel", kind, kinds), $"ROAS (credited value / spend) per channel{Of(kind, kinds)}, one bar per model", channels, report.Results.Select(r => r.Model).ToArray(), values);
        html.Append(CultureInfo.InvariantCulture, $"<table data-table=\"{Id("roas", kind, kinds)}\"><thead><tr><th>Channel</th><th>Model</th><th>Spend</th><th>Conversions</th><th>Value</th><th>ROAS</th><th>ROI</th><th>Cost per {E(kind)}</th></tr></thead><tbody>\n");
        for (var c = 0; c < channels.Length; c++)
        {
            foreach (var rows in perModel)
            {
                var r = rows[c];
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Key)}</td><td>{E(r.Model)}</td><td>{(r.HasSpendLine ? N(r.Spend) : Ratio(null))}</td><td>{N(r.Conversions)}</td><td>{N(r.Value)}</td><td>{Ratio(r.Roas)}</td><td>{Percent(r.Roi)}</td><td>{Ratio(r.Cpa)}</td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
    }

    private static void Campaigns(StringBuilder html, AttributionReport report, SpendTable? spend, int top, string kind, IReadOnlyList<string> kinds)
    {
        var perModel = report.Results.Select(r => ReturnOnSpend.ByCampaign(r, spend ?? SpendTable.Empty).Where(row => row.Kind == kind).ToArray()).ToArray();

        // Rank by the largest value any model credits, so a campaign one model favours is not hidden.
        var order = Enumerable.Range(0, perModel[0].Length)
            .OrderByDescending(k => perModel.Max(rows => rows[k].Value))
            .Take(top)
            .ToArray();
        var models = report.Results.Select(r => r.Model).ToArray();
        var values = new double[order.Length, models.Length];
        for (var i = 0; i < order.Length; i++)
        {
            for (var m = 0; m < models.Length; m++)
            {
                values[i, m] = perModel[m][order[i]].Value;
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Top campaigns{E(Of(kind, kinds))}</h2>\n");
        BarChart(html, Id("top-campaigns", kind, kinds), $"Credited value of the top campaigns{Of(kind, kinds)}, one bar per model", order.Select(k => perModel[0][k].Key).ToArray(), models, values);
        html.Append(CultureInfo.InvariantCulture, $"<table data-table=\"{Id("campaigns", kind, kinds)}\"><thead><tr><th>Campaign</th><th>Channels</th><th>Spend</th>");
        foreach (var model in models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(model)} value</th><th>{E(model)} ROI</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var k in order)
        {
            var first = perModel[0][k];
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(first.Key)}</td><td>{E(string.Join(", ", first.Channels))}</td><td>{N(first.Spend)}</td>");
            foreach (var rows in perModel)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{N(rows[k].Value)}</td><td>{Percent(rows[k].Roi)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Funnel(StringBuilder html, AttributionReport report, IReadOnlyList<string> stages)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Funnel: {E(string.Join(" → ", stages))}</h2>\n<table data-table=\"funnel\"><thead><tr><th>Channel</th><th>Model</th>");
        foreach (var stage in stages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(stage)}</th>");
        }

        for (var s = 1; s < stages.Count; s++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(stages[s])} / {E(stages[s - 1])}</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        var tables = report.Results.Select(r => FunnelTable.Build(r, stages)).ToArray();
        for (var c = 0; c < tables[0].Rows.Count; c++)
        {
            foreach (var table in tables)
            {
                var row = table.Rows[c];
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Channel)}</td><td>{E(table.Model)}</td>");
                foreach (var count in row.Conversions)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{N(count)}</td>");
                }

                foreach (var ratio in row.Ratios)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{Percent(ratio)}</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody></table>\n<p class=\"note\">Credited conversions of each stage per channel, and the ratio of each stage to the one before it (n/a when the earlier stage has no credit).</p>\n");
    }

    private static void Teams(StringBuilder html, TeamReport teams)
    {
        const int Width = 1000, Label = 220, Row = 22, Top = 30;
        const double Cap = 1.5;
        var period = teams.Period is { } p ? FormattableString.Invariant($", {p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}") : string.Empty;
        html.Append(CultureInfo.InvariantCulture, $"<h2>Teams and targets — {E(teams.Kind)}{E(period)}</h2>\n");
        html.Append("<p class=\"note\">Credit of the touches whose campaign the team owned at the touch's instant; children roll up into parents. The line marks 100 % of the target; bars stop at 150 %.</p>\n");
        var models = teams.Rows.Select(static r => r.Model).Distinct().ToArray();
        var plot = Width - Label - 200;
        foreach (var model in models)
        {
            var rows = teams.ForModel(model).Where(static r => r.Team is not TeamReport.UnassignedKey and not TeamReport.NoCampaignKey).ToArray();
            var height = Top + (Row * rows.Length) + 10;
            html.Append(CultureInfo.InvariantCulture, $"<svg data-chart=\"team-attainment-{E(model)}\" role=\"img\" aria-label=\"Attainment per team, {E(model)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">\n");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" style=\"font-size:13px;font-weight:600\">Attainment per team — {E(model)}</text>\n");
            var full = Label + (plot / Cap);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(full)}\" x2=\"{F(full)}\" y1=\"{Top - 4}\" y2=\"{height - 6}\" style=\"stroke:#888\"/>\n");
            for (var i = 0; i < rows.Length; i++)
            {
                var r = rows[i];
                var y = Top + (Row * i);
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{12 * r.Depth}\" y=\"{y + 14}\">{E(r.Team)}</text>\n");
                if (r.Attainment is { } a)
                {
                    var w = plot * Math.Min(a, Cap) / Cap;
                    html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{Label}\" y=\"{y + 3}\" width=\"{F(w)}\" height=\"{Row - 6}\" fill=\"{(a >= 1 ? Palette[2] : Palette[0])}\"><title>{E(r.Team)}: {N(r.Value)} of {N(r.Target!.Value)}</title></rect>\n");
                    html.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Label + w + 6)}\" y=\"{y + 14}\">{P(a)} ({N(r.Value)} of {N(r.Target!.Value)})</text>\n");
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label}\" y=\"{y + 14}\" class=\"na\">{N(r.Value)}, no target</text>\n");
                }
            }

            html.Append("</svg>\n");
        }

        html.Append("<table data-table=\"teams\"><thead><tr><th>Team</th><th>Parent</th><th>Target</th>");
        foreach (var model in models)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(model)} value</th><th>{E(model)} attainment</th><th>{E(model)} share of siblings</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        var perModel = models.Select(m => teams.ForModel(m)).ToArray();
        for (var i = 0; i < perModel[0].Count; i++)
        {
            var first = perModel[0][i];
            var target = first.Target is { } t ? N(t) : "<span class=\"na\">n/a</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding-left:{F(0.7 + first.Depth)}rem;white-space:nowrap\">{E(first.Team)}</td><td>{E(first.Parent ?? string.Empty)}</td><td>{target}</td>");
            foreach (var rows in perModel)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{N(rows[i].Value)}</td><td>{Percent(rows[i].Attainment)}</td><td>{Percent(rows[i].SiblingShare)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>The channels <see cref="SuspiciousChannels"/> flags under its default thresholds; nothing when none is.</summary>
    private static void Suspicious(StringBuilder html, SuspiciousChannelReport suspicious)
    {
        if (suspicious.Flagged.Count == 0)
        {
            return;
        }

        html.Append("<h2>Suspicious channels</h2>\n<table data-table=\"suspicious\"><thead><tr><th>Channel</th><th>Leads</th><th>Score</th><th>Signals</th><th>Progress (others)</th><th>Within seconds (others)</th><th>Last-touch ÷ linear</th><th>Burst days</th></tr></thead><tbody>\n");
        foreach (var row in suspicious.Rows.Where(static r => r.Score > 0))
        {
            var signals = new[] { (row.NoProgress.Fired, "no progress"), (row.Duplicates.Fired, "duplicates"), (row.Injection.Fired, "injection"), (row.Hijack.Fired, "last-touch hijack"), (row.Bursts.Fired, "bursts") }
                .Where(static s => s.Item1).Select(static s => s.Item2);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Key)}</td><td>{N0(row.Leads)}</td><td>{N0(row.Score)}</td><td>{E(string.Join(", ", signals))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Percent(row.NoProgress.Share)} ({Percent(row.NoProgress.PooledShare)})</td><td>{Percent(row.Injection.Share)} ({Percent(row.Injection.PooledShare)})</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Ratio(row.Hijack.Ratio)}</td><td>{N0(row.Bursts.Days.Count)}</td></tr>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"</tbody></table>\n<p class=\"note\">Channels with at least one signal under the default thresholds (leads: {E(suspicious.Stages[0])} conversions credited by last touch; progress: a later {E(suspicious.Stages[1])}). A flag is a lead for a person to check, not proof; <code>attribution suspicious</code> shows every number behind each signal.</p>\n");
    }

    private static void Paths(StringBuilder html, PathSet paths, int top)
    {
        html.Append("<h2>Most common conversion paths</h2>\n<table data-table=\"paths\"><thead><tr><th>Path</th><th>Count</th><th>Conversions</th><th>Conversion rate</th><th>Average value</th><th>Length</th></tr></thead><tbody>\n");
        foreach (var p in JourneyStatistics.TopPaths(paths, top))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(string.Join(" > ", p.Channels))}</td><td>{N(p.Occurrences)}</td><td>{N(p.Conversions)}</td><td>{Percent(p.ConversionRate)}</td><td>{Ratio(p.AverageValue)}</td><td>{N0(p.Length)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n<p class=\"note\">A path is the channels eligible for one conversion (lookback window, reset at each conversion), or the touches after a journey's last conversion when they did not convert.</p>\n");
    }

    private static void Distributions(StringBuilder html, AttributionReport report, PathSet paths, HtmlReportOptions options)
    {
        var time = JourneyStatistics.TimeToConversion(report.Journeys, options.Attribution);
        var lengths = JourneyStatistics.PathLengths(paths);
        html.Append("<h2>Distributions</h2>\n<div class=\"charts\">\n<div>\n");
        Histogram(html, "time-to-conversion", "Conversions by time from first eligible touch to conversion", time);
        html.Append("</div>\n<div>\n");
        Histogram(html, "path-length", "Conversions by path length (touches)", lengths);
        html.Append("</div>\n</div>\n");
    }

    private static void Histogram(StringBuilder html, string id, string title, IReadOnlyList<HistogramBin> bins)
    {
        var values = new double[bins.Count, 1];
        for (var i = 0; i < bins.Count; i++)
        {
            values[i, 0] = bins[i].Count;
        }

        BarChart(html, id, title, bins.Select(b => b.Label).ToArray(), ["conversions"], values, width: 520);
    }

    /// <summary>Draws a grouped vertical bar chart: one group per category, one bar per series.</summary>
    private static void BarChart(StringBuilder html, string id, string title, string[] categories, IReadOnlyList<string> series, double[,] values, int width = 1000, (double Low, double High)?[,]? errors = null)
    {
        const int Height = 320, Left = 60, Right = 10, Top = 30, Bottom = 60;
        var plotWidth = width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        foreach (var e in errors ?? new (double, double)?[0, 0])
        {
            max = Math.Max(max, e?.High ?? 0);
        }

        var scale = NiceMax(max);
        var legend = series.Count > 1;
        html.Append(CultureInfo.InvariantCulture, $"<svg data-chart=\"{id}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height + (legend ? 24 : 0)}\" viewBox=\"0 0 {width} {Height + (legend ? 24 : 0)}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"16\" style=\"font-size:13px;font-weight:600\">{E(title)}</text>\n");
        for (var g = 0; g <= 4; g++)
        {
            var y = Top + plotHeight - (plotHeight * g / 4.0);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/><text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{N(scale * g / 4)}</text>\n");
        }

        if (categories.Length > 0)
        {
            var groupWidth = plotWidth / (double)categories.Length;
            var barWidth = Math.Max(1, (groupWidth * 0.8) / series.Count);
            for (var c = 0; c < categories.Length; c++)
            {
                var x0 = Left + (groupWidth * c) + (groupWidth * 0.1);
                for (var s = 0; s < series.Count; s++)
                {
                    var v = values[c, s];
                    var h = scale > 0 ? plotHeight * v / scale : 0;
                    html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F(x0 + (barWidth * s))}\" y=\"{F(Top + plotHeight - h)}\" width=\"{F(barWidth)}\" height=\"{F(h)}\" fill=\"{Palette[s % Palette.Length]}\"><title>{E(categories[c])} · {E(series[s])}: {N(v)}</title></rect>\n");
                    if (errors?[c, s] is { } error && scale > 0)
                    {
                        // An error bar: a vertical line from the interval's low to its high, capped, over the bar's middle.
                        var mid = x0 + (barWidth * s) + (barWidth / 2);
                        var cap = Math.Min(4, barWidth / 3);
                        var yLow = Top + plotHeight - (plotHeight * error.Low / scale);
                        var yHigh = Top + plotHeight - (plotHeight * error.High / scale);
                        html.Append(CultureInfo.InvariantCulture, $"<path class=\"error-bar\" d=\"M{F(mid)},{F(yLow)}V{F(yHigh)}M{F(mid - cap)},{F(yLow)}H{F(mid + cap)}M{F(mid - cap)},{F(yHigh)}H{F(mid + cap)}\" stroke=\"#222\" stroke-width=\"1\" fill=\"none\"><title>{E(categories[c])} · {E(series[s])}: {N(error.Low)} – {N(error.High)}</title></path>\n");
                    }
                }

                var label = categories[c].Length > 18 ? categories[c][..17] + "…" : categories[c];
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x0 + (groupWidth * 0.4))}\" y=\"{Top + plotHeight + 16}\" text-anchor=\"middle\">{E(label)}</text>\n");
            }
        }

        if (legend)
        {
            var x = (double)Left;
            for (var s = 0; s < series.Count; s++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"legend\" x=\"{F(x)}\" y=\"{Height - 14}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/><text x=\"{F(x + 16)}\" y=\"{Height - 4}\">{E(series[s])}</text>\n");
                x += 30 + (7 * series[s].Length);
            }
        }

        html.Append("</svg>\n");
    }

    /// <summary>Rounds the axis maximum up to 1, 2, 2.5 or 5 × a power of ten.</summary>
    private static double NiceMax(double max)
    {
        if (max <= 0)
        {
            return 0;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static void Card(StringBuilder html, string label, string value)
        => html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\">{E(label)}<b>{value}</b></div>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    private static string N(double x) => x.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string N0(int x) => x.ToString("#,0", CultureInfo.InvariantCulture);

    private static string P(double x) => x.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Ratio(double? x) => x is { } v ? N(v) : "<span class=\"na\">n/a</span>";

    private static string Percent(double? x) => x is { } v ? P(v) : "<span class=\"na\">n/a</span>";
}
