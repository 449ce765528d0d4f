using System.Collections.Immutable;

namespace Attribution.Journeys;

/// <summary>Everything one person, lead or account did on the way to (or away from) converting: its touchpoints and its conversions.</summary>
/// <remarks>
/// <para>Touchpoints and conversions are kept in time order. Input order does not matter: each list is sorted by
/// instant with a stable sort, so events at the same instant keep the order they were given in. When a touchpoint
/// and a conversion share an instant, the touchpoint counts as happening first (it can earn credit for that conversion).</para>
/// <para>A journey may have touchpoints and no conversion (a non-converting path, which data-driven models learn from)
/// or conversions and no touchpoint (reported as unattributed), but not neither.</para>
/// </remarks>
public sealed class Journey
{
    /// <summary>Creates a journey.</summary>
    /// <param name="id">The journey's identifier (a person, lead or account id). Must not be empty; trimmed of surrounding
    /// white space, and must hold no control character.</param>
    /// <param name="touchpoints">The touchpoints, in any order.</param>
    /// <param name="conversions">The conversions, in any order; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or the journey has neither touchpoints nor conversions,
    /// or an element is <see langword="default"/> (not built through its constructor).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="touchpoints"/> is null.</exception>
    public Journey(string id, IEnumerable<Touchpoint> touchpoints, IEnumerable<Conversion>? conversions = null)
    {
        id = Names.Require(id, nameof(id), reservedApplies: false);
        ArgumentNullException.ThrowIfNull(touchpoints);

        var touches = touchpoints.ToArray();
        var converts = conversions?.ToArray() ?? [];
        if (touches.Length == 0 && converts.Length == 0)
        {
            throw new ArgumentException($"Journey '{id}' has neither touchpoints nor conversions; an empty journey carries no information.", nameof(touchpoints));
        }

        for (var i = 0; i < touches.Length; i++)
        {
            if (touches[i].Channel is null)
            {
                throw new ArgumentException($"Touchpoint {i} of journey '{id}' is a default value; build touchpoints with their constructor.", nameof(touchpoints));
            }
        }

        for (var i = 0; i < converts.Length; i++)
        {
            if (converts[i].Kind is null)
            {
                throw new ArgumentException($"Conversion {i} of journey '{id}' is a default value; build conversions with its constructor.", nameof(conversions));
            }
        }

        // OrderBy is a stable sort (Array.Sort is not): input order survives at equal instants, as the rules promise.
        Id = id;
        Touchpoints = [.. touches.OrderBy(static t => t.Instant.UtcTicks)];
        Conversions = [.. converts.OrderBy(static c => c.Instant.UtcTicks)];
    }

    /// <summary>Gets the journey's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the touchpoints in time order.</summary>
    public ImmutableArray<Touchpoint> Touchpoints { get; }

    /// <summary>Gets the conversions in time order.</summary>
    public ImmutableArray<Conversion> Conversions { get; }
}
