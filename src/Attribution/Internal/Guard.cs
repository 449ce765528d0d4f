using System.Runtime.CompilerServices;

namespace Attribution;

/// <summary>Argument checks the framework's throw helpers do not cover.</summary>
internal static class Guard
{
    public static void FiniteNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"'{paramName}' must be a finite number, but was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", paramName);
        }

        // Not ThrowIfNegative, which rejects -0.0: negative zero is zero.
        if (value < 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, paramName);
        }
    }

    public static void Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"'{paramName}' must be a positive duration.");
        }
    }
}
