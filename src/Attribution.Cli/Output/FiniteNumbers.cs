using Attribution.Reports;

namespace Attribution.Cli.Output;

/// <summary>Stops a run whose numbers overflowed before any of them is written: no table, CSV, JSON or HTML ever shows
/// <c>Infinity</c> or <c>NaN</c>.</summary>
/// <remarks>Values and weights are finite when read, but sums of them are not bound to be: two conversions of 1e308 add
/// up to infinity, and a share of an infinite sum is not a number. Every report is checked here, once, after the run and
/// before its output is written; the error names the input so the user knows what to scale down.</remarks>
internal static class FiniteNumbers
{
    /// <summary>Checks every total and row of every model of the report.</summary>
    /// <exception cref="CliException">A number is infinite or not a number (exit code 1).</exception>
    public static void Require(AttributionReport report, string source)
    {
        foreach (var result in report.Results)
        {
            foreach (var kind in result.Kinds)
            {
                var model = $"model '{result.Model}' for kind '{kind.Kind}'";
                Require(kind.TotalValue, source, $"the total conversion value of {model}");
                Require(kind.UnattributedValue, source, $"the unattributed value of {model}");
                Require(kind.ByChannel, source, model, "channel");
                Require(kind.ByCampaign, source, model, "campaign");
            }
        }
    }

    /// <summary>Checks the path-level credit of every model.</summary>
    /// <exception cref="CliException">A number is infinite or not a number (exit code 1).</exception>
    public static void Require(PathReport report, string source)
    {
        foreach (var result in report.Results)
        {
            Require(result.Rows, source, $"model '{result.Model}'", "channel");
        }
    }

    /// <summary>Checks the spend per channel and campaign.</summary>
    /// <exception cref="CliException">A total is infinite (exit code 1).</exception>
    public static void Require(SpendTable spend, string source)
    {
        Require(spend.Total, source, "the total spend");
        foreach (var total in spend.ByChannel)
        {
            Require(total.Cost, source, $"the spend on channel '{total.Key}'");
        }

        foreach (var total in spend.ByCampaign)
        {
            Require(total.Cost, source, $"the spend on campaign '{total.Key}'");
        }
    }

    /// <summary>Checks one number.</summary>
    /// <exception cref="CliException">It is infinite or not a number (exit code 1).</exception>
    public static void Require(double value, string source, string what)
    {
        if (!double.IsFinite(value))
        {
            var kind = double.IsNaN(value) ? "not a number" : "infinite";
            throw CliException.BadData($"'{source}': {what} is {kind}: the input's numbers add up beyond the largest number this tool can hold (about 1.8e308); scale them down.");
        }
    }

    private static void Require(IReadOnlyList<CreditTotal> rows, string source, string model, string key)
    {
        foreach (var row in rows)
        {
            Require(row.Value, source, $"the value {model} credits to {key} '{row.Key}'");
            Require(row.Conversions, source, $"the conversions {model} credits to {key} '{row.Key}'");
        }
    }
}
