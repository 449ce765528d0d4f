namespace Attribution.Cli.Output;

/// <summary>How the comparison of models is printed.</summary>
internal enum ReportFormat
{
    /// <summary>An aligned, side-by-side table for people.</summary>
    Table,

    /// <summary><c>model,channel,conversions,value</c> rows for spreadsheets and scripts.</summary>
    Csv,

    /// <summary>One JSON document with every model's totals and rows.</summary>
    Json,
}
