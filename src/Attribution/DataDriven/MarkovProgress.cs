namespace Attribution.DataDriven;

/// <summary>How far fitting a Markov chain has come (see <see cref="MarkovOptions.Progress"/>).</summary>
/// <param name="StepsDone">The steps done so far.</param>
/// <param name="StepCount">The steps in all: for order 1, two per state (eliminating it, then its entry of the
/// fundamental matrix); for higher orders, one per channel (solving the chain without it).</param>
public readonly record struct MarkovProgress(int StepsDone, int StepCount);
