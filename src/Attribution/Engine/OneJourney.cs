using Attribution.Engine.Kernels;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Engine;

/// <summary>The friendly face's path for one journey object: the eligibility rule of <see cref="EligibilityWindows"/>
/// and the general path's shares (<see cref="GeneralKernel.TryShare"/>), without building a <see cref="JourneySet"/>.</summary>
/// <remarks>Scratch lives on the stack for journeys of ordinary size; what is allocated is the result itself, the two
/// name lists a bound model may need, and what the model's own binding allocates.</remarks>
internal static class OneJourney
{
    private const int StackLimit = 128;

    public static JourneyAttribution Attribute(Journey journey, IAttributionModel model, AttributionOptions options)
    {
        var touches = journey.Touchpoints.AsSpan();
        var conversions = journey.Conversions.AsSpan();
        var n = touches.Length;
        var m = conversions.Length;

        Span<long> ticks = n <= StackLimit ? stackalloc long[n] : new long[n];
        Span<int> channels = n <= StackLimit ? stackalloc int[n] : new int[n];
        Span<int> campaigns = n <= StackLimit ? stackalloc int[n] : new int[n];
        var channelNames = Intern(touches, channels, campaign: false);
        var campaignNames = Intern(touches, campaigns, campaign: true);
        for (var i = 0; i < n; i++)
        {
            ticks[i] = touches[i].Instant.UtcTicks;
        }

        // Journey keeps both lists sorted (stable, by UTC instant), as a set does; touches at a conversion's instant count as before it.
        Span<int> kinds = m <= StackLimit ? stackalloc int[m] : new int[m];
        var kindNames = InternKinds(conversions, kinds);
        var rules = EligibilityRules.Resolve(channelNames, kindNames, options);
        var stride = rules.StageCount + 1;
        Span<long> conversionTicks = m <= StackLimit ? stackalloc long[m] : new long[m];
        Span<int> ends = m <= StackLimit ? stackalloc int[m] : new int[m];
        Span<int> starts = m <= StackLimit ? stackalloc int[m] : new int[m];
        Span<byte> flags = m <= StackLimit ? stackalloc byte[m] : new byte[m];
        Span<int> milestones = rules.StageCount == 0 ? default : new int[m * stride];
        for (var c = 0; c < m; c++)
        {
            conversionTicks[c] = conversions[c].Instant.UtcTicks;
        }

        FindEnds(ticks, conversionTicks, ends);

        flags.Clear();
        EligibilityWindows.ComputeJourney(ticks, channels, conversionTicks, kinds, ends, 0, rules, starts, flags, milestones);

        var total = 0;
        for (var c = 0; c < m; c++)
        {
            total += ends[c] - starts[c];
        }

        var bound = model.Bind(new ModelBindingArguments(channelNames, campaignNames, options.Stages));
        Span<double> shares = total <= StackLimit ? stackalloc double[total] : new double[total];
        Span<int> touchOf = total <= StackLimit ? stackalloc int[total] : new int[total];
        Span<int> credited = m <= StackLimit ? stackalloc int[m] : new int[m];
        Span<long> keptTicks = n <= StackLimit ? stackalloc long[n] : new long[n];
        Span<int> keptChannels = n <= StackLimit ? stackalloc int[n] : new int[n];
        Span<int> keptCampaigns = n <= StackLimit ? stackalloc int[n] : new int[n];
        Span<int> positions = rules.StageCount == 0 ? default : stride <= 64 ? stackalloc int[stride] : new int[stride];
        var used = 0;
        for (var c = 0; c < m; c++)
        {
            credited[c] = -1;
            if ((flags[c] & EligibilityWindows.OutsidePeriod) != 0)
            {
                continue;
            }

            credited[c] = 0;
            var count = EligibilityWindows.Collect(channels, rules.Excluded, starts[c], ends[c], touchOf.Slice(used));
            if (count == 0)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                var at = touchOf[used + i];
                keptTicks[i] = ticks[at];
                keptChannels[i] = channels[at];
                keptCampaigns[i] = campaigns[at];
            }

            if (!milestones.IsEmpty)
            {
                MilestonePositions(milestones.Slice(c * stride, stride), touchOf.Slice(used, count), positions);
            }

            var eligible = new EligibleTouchpoints(
                keptTicks[..count], keptChannels[..count], keptCampaigns[..count], conversionTicks[c], conversions[c].Value, channelNames, campaignNames, positions, kindNames[kinds[c]], trusted: true);
            if (!GeneralKernel.TryShare(bound, eligible, shares.Slice(used, count)))
            {
                continue;
            }

            credited[c] = count;
            used += count;
        }

        var credits = new Credit[used];
        var unattributed = 0;
        for (var c = 0; c < m; c++)
        {
            unattributed += credited[c] == 0 ? 1 : 0;
        }

        var unattributedConversions = unattributed == 0 ? [] : new Conversion[unattributed];
        var k = 0;
        var u = 0;
        for (var c = 0; c < m; c++)
        {
            if (credited[c] < 0)
            {
                continue;
            }

            if (credited[c] == 0)
            {
                unattributedConversions[u++] = conversions[c];
                continue;
            }

            for (var i = 0; i < credited[c]; i++, k++)
            {
                credits[k] = new Credit(touches[touchOf[k]], conversions[c], shares[k], shares[k] * conversions[c].Value);
            }
        }

        return new JourneyAttribution(journey, credits, unattributedConversions);
    }

    /// <summary>Per conversion, one past its journey's last touch at or before its instant: touches at a conversion's
    /// instant count as before it.</summary>
    internal static void FindEnds(ReadOnlySpan<long> touchTicks, ReadOnlySpan<long> conversionTicks, Span<int> ends)
    {
        var t = 0;
        for (var c = 0; c < conversionTicks.Length; c++)
        {
            while (t < touchTicks.Length && touchTicks[t] <= conversionTicks[c])
            {
                t++;
            }

            ends[c] = t;
        }
    }

    /// <summary>Milestones as positions in the kept touches, the way the engine hands them to a model.</summary>
    internal static void MilestonePositions(ReadOnlySpan<int> row, ReadOnlySpan<int> kept, Span<int> positions)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = row[i] < 0 ? -1 : kept.IndexOf(row[i]);
        }
    }

    internal static string[] InternKinds(ReadOnlySpan<Conversion> conversions, Span<int> ids)
    {
        // Most journeys have one kind or two: a linear search over the first conversion of each, no list.
        Span<int> firstOf = conversions.Length <= StackLimit ? stackalloc int[conversions.Length] : new int[conversions.Length];
        var distinct = 0;
        for (var c = 0; c < conversions.Length; c++)
        {
            var id = 0;
            while (id < distinct && !string.Equals(conversions[firstOf[id]].Kind, conversions[c].Kind, StringComparison.Ordinal))
            {
                id++;
            }

            if (id == distinct)
            {
                firstOf[distinct++] = c;
            }

            ids[c] = id;
        }

        var names = new string[distinct];
        for (var id = 0; id < distinct; id++)
        {
            names[id] = conversions[firstOf[id]].Kind;
        }

        return names;
    }

    /// <summary>Gives each touch the id of its channel (or campaign; −1 for none) among the journey's distinct names.</summary>
    internal static string[] Intern(ReadOnlySpan<Touchpoint> touches, Span<int> ids, bool campaign)
    {
        // A journey has a handful of names: a linear search beats hashing and allocates nothing.
        Span<int> firstOf = touches.Length <= StackLimit ? stackalloc int[touches.Length] : new int[touches.Length];
        var distinct = 0;
        for (var i = 0; i < touches.Length; i++)
        {
            var name = campaign ? touches[i].Campaign : touches[i].Channel;
            if (name is null)
            {
                ids[i] = JourneySet.NoCampaign;
                continue;
            }

            var id = 0;
            while (id < distinct && !string.Equals(campaign ? touches[firstOf[id]].Campaign : touches[firstOf[id]].Channel, name, StringComparison.Ordinal))
            {
                id++;
            }

            if (id == distinct)
            {
                firstOf[distinct++] = i;
            }

            ids[i] = id;
        }

        var names = new string[distinct];
        for (var id = 0; id < distinct; id++)
        {
            names[id] = (campaign ? touches[firstOf[id]].Campaign : touches[firstOf[id]].Channel)!;
        }

        return names;
    }

    private static bool[]? ResolveExclusions(string[] channelNames, IReadOnlyCollection<string> excludedChannels)
    {
        bool[]? excluded = null;
        foreach (var name in excludedChannels)
        {
            var id = Array.IndexOf(channelNames, name);
            if (id >= 0)
            {
                excluded ??= new bool[channelNames.Length];
                excluded[id] = true;
            }
        }

        return excluded;
    }
}
