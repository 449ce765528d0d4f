namespace Attribution.Models;

/// <summary>What a custom weight function knows about one eligible touchpoint.</summary>
/// <remarks>A struct of arguments, so that fields can be added later without breaking existing functions.</remarks>
public readonly struct TouchpointWeightArguments
{
    internal TouchpointWeightArguments(int position, int count, string channel, string? campaign, DateTimeOffset instant, DateTimeOffset conversionInstant, double conversionValue)
    {
        Position = position;
        Count = count;
        Channel = channel;
        Campaign = campaign;
        Instant = instant;
        ConversionInstant = conversionInstant;
        ConversionValue = conversionValue;
    }

    /// <summary>Gets the touch's position among the eligible touches, from 0 (first) to <see cref="Count"/> − 1 (last).</summary>
    public int Position { get; }

    /// <summary>Gets the number of eligible touches.</summary>
    public int Count { get; }

    /// <summary>Gets the touch's channel.</summary>
    public string Channel { get; }

    /// <summary>Gets the touch's campaign, or <see langword="null"/>.</summary>
    public string? Campaign { get; }

    /// <summary>Gets when the touch happened (UTC).</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>Gets when the conversion happened (UTC).</summary>
    public DateTimeOffset ConversionInstant { get; }

    /// <summary>Gets the conversion's value.</summary>
    public double ConversionValue { get; }

    /// <summary>Gets the time from the touch to the conversion (zero or positive).</summary>
    public TimeSpan Age => ConversionInstant - Instant;

    /// <summary>Gets whether this is the first eligible touch.</summary>
    public bool IsFirst => Position == 0;

    /// <summary>Gets whether this is the last eligible touch.</summary>
    public bool IsLast => Position == Count - 1;
}
