using System.Globalization;

namespace Attribution.Reports;

/// <summary>Shares a budget among channels so that the total expected value is largest, under a stated assumption of
/// how each channel's value responds to its spend: a what-if, not a forecast.</summary>
/// <remarks>
/// <para><b>Assumption.</b> A channel that spent s₀ and was credited v₀ (from <see cref="ReturnOnSpend"/>) would be credited
/// v(s) = v₀ · (s / s₀)^β at spend s, β = <see cref="BudgetWhatIfOptions.Elasticity"/>, 0 &lt; β ≤ 1.</para>
/// <para><b>Problem.</b> Maximise Σ v(sᵢ) subject to Σ sᵢ = budget and min × s₀ᵢ ≤ sᵢ ≤ max × s₀ᵢ.</para>
/// <para><b>Who takes part.</b> Channels with no current spend are left out and listed in <see cref="BudgetPlan.LeftOut"/>:
/// the assumption says nothing about them. Channels with spend but no credit (v₀ = 0) gain nothing from money, so they are
/// put at their minimum. The budget is infeasible, and rejected, when it is below Σ min × s₀ over the channels with
/// spend, or above Σ max × s₀ over the channels with credit plus the minimums of those without.</para>
/// <para><b>β &lt; 1</b> (the objective is concave and separable, so the Karush–Kuhn–Tucker conditions are necessary and
/// sufficient): with a = v₀ / s₀^β, a channel between its bounds has marginal value a β s^(β−1) equal to one common
/// λ, so without bounds s ∝ a^(1/(1−β)). With bounds, s = clip(c · a^(1/(1−β)), min × s₀, max × s₀) for the one c at
/// which the spends add up to the budget. It is found by clipping and sharing again: share what is left of the budget
/// among the channels not yet fixed, in proportion to a^(1/(1−β)); if some fall outside their bounds, add up how far the
/// channels are below their minimums and how far above their maximums; fix the larger side at its bounds (the channels
/// below their minimums when that sum is at least the other), take their spend off the budget and share again; stop when
/// no channel falls outside. Fixing only one side per round is what makes the result exact: when channels fall out on both
/// sides, fixing both at once can fix a channel at a bound it would leave in the next round (Bitran and Hax's variable
/// fixing). Each round fixes at least one channel, so there are at most as many rounds as channels.</para>
/// <para><b>β = 1</b> (value proportional to spend, constant ROAS v₀ / s₀): every channel starts at its minimum, then the
/// rest of the budget goes to the best ROAS up to its maximum, then to the next, and so on; channels with equal ROAS are
/// filled in row order.</para>
/// </remarks>
/// <example>
/// <code>
/// var plan = BudgetWhatIf.Plan(report["linear"], spend, new BudgetWhatIfOptions { Budget = 250_000, MinMultiplier = 0.5, MaxMultiplier = 2 });
/// Console.WriteLine(plan.Assumption);
/// foreach (var line in plan.Lines)
///     Console.WriteLine($"{line.Key}: {line.CurrentSpend:N0} → {line.ProposedSpend:N0}, expected value {line.ExpectedValue:N0}");
/// </code>
/// </example>
public static class BudgetWhatIf
{
    // A budget this close to Σ min or Σ max (relative) is that bound: sums of multiplied spends carry rounding.
    private const double FeasibilityTolerance = 1e-12;

    /// <summary>Plans a budget per channel from one model's credit and the current spend.</summary>
    /// <param name="result">The model's result.</param>
    /// <param name="spend">The current spend.</param>
    /// <param name="options">The budget and the assumption.</param>
    /// <param name="kind">The conversion kind whose credit is the value (for example <c>order</c>); null for data with one kind.</param>
    /// <returns>The plan, over the rows of <see cref="ReturnOnSpend.ByChannel(AttributionResult, SpendTable)"/> of that kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or the budget is infeasible.</exception>
    /// <exception cref="ArgumentException">No channel has spend.</exception>
    /// <exception cref="InvalidOperationException">The data has several conversion kinds and <paramref name="kind"/> is null: a
    /// lead's value and an order's are never added together.</exception>
    /// <exception cref="KeyNotFoundException">The data has no conversion of <paramref name="kind"/>.</exception>
    public static BudgetPlan Plan(AttributionResult result, SpendTable spend, BudgetWhatIfOptions options, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentNullException.ThrowIfNull(options);
        var planned = kind is null
            ? result.Kinds.Count == 1 ? result.Kinds[0].Kind : throw new InvalidOperationException($"The data has {result.Kinds.Count} conversion kinds ({string.Join(", ", result.Kinds.Select(k => k.Kind))}); name the kind whose value the budget is planned for.")
            : result.ForKind(kind).Kind;
        return Plan(ReturnOnSpend.ByChannel(result, spend).Where(r => r.Kind == planned), options);
    }

    /// <summary>Plans a budget per key from spend and credit already matched, for example per campaign.</summary>
    /// <param name="returns">One model's spend and credit per key, as <see cref="ReturnOnSpend"/> computes them; keys distinct.</param>
    /// <param name="options">The budget and the assumption.</param>
    /// <returns>The plan, one line per key with spend in the order given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or the budget is infeasible.</exception>
    /// <exception cref="ArgumentException">No key has spend, a key repeats, or the rows come from more than one model.</exception>
    public static BudgetPlan Plan(IEnumerable<SpendReturn> returns, BudgetWhatIfOptions options)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var rows = returns.ToArray();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<SpendReturn>(rows.Length);
        var leftOut = new List<SpendReturn>();
        foreach (var row in rows)
        {
            if (row is null)
            {
                throw new ArgumentException("The returns hold a null row.", nameof(returns));
            }

            if (row.Model != rows[0].Model)
            {
                throw new ArgumentException($"The returns come from more than one model ('{rows[0].Model}' and '{row.Model}'); plan one model at a time.", nameof(returns));
            }

            if (!keys.Add(row.Key))
            {
                throw new ArgumentException($"The returns hold '{row.Key}' twice; each channel or campaign may appear once.", nameof(returns));
            }

            (row.Spend > 0 ? planned : leftOut).Add(row);
        }

        if (planned.Count == 0)
        {
            throw new ArgumentException("No channel has spend: a budget what-if starts from current spend.", nameof(returns));
        }

        var spends = Solve(planned, options);
        var lines = new BudgetLine[planned.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var (s0, v0, s) = (planned[i].Spend, planned[i].Value, spends[i].Spend);
            lines[i] = new BudgetLine(planned[i].Key, s0, v0, s, v0 * Math.Pow(s / s0, options.Elasticity), spends[i].Bound);
        }

        return new BudgetPlan(rows[0].Model, options, lines, leftOut);
    }

    private static (double Spend, BudgetBound Bound)[] Solve(List<SpendReturn> rows, BudgetWhatIfOptions options)
    {
        var n = rows.Count;
        var lo = new double[n];
        var hi = new double[n];
        double sumMin = 0, sumMax = 0;
        for (var i = 0; i < n; i++)
        {
            lo[i] = options.MinMultiplier * rows[i].Spend;
            hi[i] = options.MaxMultiplier * rows[i].Spend;
            sumMin += lo[i];

            // A channel without credit stays at its minimum, so its maximum cannot absorb budget.
            sumMax += rows[i].Value > 0 ? hi[i] : lo[i];
        }

        var budget = options.Budget;
        var slack = FeasibilityTolerance * budget;
        if (budget < sumMin - slack)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                budget,
                $"The budget, {Text(budget)}, is below {Text(sumMin)}, the least the {n} channel(s) with spend may spend: {Text(options.MinMultiplier)} × their current spend of {Text(Sum(rows))}.");
        }

        if (budget > sumMax + slack)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                budget,
                $"The budget, {Text(budget)}, is above {Text(sumMax)}, the most the channels may spend: {Text(options.MaxMultiplier)} × the current spend of the channels with credit, and the minimum of those with spend but no credit.");
        }

        var result = new (double Spend, BudgetBound Bound)[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = (lo[i], BudgetBound.Minimum);
        }

        // At (or within rounding of) a bound of the budget there is nothing to choose.
        if (budget <= sumMin + slack)
        {
            return result;
        }

        if (budget >= sumMax - slack)
        {
            for (var i = 0; i < n; i++)
            {
                if (rows[i].Value > 0)
                {
                    result[i] = (hi[i], BudgetBound.Maximum);
                }
            }

            return result;
        }

        if (options.Elasticity == 1)
        {
            FillByRoas(rows, lo, hi, budget - sumMin, result);
        }
        else
        {
            ClipAndShare(rows, lo, hi, budget, options.Elasticity, result);
        }

        return result;
    }

    /// <summary>β = 1: from everyone at the minimum, the rest to the best ROAS up to its maximum, then the next.</summary>
    private static void FillByRoas(List<SpendReturn> rows, double[] lo, double[] hi, double rest, (double Spend, BudgetBound Bound)[] result)
    {
        var order = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i].Value > 0)
            .OrderByDescending(i => rows[i].Value / rows[i].Spend)
            .ToArray();
        foreach (var i in order)
        {
            if (rest <= 0)
            {
                break;
            }

            var room = hi[i] - lo[i];
            if (rest >= room)
            {
                result[i] = (hi[i], BudgetBound.Maximum);
                rest -= room;
            }
            else
            {
                result[i] = (lo[i] + rest, BudgetBound.None);
                rest = 0;
            }
        }
    }

    /// <summary>β &lt; 1: share in proportion to a^(1/(1−β)); fix the larger side of violations at its bounds; repeat.</summary>
    private static void ClipAndShare(List<SpendReturn> rows, double[] lo, double[] hi, double budget, double beta, (double Spend, BudgetBound Bound)[] result)
    {
        var n = rows.Count;

        // ln of a^(1/(1−β)), a = v₀ / s₀^β: in logarithms, since the power overflows as β nears 1.
        var logWeight = new double[n];
        var free = new List<int>(n);
        var rest = budget;
        for (var i = 0; i < n; i++)
        {
            if (rows[i].Value > 0)
            {
                logWeight[i] = (Math.Log(rows[i].Value) - (beta * Math.Log(rows[i].Spend))) / (1 - beta);
                free.Add(i);
            }
            else
            {
                rest -= lo[i];
            }
        }

        var share = new double[n];
        while (free.Count > 0)
        {
            // Scale by the largest weight among the free channels so the largest is 1 and their sum cannot underflow to 0.
            var top = double.NegativeInfinity;
            foreach (var i in free)
            {
                top = Math.Max(top, logWeight[i]);
            }

            var total = 0.0;
            foreach (var i in free)
            {
                share[i] = Math.Exp(logWeight[i] - top);
                total += share[i];
            }

            double below = 0, above = 0;
            foreach (var i in free)
            {
                share[i] = rest * (share[i] / total);
                if (share[i] < lo[i])
                {
                    below += lo[i] - share[i];
                }
                else if (share[i] > hi[i])
                {
                    above += share[i] - hi[i];
                }
            }

            if (below == 0 && above == 0)
            {
                // A share that lands exactly on a bound is at that bound.
                foreach (var i in free)
                {
                    result[i] = share[i] == hi[i] ? (hi[i], BudgetBound.Maximum)
                        : share[i] == lo[i] ? (lo[i], BudgetBound.Minimum)
                        : (share[i], BudgetBound.None);
                }

                return;
            }

            // Σ clip(c · w) is non-decreasing in c: when the shortfall below the minimums is at least the excess above the
            // maximums, the exact c is no larger than this one, so the channels below their minimums stay there (and
            // symmetrically for the maximums). Fixing that side alone is therefore always right.
            var fixBelow = below >= above;
            var kept = new List<int>(free.Count);
            foreach (var i in free)
            {
                if (fixBelow && share[i] < lo[i])
                {
                    result[i] = (lo[i], BudgetBound.Minimum);
                    rest -= lo[i];
                }
                else if (!fixBelow && share[i] > hi[i])
                {
                    result[i] = (hi[i], BudgetBound.Maximum);
                    rest -= hi[i];
                }
                else
                {
                    kept.Add(i);
                }
            }

            free = kept;
        }
    }

    private static double Sum(List<SpendReturn> rows)
    {
        var sum = 0.0;
        foreach (var row in rows)
        {
            sum += row.Spend;
        }

        return sum;
    }

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
