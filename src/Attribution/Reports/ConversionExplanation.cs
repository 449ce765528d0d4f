using System.Text;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>One conversion of an explained journey: every touch before it (eligible or why not) and, for the eligible
/// ones, their weights, shares and credited values.</summary>
/// <param name="Index">The conversion's place in <see cref="Journey.Conversions"/> (0-based, time order).</param>
/// <param name="Conversion">The conversion.</param>
/// <param name="Outcome">Credited, unattributed or outside the reporting period.</param>
/// <param name="Touches">Every touch of the journey sorted before the conversion (touches at its instant count as
/// before it), in time order.</param>
public sealed record ConversionExplanation(int Index, Conversion Conversion, ConversionOutcome Outcome, IReadOnlyList<TouchExplanation> Touches)
{
    /// <summary>Gets, for a Shapley model, the worth v(S) of the coalitions of the conversion's eligible channel set (every
    /// coalition for up to six channels, else those worth more than 0); empty for other models.</summary>
    public IReadOnlyList<CoalitionValue> Coalitions { get; init; } = [];

    /// <summary>Gets the eligible touches, in time order.</summary>
    public IEnumerable<TouchExplanation> EligibleTouches => Touches.Where(static t => t.IsEligible);

    /// <summary>Gets the conversion and its touches, one per line (what the CLI prints).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        var id = Conversion.Id is null ? string.Empty : $" {Conversion.Id}";
        var eligible = EligibleTouches.Count();
        var outcome = Outcome switch
        {
            ConversionOutcome.Credited => $"credited to {eligible} of {Touches.Count} touches before it",
            ConversionOutcome.Unattributed when eligible == 0 => $"unattributed: none of the {Touches.Count} touches before it is eligible",
            ConversionOutcome.Unattributed => $"unattributed: the model gave each of its {eligible} eligible touches weight 0",
            _ => "not reported: outside the reporting period",
        };
        text.Append($"{Conversion.Kind}{id} at {ExplanationText.Instant(Conversion.Instant)}, value {ExplanationText.Number(Conversion.Value)}: {outcome}");
        foreach (var touch in Touches)
        {
            text.Append("\n  ").Append(touch);
        }

        if (Coalitions.Count > 0)
        {
            text.Append("\n  coalitions: ").AppendJoin(", ", Coalitions);
        }

        return text.ToString();
    }
}
