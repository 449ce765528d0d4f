namespace Attribution.Reports;

/// <summary>Whether a channel's proposed spend sits at one of its bounds in a <see cref="BudgetPlan"/>.</summary>
public enum BudgetBound
{
    /// <summary>Between its bounds: the spend is where the channel's marginal value equals that of every other channel between its bounds.</summary>
    None,

    /// <summary>At <see cref="BudgetWhatIfOptions.MinMultiplier"/> × current spend: the channel would earn less than the others from more money (or earned no credit at all).</summary>
    Minimum,

    /// <summary>At <see cref="BudgetWhatIfOptions.MaxMultiplier"/> × current spend: the channel would earn more than the others from more money, but may not take it.</summary>
    Maximum,
}
