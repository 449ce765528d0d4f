using System.Globalization;

namespace Attribution.Reports;

/// <summary>A what-if for one model: how to share a budget among the channels under the assumption of
/// <see cref="BudgetWhatIfOptions"/>, and the value that assumption expects. Not a forecast.</summary>
/// <remarks>The expected value holds only as far as the assumption does: that each channel's credited value responds to
/// its own spend as v₀ · (s / s₀)^β, independently of the other channels, and that the model's credit is the value the
/// channel causes. See <see cref="BudgetWhatIf"/> for how the plan is found.</remarks>
public sealed class BudgetPlan
{
    /// <summary>The key of <see cref="Total"/>.</summary>
    public const string TotalKey = "(total)";

    internal BudgetPlan(string model, BudgetWhatIfOptions options, IReadOnlyList<BudgetLine> lines, IReadOnlyList<SpendReturn> leftOut)
    {
        Model = model;
        Options = options;
        Lines = lines;
        LeftOut = leftOut;

        double currentSpend = 0, currentValue = 0, proposedSpend = 0, expectedValue = 0;
        foreach (var line in lines)
        {
            currentSpend += line.CurrentSpend;
            currentValue += line.CurrentValue;
            proposedSpend += line.ProposedSpend;
            expectedValue += line.ExpectedValue;
        }

        Total = new BudgetLine(TotalKey, currentSpend, currentValue, proposedSpend, expectedValue, BudgetBound.None);
    }

    /// <summary>Gets the name of the model whose credit the plan starts from.</summary>
    public string Model { get; }

    /// <summary>Gets the budget and the assumption the plan was made under.</summary>
    public BudgetWhatIfOptions Options { get; }

    /// <summary>Gets one line per channel with spend, in the order of the returns the plan was made from.</summary>
    public IReadOnlyList<BudgetLine> Lines { get; }

    /// <summary>Gets the channels left out because they have no current spend: with s₀ = 0 the assumption says nothing
    /// about what money would earn there. In the order of the returns the plan was made from.</summary>
    public IReadOnlyList<SpendReturn> LeftOut { get; }

    /// <summary>Gets the sums of <see cref="Lines"/>, keyed <see cref="TotalKey"/>: current spend and value, the proposed
    /// spend (the budget, up to rounding) and the expected value.</summary>
    public BudgetLine Total { get; }

    /// <summary>Gets one sentence that states the assumption, for labelling the plan wherever it is shown.</summary>
    public string Assumption
    {
        get
        {
            var beta = Options.Elasticity.ToString("G", CultureInfo.InvariantCulture);
            var min = Options.MinMultiplier.ToString("G", CultureInfo.InvariantCulture);
            var max = Options.MaxMultiplier.ToString("G", CultureInfo.InvariantCulture);
            var bounds = (Options.MinMultiplier > 0, double.IsPositiveInfinity(Options.MaxMultiplier)) switch
            {
                (false, true) => "with no bounds on a channel's spend",
                (true, true) => $"with each channel spending at least {min}× its current spend",
                (false, false) => $"with each channel spending at most {max}× its current spend",
                (true, false) => $"with each channel spending between {min}× and {max}× its current spend",
            };
            return $"What-if, not a forecast: assumes each channel's credited value ({Model} model) responds to its spend as v = v0 · (s / s0)^{beta}, {bounds}.";
        }
    }
}
