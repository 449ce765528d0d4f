namespace Attribution.Models;

/// <summary>Options of the U-shaped (position-based) model: the shares of the first touch, the middle touches together, and the last touch.</summary>
/// <remarks>Each ratio must be finite and not negative, and the three must add up to 1 (within 1e-9).</remarks>
public sealed record UShapedModelOptions
{
    /// <summary>Gets the share of the first touch.</summary>
    /// <value>The default value is 0.4.</value>
    public double First { get; init; } = 0.4;

    /// <summary>Gets the share all middle touches split evenly.</summary>
    /// <value>The default value is 0.2.</value>
    public double Middle { get; init; } = 0.2;

    /// <summary>Gets the share of the last touch.</summary>
    /// <value>The default value is 0.4.</value>
    public double Last { get; init; } = 0.4;
}
