namespace Attribution.Benchmarks;

/// <summary>The built-in rule-based models the engine suites and the guard time.</summary>
internal static class Models
{
    public static readonly string[] RuleBased = ["first-touch", "last-touch", "linear", "time-decay", "u-shaped", "custom"];
}
