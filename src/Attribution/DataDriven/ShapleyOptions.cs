namespace Attribution.DataDriven;

/// <summary>Options of <see cref="ShapleyAttribution.Fit"/>.</summary>
public sealed record ShapleyOptions
{
    /// <summary>Gets how channel credit is computed from the conversion rates of channel sets.</summary>
    /// <value>The default value is <see cref="ShapleyMethod.ChannelSetGame"/>.</value>
    public ShapleyMethod Method { get; init; } = ShapleyMethod.ChannelSetGame;

    /// <summary>Gets the largest number of distinct channels in a journey for which Shapley values are computed exactly.</summary>
    /// <value>The default value is 16. Allowed: 0 to 64; 0 samples every channel set.</value>
    /// <remarks>
    /// The exact value of a set of n channels sums over the observed sets contained in it, at most min(2^n, number of
    /// observed sets) of them. Larger sets are estimated by permutation sampling (<see cref="Samples"/>). Only used by
    /// <see cref="ShapleyMethod.ChannelSetGame"/>; the closed form is always exact.
    /// </remarks>
    public int ExactChannelCap { get; init; } = 16;

    /// <summary>Gets the number of random channel orders drawn to estimate the Shapley values of a set larger than <see cref="ExactChannelCap"/>.</summary>
    /// <value>The default value is 2000. At least 1.</value>
    /// <remarks>
    /// Each order gives every channel its marginal contribution v(S ∪ {i}) − v(S), where S is the channels before it;
    /// the estimate is the mean over orders. The estimates add up exactly to v(U) (every order telescopes), and each is
    /// unbiased with standard error σ_i / √Samples, where σ_i is the standard deviation of channel i's marginal
    /// contribution over orders. Conversion rates lie in [0, 1], so σ_i ≤ 1 and the error is at most 1 / √Samples
    /// (0.022 at 2000) in conversion-rate units; on real data it is usually far smaller.
    /// </remarks>
    public int Samples { get; init; } = 2000;

    /// <summary>Gets the seed of the permutation sampling.</summary>
    /// <value>The default value is 1.</value>
    /// <remarks>Each channel set draws from its own stream derived from this seed and the set, so results do not depend on
    /// the order in which sets are met or on threads.</remarks>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException("options.Method", Method, "ShapleyOptions.Method must be ChannelSetGame or SimplifiedClosedForm.");
        }

        if (ExactChannelCap is < 0 or > 64)
        {
            throw new ArgumentOutOfRangeException("options.ExactChannelCap", ExactChannelCap, "ShapleyOptions.ExactChannelCap must be between 0 and 64.");
        }

        if (Samples < 1)
        {
            throw new ArgumentOutOfRangeException("options.Samples", Samples, "ShapleyOptions.Samples must be at least 1.");
        }
    }
}
