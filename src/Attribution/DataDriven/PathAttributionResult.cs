using Attribution.Reports;

namespace Attribution.DataDriven;

/// <summary>What one rule-based model credited over aggregated paths (<see cref="PathAttribution.Run"/>).</summary>
/// <remarks>
/// Credit is conserved: the conversions of <see cref="ByChannel"/> plus <see cref="UnattributedConversions"/> add up to
/// the paths' <see cref="PathSet.TotalConversions"/>, and likewise for value, up to floating-point rounding.
/// </remarks>
public sealed class PathAttributionResult
{
    internal PathAttributionResult(string model, PathSet paths, IReadOnlyList<CreditTotal> byChannel, double unattributedConversions, double unattributedValue)
    {
        Model = model;
        Paths = paths;
        ByChannel = byChannel as CreditTotals ?? new CreditTotals([.. byChannel]);
        UnattributedConversions = unattributedConversions;
        UnattributedValue = unattributedValue;
    }

    /// <summary>Gets the model's name.</summary>
    public string Model { get; }

    /// <summary>Gets the paths that were attributed.</summary>
    public PathSet Paths { get; }

    /// <summary>Gets the credit of every channel of <see cref="Paths"/>, in channel id order (channels that earned nothing included).</summary>
    public CreditTotals ByChannel { get; }

    /// <summary>Gets the conversions of paths whose touches all weighed 0.</summary>
    public double UnattributedConversions { get; }

    /// <summary>Gets the value of <see cref="UnattributedConversions"/>.</summary>
    public double UnattributedValue { get; }
}
