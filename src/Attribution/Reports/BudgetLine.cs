namespace Attribution.Reports;

/// <summary>One channel's current and proposed spend in a <see cref="BudgetPlan"/>, and the value the what-if's assumption expects from it.</summary>
/// <param name="Key">The channel (or campaign) name, or <see cref="BudgetPlan.TotalKey"/> for the plan's total.</param>
/// <param name="CurrentSpend">The current spend s₀.</param>
/// <param name="CurrentValue">The value v₀ the model credited the channel with at its current spend.</param>
/// <param name="ProposedSpend">The spend s the plan proposes.</param>
/// <param name="ExpectedValue">The value the assumption expects at the proposed spend, v₀ · (s / s₀)^β.</param>
/// <param name="Bound">Whether the proposed spend sits at one of the channel's bounds; <see cref="BudgetBound.None"/> for the total.</param>
public sealed record BudgetLine(string Key, double CurrentSpend, double CurrentValue, double ProposedSpend, double ExpectedValue, BudgetBound Bound)
{
    /// <summary>Gets the change of spend the plan proposes, <see cref="ProposedSpend"/> − <see cref="CurrentSpend"/>.</summary>
    public double Change => ProposedSpend - CurrentSpend;
}
