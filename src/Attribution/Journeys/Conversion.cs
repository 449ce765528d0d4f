namespace Attribution.Journeys;

/// <summary>An outcome that earns credit: a lead, an opportunity, an order; when it happened and what it is worth.</summary>
/// <remarks>
/// A conversion is a fact: it is validated when it is built and never changes. Equality is by value. The kind is
/// trimmed of surrounding white space and must hold no control character (the rule of every name); a value of −0 is 0.
/// </remarks>
public readonly record struct Conversion
{
    /// <summary>The kind given to conversions built without one.</summary>
    public const string DefaultKind = "conversion";

    /// <summary>Creates a conversion.</summary>
    /// <param name="instant">When the conversion happened.</param>
    /// <param name="value">What the conversion is worth; finite and not negative. Use 1 to count conversions.</param>
    /// <param name="kind">The kind, for example <c>order</c>, <c>lead</c> or <c>opportunity</c>; <see cref="DefaultKind"/> when omitted.</param>
    /// <param name="id">An identifier a host system knows the conversion by (an order number, an opportunity id), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite, or <paramref name="kind"/> is empty,
    /// white space or holds a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public Conversion(DateTimeOffset instant, double value = 1, string kind = DefaultKind, string? id = null)
    {
        Guard.FiniteNonNegative(value);
        Instant = instant;

        // −0.0 is zero; storing +0 keeps equality and every sum free of a negative zero.
        Value = value == 0 ? 0 : value;
        Kind = Names.Require(kind, nameof(kind), reservedApplies: false);
        Id = string.IsNullOrWhiteSpace(id) ? null : id;
    }

    /// <summary>Gets when the conversion happened.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>Gets what the conversion is worth.</summary>
    public double Value { get; }

    /// <summary>Gets the kind of conversion.</summary>
    public string Kind { get; }

    /// <summary>Gets the identifier a host system knows the conversion by, or <see langword="null"/>.</summary>
    public string? Id { get; }
}
