namespace Attribution.DataDriven;

/// <summary>One transition of a fitted Markov chain.</summary>
/// <param name="From">The source state: <c>(start)</c> or its channels joined by <c> &gt; </c>.</param>
/// <param name="To">The target state: channels joined by <c> &gt; </c>, <c>(conversion)</c> or <c>(null)</c>.</param>
/// <param name="Count">How many observed walks made this step (path counts, so possibly fractional).</param>
/// <param name="Probability">Count divided by all steps out of <paramref name="From"/>.</param>
public sealed record MarkovTransition(string From, string To, double Count, double Probability);
