namespace Attribution.Engine.Kernels;

/// <summary>The eligible touches of one conversion as a kernel reads them: slices of the set's columns, or of the
/// engine's scratch buffers when excluded touches were skipped.</summary>
internal readonly ref struct CreditWindow
{
    public CreditWindow(ReadOnlySpan<long> ticks, ReadOnlySpan<int> channels, ReadOnlySpan<int> campaigns, ReadOnlySpan<int> rollupKeys, long at, double value, int conversion, int firstTouch, ReadOnlySpan<int> gathered, int kind = 0, ReadOnlySpan<int> milestones = default)
    {
        Kind = kind;
        MilestoneTouches = milestones;
        Conversion = conversion;
        FirstTouch = firstTouch;
        Gathered = gathered;
        Ticks = ticks;
        Channels = channels;
        Campaigns = campaigns;
        RollupKeys = rollupKeys;
        At = at;
        Value = value;
    }

    public ReadOnlySpan<long> Ticks { get; }

    public ReadOnlySpan<int> Channels { get; }

    /// <summary>Gets campaign ids; −1 for none.</summary>
    public ReadOnlySpan<int> Campaigns { get; }

    /// <summary>Gets the key each touch's credit is rolled up under (<see cref="Journeys.JourneySet.RollupKeys"/>): the
    /// campaign id itself while the set has one touch type.</summary>
    public ReadOnlySpan<int> RollupKeys { get; }

    public int Count => Channels.Length;

    public long At { get; }

    public double Value { get; }

    /// <summary>Gets the conversion's global index.</summary>
    public int Conversion { get; }

    /// <summary>Gets the global index of touch 0 when the window is a plain slice of the columns.</summary>
    public int FirstTouch { get; }

    /// <summary>Gets the global index of each touch when excluded touches were skipped; empty for a plain slice.</summary>
    public ReadOnlySpan<int> Gathered { get; }

    /// <summary>Gets the conversion's kind id.</summary>
    public int Kind { get; }

    /// <summary>Gets the global touch index of each milestone (−1 where missing); empty without stages.</summary>
    public ReadOnlySpan<int> MilestoneTouches { get; }

    /// <summary>Gets the position in the window of a global touch index, or −1 when it is not in the window.</summary>
    public int PositionOf(int touch)
    {
        if (touch < 0)
        {
            return -1;
        }

        if (Gathered.IsEmpty)
        {
            var position = touch - FirstTouch;
            return position >= 0 && position < Count ? position : -1;
        }

        var found = Gathered.BinarySearch(touch);
        return found >= 0 ? found : -1;
    }

    /// <summary>Gets the global index of touch <paramref name="i"/> of the window.</summary>
    public int TouchIndex(int i) => Gathered.IsEmpty ? FirstTouch + i : Gathered[i];
}
