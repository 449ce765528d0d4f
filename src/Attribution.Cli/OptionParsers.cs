using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Attribution.Engine;
using Attribution.Models;

namespace Attribution.Cli;

/// <summary>Parses the textual option values of the command line; every failure is a one-line <see cref="CliException"/> naming the option.</summary>
internal static partial class OptionParsers
{
    private const double SumTolerance = 1e-9;

    // A conversion's weights are summed: at most 1e290 each, even 2^31 touches add up to 2e299, far from overflowing.
    private const double MaxChannelWeight = 1e290;

    /// <summary>Parses a duration such as <c>30d</c>, <c>1.5d</c>, <c>12h</c>, <c>90m</c> or <c>45s</c>.</summary>
    public static TimeSpan ParseDuration(string option, string text)
    {
        try
        {
            return Durations.Parse(text);
        }
        catch (FormatException e)
        {
            throw CliException.Usage($"{option}: {e.Message}");
        }
    }

    /// <summary>Makes an integer option parse its own value, so a bad one is a usage error that says in words what is
    /// expected (the default message names a .NET type); <c>-0</c> is 0.</summary>
    /// <param name="option">The option.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    public static Option<int?> WholeNumber(Option<int?> option, int min, int max)
    {
        option.CustomParser = result => ParseWholeNumber(result, option.Name, min, max);
        return option;
    }

    /// <inheritdoc cref="WholeNumber(Option{int?}, int, int)"/>
    public static Option<int> WholeNumber(Option<int> option, int min, int max)
    {
        option.CustomParser = result => ParseWholeNumber(result, option.Name, min, max) ?? 0;
        return option;
    }

    private static int? ParseWholeNumber(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var expected = max == int.MaxValue && min != int.MinValue
            ? string.Create(CultureInfo.InvariantCulture, $"a whole number of at least {min}")
            : string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");
        result.AddError($"{option} expects {expected}, got '{text}'.");
        return null;
    }

    /// <summary>Parses the u-shaped ratios <c>first,middle,last</c>: three numbers ≥ 0 adding up to 1.</summary>
    public static UShapedModelOptions ParsePositions(string option, string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 3)
        {
            throw CliException.Usage($"{option}: '{text}' must be three numbers first,middle,last (for example 0.4,0.2,0.4).");
        }

        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            values[i] = ParseNonNegative(option, parts[i], text);
        }

        var sum = values[0] + values[1] + values[2];
        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw CliException.Usage($"{option}: '{text}' adds up to {sum.ToString("R", CultureInfo.InvariantCulture)}; the three ratios must add up to 1.");
        }

        return new UShapedModelOptions { First = values[0], Middle = values[1], Last = values[2] };
    }

    /// <summary>Parses <c>channel=weight,channel=weight</c>; channel names are case-sensitive, weights finite and ≥ 0.</summary>
    public static Dictionary<string, double> ParseChannelWeights(string option, IEnumerable<string> texts)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var item in text.Split(','))
            {
                var eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    throw CliException.Usage($"{option}: '{item}' must be channel=weight (for example email=2,display=0.5).");
                }

                var channel = item[..eq].Trim();
                if (channel.Length == 0)
                {
                    throw CliException.Usage($"{option}: '{item}' has no channel name before '='.");
                }

                var weight = ParseNonNegative(option, item[(eq + 1)..], item);
                if (weight > MaxChannelWeight)
                {
                    throw CliException.Usage($"{option}: '{item[(eq + 1)..].Trim()}' in '{item}' is too large; weights are relative, so use numbers up to 1e290 (for example email=2,display=0.5).");
                }
                if (!weights.TryAdd(channel, weight))
                {
                    throw CliException.Usage($"{option}: channel '{channel}' is given twice.");
                }
            }
        }

        return weights;
    }

    /// <summary>Parses a finite number in the invariant culture, for example <c>250000</c> or <c>0.5</c>.</summary>
    public static double ParseNumber(string option, string text)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw CliException.Usage($"{option}: '{text}' is not a number.");
        }

        return value;
    }

    /// <summary>Splits repeated and comma-separated values into one list, dropping empty items and duplicates (case-sensitive).</summary>
    public static List<string> ParseList(IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var text in texts)
        {
            foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (seen.Add(item))
                {
                    list.Add(item);
                }
            }
        }

        return list;
    }

    /// <summary>Parses <c>same-kind</c>, <c>any</c> or <c>never</c> (case-insensitive).</summary>
    public static ResetRule ParseReset(string option, string text) => text.Trim().ToLowerInvariant() switch
    {
        "same-kind" => ResetRule.SameKind,
        "any" => ResetRule.Any,
        "never" => ResetRule.Never,
        _ => throw CliException.Usage($"{option}: '{text}' is not a reset rule; use same-kind, any or never."),
    };

    /// <summary>Parses repeated <c>--lookback</c> values: a plain duration sets the default, <c>kind=duration</c> items
    /// (comma-separated) set kinds; each may be given once.</summary>
    /// <returns>The default (null when not given) and the lookback per kind.</returns>
    public static (TimeSpan? Default, Dictionary<string, TimeSpan> ByKind) ParseLookbacks(string option, IEnumerable<string> texts)
    {
        TimeSpan? fallback = null;
        var byKind = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq < 0)
                {
                    if (fallback is not null)
                    {
                        throw CliException.Usage($"{option}: the default lookback is given twice ('{item}'); give one plain duration and kind=duration for kinds.");
                    }

                    fallback = ParseDuration(option, item);
                    continue;
                }

                var kind = item[..eq].Trim();
                if (kind.Length == 0)
                {
                    throw CliException.Usage($"{option}: '{item}' has no conversion kind before '=' (for example order=365d).");
                }

                if (!byKind.TryAdd(kind, ParseDuration(option, item[(eq + 1)..])))
                {
                    throw CliException.Usage($"{option}: kind '{kind}' is given twice.");
                }
            }
        }

        return (fallback, byKind);
    }

    /// <summary>Parses an instant: a date <c>2026-01-01</c> (midnight UTC) or an ISO-8601 date and time with <c>Z</c> or an offset.</summary>
    public static DateTimeOffset ParseInstant(string option, string text)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        // A time without an offset would silently mean the machine's time zone; like the event log, demand one.
        if (ExplicitOffset().IsMatch(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        throw CliException.Usage($"{option}: '{text}' is not a date (2026-01-01, midnight UTC) or a date and time with Z or an offset (2026-01-01T09:00:00Z).");
    }

    private static double ParseNonNegative(string option, string number, string context)
    {
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw CliException.Usage($"{option}: '{number.Trim()}' in '{context}' is not a number.");
        }

        if (value < 0)
        {
            throw CliException.Usage($"{option}: '{number.Trim()}' in '{context}' is negative; use numbers ≥ 0.");
        }

        // -0 is zero: the models reject a negative sign even on zero.
        return value == 0 ? 0 : value;
    }

    private static CliException BadDuration(string option, string text)
        => CliException.Usage($"{option}: '{text}' is not a duration; use a number followed by s, m, h or d (for example 30d, 1.5d, 90m).");

    [GeneratedRegex(@"T.*([Zz]|[+-]\d\d:?\d\d)$")]
    private static partial Regex ExplicitOffset();

}
