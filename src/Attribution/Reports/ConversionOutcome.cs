namespace Attribution.Reports;

/// <summary>What became of one conversion's credit.</summary>
public enum ConversionOutcome
{
    /// <summary>The eligible touches share the conversion's value.</summary>
    Credited,

    /// <summary>No touch is eligible, or the model gave every eligible touch weight 0: reported as unattributed.</summary>
    Unattributed,

    /// <summary>The conversion lies outside the reporting period and is not reported (it still resets windows and marks stages).</summary>
    OutsidePeriod,
}
