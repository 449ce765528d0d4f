namespace Attribution.Engine;

/// <summary>How far one model's run over a journey set has come.</summary>
/// <param name="Model">The name of the model running.</param>
/// <param name="JourneysDone">The journeys attributed so far by this model.</param>
/// <param name="JourneyCount">The journeys this model attributes in all.</param>
public readonly record struct AttributionProgress(string Model, int JourneysDone, int JourneyCount);
