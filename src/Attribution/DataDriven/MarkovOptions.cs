namespace Attribution.DataDriven;

/// <summary>Options for fitting a Markov-chain attribution model with <see cref="MarkovChain.Fit"/>.</summary>
public sealed record MarkovOptions
{
    /// <summary>Gets the order k of the chain: each state is a window of k consecutive channels.</summary>
    /// <value>The default value is 1 (one state per channel). From 1 to 32; <see cref="MarkovChain.ChooseOrder"/> helps pick it.</value>
    public int Order { get; init; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Order, 1, nameof(Order));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Order, 32, nameof(Order));
    }
}
