namespace Attribution.B2B;

/// <summary>A day (UTC) whose touch count exceeded the trailing mean by more than the allowed number of standard deviations.</summary>
/// <param name="Day">The day.</param>
/// <param name="Touches">The row's touches that day.</param>
/// <param name="Mean">The mean daily count of the trailing window.</param>
/// <param name="StandardDeviation">The population standard deviation of the trailing window.</param>
public readonly record struct BurstDay(DateOnly Day, int Touches, double Mean, double StandardDeviation);
