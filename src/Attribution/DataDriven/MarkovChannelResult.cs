namespace Attribution.DataDriven;

/// <summary>What a fitted Markov chain says about one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="RemovalEffect">1 − P(conversion | channel removed) / P(conversion), from 0 to 1.</param>
/// <param name="ValueRemovalEffect">The same ratio for the expected conversion value, from 0 to 1.</param>
/// <param name="AttributedConversions">Total conversions × removal effect / sum of all removal effects.</param>
/// <param name="AttributedValue">Total value × value removal effect / sum of all value removal effects.</param>
public sealed record MarkovChannelResult(string Channel, double RemovalEffect, double ValueRemovalEffect, double AttributedConversions, double AttributedValue);
