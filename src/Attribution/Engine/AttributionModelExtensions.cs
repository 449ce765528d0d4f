using Attribution.Journeys;
using Attribution.Reports;

namespace Attribution.Models;

/// <summary>The friendly face: attribute one journey straight from a model.</summary>
public static class AttributionModelExtensions
{
    /// <summary>Credits the conversions of one journey with this model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="journey">The journey.</param>
    /// <param name="options">Eligibility rules; defaults (90-day lookback, no exclusions) when null.</param>
    /// <returns>Every touchpoint's credit per conversion, and the unattributed conversions.</returns>
    /// <example>
    /// <code>
    /// var journey = new Journey("anna",
    ///     [new Touchpoint(t0, "search"), new Touchpoint(t1, "email")],
    ///     [new Conversion(t2, value: 100, kind: "order")]);
    /// foreach (var credit in AttributionModels.Linear.Attribute(journey).Credits)
    ///     Console.WriteLine($"{credit.Touchpoint.Channel}: {credit.Value}");   // search: 50, email: 50
    /// </code>
    /// </example>
    public static JourneyAttribution Attribute(this IAttributionModel model, Journey journey, Engine.AttributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(journey);
        options ??= Engine.AttributionEngine.DefaultOptions;
        options.Validate();
        return Engine.OneJourney.Attribute(journey, model, options);
    }
}
