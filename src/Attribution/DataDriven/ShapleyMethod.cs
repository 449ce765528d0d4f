namespace Attribution.DataDriven;

/// <summary>How <see cref="ShapleyAttribution"/> turns the conversion rates of channel sets into channel credit.</summary>
public enum ShapleyMethod
{
    /// <summary>
    /// The Shapley value of the channel-set game: for a journey whose distinct channels are U, the players are the
    /// channels of U and the worth v(S) of a coalition S ⊆ U is the conversion rate of the training paths whose distinct
    /// channels are exactly S (0 when no such path was seen).
    /// </summary>
    ChannelSetGame,

    /// <summary>
    /// The simplified closed form of Zhao et al. (2018), φ_j = Σ_{T ⊆ U, j ∈ T} R(T) / |T|, with R(T) the conversion
    /// rate of channel set T: each observed set's rate is shared equally by its channels.
    /// </summary>
    /// <remarks>
    /// This is not the Shapley value of the channel-set game. It is the exact Shapley value of a different game, the one
    /// whose Harsanyi dividends are the rates R(T), that is w(S) = Σ_{T ⊆ S} R(T): a set's worth is taken to be the sum
    /// of the rates of all its subsets. It is cheap (no weights, one pass over observed subsets) and never negative.
    /// </remarks>
    SimplifiedClosedForm,
}
