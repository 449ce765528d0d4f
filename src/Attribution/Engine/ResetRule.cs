namespace Attribution.Engine;

/// <summary>Which earlier touches a conversion may be credited from, relative to the journey's earlier conversions.</summary>
public enum ResetRule
{
    /// <summary>A conversion of kind k is credited from the touches after the journey's previous conversion of kind k
    /// (or from the journey's start when there is none). The default: an order can credit the webinar that started the
    /// deal, even though a lead and an opportunity came in between.</summary>
    SameKind,

    /// <summary>From the touches after the journey's previous conversion of any kind.</summary>
    Any,

    /// <summary>From every touch before the conversion; only the lookback limits the window.</summary>
    Never,
}
