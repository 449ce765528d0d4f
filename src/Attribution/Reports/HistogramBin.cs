namespace Attribution.Reports;

/// <summary>One bar of a distribution.</summary>
/// <param name="Label">What the bar counts, for example <c>1–3 d</c> or <c>4</c>.</param>
/// <param name="Count">How many fell into it.</param>
public readonly record struct HistogramBin(string Label, double Count);
