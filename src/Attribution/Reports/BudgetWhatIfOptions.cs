using System.Globalization;

namespace Attribution.Reports;

/// <summary>The budget to share and the assumption a <see cref="BudgetWhatIf"/> shares it under.</summary>
/// <remarks>
/// <para>Each channel's credited value v₀ at its current spend s₀ is assumed to respond to spend as
/// v(s) = v₀ · (s / s₀)^β, β = <see cref="Elasticity"/>, and each channel's new spend is kept between
/// <see cref="MinMultiplier"/> × s₀ and <see cref="MaxMultiplier"/> × s₀.</para>
/// <para>Each value is checked when it is set; that the minimum does not exceed the maximum is checked when a plan is made.</para>
/// </remarks>
public sealed record BudgetWhatIfOptions
{
    /// <summary>Gets the total spend to share among the channels that have spend now.</summary>
    /// <value>Required. Must be positive and finite, and at least the sum of the channels' minimums and at most the sum of their maximums.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public required double Budget
    {
        get;
        init => field = CheckBudget(value);
    }

    /// <summary>Gets the elasticity β: how value responds to spend, v(s) = v₀ · (s / s₀)^β.</summary>
    /// <value>The default value is 0.5 (doubling a channel's spend multiplies its value by √2 ≈ 1.41). Must be in (0, 1]:
    /// below 1 every extra unit of money earns less than the one before; 1 means value proportional to spend (constant ROAS).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double Elasticity
    {
        get;
        init => field = CheckElasticity(value);
    } = 0.5;

    /// <summary>Gets the least a channel may spend, as a multiple of its current spend.</summary>
    /// <value>The default value is 0: no lower bound (a channel may lose all of its spend). Must be finite, ≥ 0 and ≤ <see cref="MaxMultiplier"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double MinMultiplier
    {
        get;
        init => field = CheckMinMultiplier(value);
    }

    /// <summary>Gets the most a channel may spend, as a multiple of its current spend.</summary>
    /// <value>The default value is <see cref="double.PositiveInfinity"/>: no upper bound. Must be positive.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public double MaxMultiplier
    {
        get;
        init => field = CheckMaxMultiplier(value);
    } = double.PositiveInfinity;

    internal void Validate()
    {
        CheckBudget(Budget);
        CheckElasticity(Elasticity);
        CheckMinMultiplier(MinMultiplier);
        CheckMaxMultiplier(MaxMultiplier);
        if (MinMultiplier > MaxMultiplier)
        {
            throw new ArgumentOutOfRangeException(nameof(MinMultiplier), MinMultiplier, $"The minimum multiplier, {Text(MinMultiplier)}, exceeds the maximum multiplier, {Text(MaxMultiplier)}.");
        }
    }

    private static double CheckBudget(double value, string name = nameof(Budget)) => double.IsFinite(value) && value > 0
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"The budget must be a positive, finite amount, but was {Text(value)}.");

    private static double CheckElasticity(double value, string name = nameof(Elasticity)) => value is > 0 and <= 1
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"The elasticity β must be greater than 0 and at most 1, but was {Text(value)}.");

    private static double CheckMinMultiplier(double value, string name = nameof(MinMultiplier)) => double.IsFinite(value) && value >= 0
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"The minimum multiplier must be a finite number ≥ 0, but was {Text(value)}.");

    private static double CheckMaxMultiplier(double value, string name = nameof(MaxMultiplier)) => value > 0
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"The maximum multiplier must be positive (infinity for no upper bound), but was {Text(value)}.");

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
