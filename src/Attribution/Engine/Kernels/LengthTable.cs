namespace Attribution.Engine.Kernels;

/// <summary>How long a window a per-length share table covers; longer windows compute their shares on the spot.</summary>
internal static class LengthTable
{
    /// <summary>Windows are a handful of touches; a bot's 100,000-touch window must not size a table.</summary>
    public const int MaxLength = 1024;
}
