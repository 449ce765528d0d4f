namespace Attribution.Reports;

/// <summary>Whether a touch before a conversion may earn its credit, and if not, which rule keeps it out.</summary>
public enum TouchEligibility
{
    /// <summary>The touch is eligible: the model weighs it.</summary>
    Eligible,

    /// <summary>The touch is older than the conversion kind's lookback (Δt &gt; lookback).</summary>
    OutsideLookback,

    /// <summary>The touch came at or before an earlier conversion that resets the window (see <see cref="Engine.ResetRule"/>).</summary>
    BeforeReset,

    /// <summary>The touch's channel is excluded and the window holds touches of other channels.</summary>
    ExcludedChannel,

    /// <summary>The conversion lies outside the reporting period: it is not reported, so no touch earns its credit.</summary>
    ConversionOutsidePeriod,
}
