using System.Text;
using Attribution.Journeys;

namespace Attribution.Reports;

/// <summary>Why one model credited one journey as it did: for every conversion, which touches were eligible (and why the
/// others were not), and each eligible touch's weight, share and credited value with the model's reason.</summary>
/// <param name="JourneyId">The journey's id.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Conversions">One explanation per conversion of the journey, in time order.</param>
/// <remarks>Made by <see cref="Engine.AttributionEngine.Explain"/> under the same eligibility rule and the same
/// weight-to-share arithmetic as <see cref="Engine.AttributionEngine.Run(JourneySet, Models.IAttributionModel)"/>: the
/// values of the eligible touches are the credits the run gives that journey.</remarks>
public sealed record JourneyExplanation(string JourneyId, string Model, IReadOnlyList<ConversionExplanation> Conversions)
{
    /// <summary>Gets the explanation as text, a heading and then each conversion with its touches (what the CLI prints).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder($"journey {JourneyId}, model {Model}: {Conversions.Count} conversion(s)");
        foreach (var conversion in Conversions)
        {
            text.Append('\n').Append(conversion);
        }

        return text.ToString();
    }
}
