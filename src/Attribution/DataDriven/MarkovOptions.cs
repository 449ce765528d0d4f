namespace Attribution.DataDriven;

/// <summary>Options for fitting a Markov-chain attribution model with <see cref="MarkovChain.Fit"/>.</summary>
public sealed record MarkovOptions
{
    /// <summary>Gets the order k of the chain: each state is a window of k consecutive channels.</summary>
    /// <value>The default value is 1 (one state per channel). From 1 to 32; <see cref="MarkovChain.ChooseOrder"/> helps pick it.</value>
    public int Order { get; init; } = 1;

    /// <summary>Gets where fitting reports how far it has come, for progress displays on chains with thousands of states.</summary>
    /// <value>The default value is <see langword="null"/>: no reports. Reports come from the thread that fits, every few
    /// hundred steps and at the end; a report never changes the results.</value>
    public IProgress<MarkovProgress>? Progress { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Order, 1, nameof(Order));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Order, 32, nameof(Order));
    }
}
