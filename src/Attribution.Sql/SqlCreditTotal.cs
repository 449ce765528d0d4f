namespace Attribution.Sql;

/// <summary>One row of a credit query's result: the credited conversions and value of one channel, campaign, the
/// unattributed conversions or all conversions, for one conversion kind.</summary>
/// <param name="Dimension">What the row totals.</param>
/// <param name="Kind">The conversion kind.</param>
/// <param name="Key">The channel or campaign name; <c>(none)</c> for touches without a campaign, <c>(unattributed)</c> or <c>(total)</c>.</param>
/// <param name="Conversions">The conversions credited (a sum of shares), or counted.</param>
/// <param name="Value">The value credited, or counted.</param>
public readonly record struct SqlCreditTotal(SqlCreditDimension Dimension, string Kind, string Key, double Conversions, double Value);
