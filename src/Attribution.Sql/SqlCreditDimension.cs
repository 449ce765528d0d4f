namespace Attribution.Sql;

/// <summary>What a row of a credit query's result totals.</summary>
public enum SqlCreditDimension
{
    /// <summary>The credit of one channel for one conversion kind.</summary>
    Channel,

    /// <summary>The credit of one campaign (or of touches without one) for one conversion kind.</summary>
    Campaign,

    /// <summary>The conversions of one kind that no touch earned: no eligible touch, or all weighed 0.</summary>
    Unattributed,

    /// <summary>Every reported conversion of one kind and its value.</summary>
    Total,
}
