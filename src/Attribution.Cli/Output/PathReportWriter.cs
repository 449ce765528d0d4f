using System.Globalization;
using Attribution.Journeys;

namespace Attribution.Cli.Output;

/// <summary>Writes a <see cref="PathReport"/> in the shapes of <see cref="ReportWriter"/>: the same CSV columns, table
/// layout and JSON document, with the kind <c>conversion</c> (a path file has no kinds).</summary>
internal static class PathReportWriter
{
    public static void Write(TextWriter writer, PathReport report, ReportFormat format)
    {
        var blocks = report.Results
            .Select(static r => CreditBlock.Create(r.Model, Conversion.DefaultKind, r.TotalConversions, r.TotalValue, r.UnattributedConversions, r.UnattributedValue, r.Rows))
            .ToList();
        var paths = report.Paths;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"path level, {paths.Count:N0} distinct paths, {CreditTable.Count(paths.TotalConversions)} conversions, {CreditTable.Count(paths.TotalNulls)} without conversion");
        ReportWriter.Write(writer, new CreditReport(blocks, "channel", summary, Period: null).WithIntervals(report.Intervals, ReportGrouping.Channel), format);
    }
}
