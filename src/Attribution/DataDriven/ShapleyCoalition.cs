namespace Attribution.DataDriven;

/// <summary>The training paths whose distinct channels are exactly <see cref="Mask"/>, summed.</summary>
internal readonly record struct ShapleyCoalition(ulong Mask, double Conversions, double Nulls, double Value)
{
    /// <summary>Gets v(S) = conversions / (conversions + nulls), or 0 when the set never ended either way.</summary>
    public double Rate => Conversions + Nulls > 0 ? Conversions / (Conversions + Nulls) : 0;
}
