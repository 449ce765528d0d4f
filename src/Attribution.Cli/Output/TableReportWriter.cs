using System.Globalization;
using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Writes the models side by side: a row per channel (or campaign), a column per model with the credited value and its share of all conversion value.</summary>
internal static class TableReportWriter
{
    public static void Write(TextWriter writer, AttributionReport report, ReportGrouping grouping)
    {
        var results = report.Results;
        var journeys = report.Journeys;
        var totalValue = results.Count > 0 ? results[0].TotalValue : 0;
        var columns = new CreditColumn[results.Count];
        for (var m = 0; m < results.Count; m++)
        {
            var result = results[m];
            columns[m] = new CreditColumn(result.Model, ReportWriter.Rows(result, grouping), result.UnattributedValue, result.TotalValue);
        }

        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"Credited value by {ReportWriter.KeyHeader(grouping)} (share of all conversion value): {journeys.Count:N0} journeys, {journeys.TouchpointCount:N0} touchpoints, {journeys.ConversionCount:N0} conversions worth {CreditTable.Money(totalValue)}.\n\n"));
        CreditTable.Write(writer, ReportWriter.KeyHeader(grouping), columns);
    }
}
