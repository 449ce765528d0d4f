using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>One touch of a journey as one of its conversions sees it: eligible or why not, and, when eligible, its weight,
/// share and credited value with the model's reason.</summary>
/// <param name="Index">The touch's place in <see cref="Journey.Touchpoints"/> (0-based, time order).</param>
/// <param name="Touchpoint">The touch.</param>
/// <param name="Age">Δt, the time from the touch to the conversion.</param>
/// <param name="Eligibility">Eligible, or the rule that keeps it out.</param>
/// <param name="Weight">The weight the model wrote (only ratios between a conversion's weights matter); 0 when not eligible.</param>
/// <param name="Share">Weight / Σ weights of the conversion's eligible touches, as the engine scales it; 0 when not eligible
/// or when the conversion is unattributed.</param>
/// <param name="Value">Share × the conversion's value.</param>
/// <param name="Reason">What the weight rests on; <see cref="CreditReason.None"/> when not eligible.</param>
/// <param name="Detail">The reason, or why the touch is not eligible, in words.</param>
public sealed record TouchExplanation(
    int Index,
    Touchpoint Touchpoint,
    TimeSpan Age,
    TouchEligibility Eligibility,
    double Weight,
    double Share,
    double Value,
    CreditReason Reason,
    string Detail)
{
    /// <summary>Gets whether the touch is eligible.</summary>
    public bool IsEligible => Eligibility == TouchEligibility.Eligible;

    /// <summary>Gets the touch's position among the conversion's eligible touches, from 1; 0 when not eligible.</summary>
    public int Position { get; init; }

    /// <summary>Gets 2^(−Δt / h) for time-decay; null for other models.</summary>
    public double? DecayFactor { get; init; }

    /// <summary>Gets the milestones the touch holds that carry a weight (<c>M0 first touch</c>, …) for milestone models;
    /// empty otherwise, and for a touch that shares the rest weight.</summary>
    public IReadOnlyList<string> Milestones { get; init; } = [];

    /// <summary>Gets the removal effect of the touch's channel for a Markov model (0 for a channel it never saw); null otherwise.</summary>
    public double? RemovalEffect { get; init; }

    /// <summary>Gets the Shapley value of the touch's channel in the game of the conversion's channel set, before it is
    /// clipped at 0 and normalised; null for other models.</summary>
    public double? ShapleyValue { get; init; }

    /// <summary>Gets the touch on one line: channel, campaign, instant, Δt, then its credit and reason or why it is not eligible.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var campaign = Touchpoint.Campaign is null ? string.Empty : " / " + Touchpoint.Campaign;
        var head = $"#{Index} {Touchpoint.Channel}{campaign} at {ExplanationText.Instant(Touchpoint.Instant)} (Δt {ExplanationText.Duration(Age)})";
        return IsEligible
            ? $"{head}: weight {ExplanationText.Number(Weight)}, share {ExplanationText.Number(Share)}, value {ExplanationText.Number(Value)} — {Detail}"
            : $"{head}: not eligible — {Detail}";
    }
}
