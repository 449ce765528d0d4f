using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Attribution.Reports;

/// <summary>Credit totals in report order that can also be looked up by key: <c>result.ByChannel["email"]</c>.</summary>
/// <remarks>Keys are unique within one list (the names rule reserves the built-in keys), so a key finds at most one total.</remarks>
public sealed class CreditTotals : ReadOnlyCollection<CreditTotal>
{
    private readonly Dictionary<string, int> _index;

    internal CreditTotals(IList<CreditTotal> totals)
        : base(totals)
    {
        _index = new Dictionary<string, int>(totals.Count, StringComparer.Ordinal);
        for (var i = 0; i < totals.Count; i++)
        {
            _index.TryAdd(totals[i].Key, i);
        }
    }

    /// <summary>Gets the total of the channel or campaign named <paramref name="key"/>.</summary>
    /// <param name="key">A channel or campaign name, or one of the built-in keys.</param>
    /// <exception cref="KeyNotFoundException">No total has this key.</exception>
    public CreditTotal this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            return _index.TryGetValue(key, out var i)
                ? this[i]
                : throw new KeyNotFoundException($"No credit total is keyed '{key}'; the keys are: {string.Join(", ", _index.Keys)}.");
        }
    }

    /// <summary>Looks up the total of <paramref name="key"/>.</summary>
    /// <param name="key">A channel or campaign name, or one of the built-in keys.</param>
    /// <param name="total">The total when found; otherwise the default value.</param>
    /// <returns><see langword="true"/> when a total has this key.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out CreditTotal total)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index.TryGetValue(key, out var i))
        {
            total = this[i];
            return true;
        }

        total = default;
        return false;
    }

    /// <summary>Tells whether a total has this key.</summary>
    /// <param name="key">A channel or campaign name, or one of the built-in keys.</param>
    /// <returns><see langword="true"/> when a total has this key.</returns>
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _index.ContainsKey(key);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Count} totals: {string.Join(", ", this.Select(t => t.ToString()))}";
}
