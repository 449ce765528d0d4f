using Attribution.Engine;

namespace Attribution.IO;

/// <summary>Options for <see cref="HtmlReportWriter"/>.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>Gets the report's title.</summary>
    /// <value>The default value is "Attribution report".</value>
    public string Title { get; init; } = "Attribution report";

    /// <summary>Gets how many campaigns the top-campaigns section shows.</summary>
    /// <value>The default value is 10.</value>
    public int TopCampaigns { get; init; } = 10;

    /// <summary>Gets how many paths the conversion-path table shows.</summary>
    /// <value>The default value is 15.</value>
    public int TopPaths { get; init; } = 15;

    /// <summary>Gets the eligibility rules used for paths and time to conversion; use the options the report was run with.</summary>
    /// <value>The default value is <see langword="null"/>: the engine's defaults.</value>
    public AttributionOptions? Attribution { get; init; }

    /// <summary>Gets the conversion kinds the report shows.</summary>
    /// <value>The default value is <see langword="null"/>: every kind of the data.</value>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Gets the credit per team against each team's target, shown as a section with attainment bars.</summary>
    /// <value>The default value is <see langword="null"/>: no team section. Build it from the same report with
    /// <see cref="Reports.TeamReport.Build"/>.</value>
    public Reports.TeamReport? Teams { get; init; }

    /// <summary>Gets bootstrap intervals of the report's models (<see cref="Reports.BootstrapIntervals"/>), drawn as error
    /// bars on the credit-per-channel chart and listed in its table.</summary>
    /// <value>The default value is <see langword="null"/>: no intervals.</value>
    public Reports.IntervalReport? Intervals { get; init; }

    // Lists print their items, not their type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
