namespace Attribution.Cli.Output;

/// <summary>The one naming rule of the CLI's JSON: camelCase, as <c>attribute</c>, <c>explain</c> and the saved models
/// write; grids whose CSV header is snake_case (<c>removal_effect</c>) become <c>removalEffect</c>.</summary>
internal static class JsonNames
{
    public static string Camel(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0
            ? snake
            : parts[0] + string.Concat(parts.Skip(1).Select(static p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
