namespace Attribution.Journeys;

/// <summary>Many journeys in columnar form: the fast face of the engine.</summary>
/// <remarks>
/// <para>Touchpoints and conversions are stored in flat arrays, grouped by journey and sorted by time inside each
/// journey (stable; at equal instants a touchpoint comes before a conversion). Channel, campaign, touch type, kind and
/// journey names are interned to small integers once, so attribution loops read integers and spans only.</para>
/// <para>Touch types cost no memory while every touch has the same one (the usual <see cref="Touchpoint.DefaultTouchType"/>);
/// with several, one integer per touch keeps the campaign and the type together (see <see cref="TouchTypeKeys"/>).</para>
/// <para>Journeys keep the order in which they first appeared in the input. A set is immutable and safe to read from
/// any number of threads. Build one with <see cref="JourneySetBuilder"/> or <see cref="Create(IEnumerable{Journey})"/>.</para>
/// </remarks>
public sealed class JourneySet
{
    internal const int NoCampaign = -1;

    internal JourneySet(
        SymbolTable journeyIds,
        SymbolTable channels,
        SymbolTable campaigns,
        SymbolTable kinds,
        int[] touchOffsets,
        long[] touchTicks,
        int[] touchChannels,
        int[] touchCampaigns,
        SymbolTable touchTypes,
        int[]? touchTypeKeys,
        IReadOnlyList<KeyValuePair<string, int>> notCountedByStatus,
        int[] conversionOffsets,
        long[] conversionTicks,
        double[] conversionValues,
        int[] conversionKinds,
        string?[]? conversionIds)
    {
        JourneyIdTable = journeyIds;
        ChannelTable = channels;
        CampaignTable = campaigns;
        KindTable = kinds;
        TouchOffsets = touchOffsets;
        TouchTicks = touchTicks;
        TouchChannels = touchChannels;
        TouchCampaigns = touchCampaigns;
        TouchTypeTable = touchTypes;
        TouchTypeKeys = touchTypeKeys;
        NotCountedByStatus = notCountedByStatus;
        ConversionOffsets = conversionOffsets;
        ConversionTicks = conversionTicks;
        ConversionValues = conversionValues;
        ConversionKinds = conversionKinds;
        ConversionIds = conversionIds;

        var max = 0;
        var touchEnds = new int[conversionTicks.Length];
        for (var j = 0; j < Count; j++)
        {
            max = Math.Max(max, touchOffsets[j + 1] - touchOffsets[j]);

            // Both lists are in time order, so one merge finds, for each conversion, the touches at or before it.
            var t = touchOffsets[j];
            for (var c = conversionOffsets[j]; c < conversionOffsets[j + 1]; c++)
            {
                while (t < touchOffsets[j + 1] && touchTicks[t] <= conversionTicks[c])
                {
                    t++;
                }

                touchEnds[c] = t;
            }
        }

        MaxTouchpointsPerJourney = max;
        ConversionTouchEnds = touchEnds;
    }

    // The windows of the last rules used: a run with the same options (every model of a report, every resample) reuses
    // them. One entry is enough for the usual host, which runs one configuration over a set.
    private volatile Engine.EligibilityWindows? windows;

    /// <summary>Gets, for each conversion, the end of its journey's touches at or before its instant (a global touch
    /// index): the eligibility window's upper bound, found once here rather than by every model's run.</summary>
    internal int[] ConversionTouchEnds { get; }

    /// <summary>Gets the number of journeys.</summary>
    public int Count => TouchOffsets.Length - 1;

    /// <summary>Gets the number of touchpoints in all journeys.</summary>
    public int TouchpointCount => TouchTicks.Length;

    /// <summary>Gets the number of conversions in all journeys.</summary>
    public int ConversionCount => ConversionTicks.Length;

    /// <summary>Gets the largest number of touchpoints in one journey.</summary>
    public int MaxTouchpointsPerJourney { get; }

    /// <summary>Gets the journey ids; the index of an id is the journey's index in the set.</summary>
    public IReadOnlyList<string> JourneyIds => JourneyIdTable;

    /// <summary>Gets the channel names, indexed by channel id.</summary>
    public IReadOnlyList<string> Channels => ChannelTable;

    /// <summary>Gets the campaign names, indexed by campaign id.</summary>
    public IReadOnlyList<string> Campaigns => CampaignTable;

    /// <summary>Gets the conversion kinds, indexed by kind id.</summary>
    public IReadOnlyList<string> Kinds => KindTable;

    /// <summary>Gets the touch types (<c>online</c>, <c>offline</c>, <c>sales</c> …), indexed by touch-type id, in order of
    /// first appearance.</summary>
    public IReadOnlyList<string> TouchTypes => TouchTypeTable;

    /// <summary>Gets the touch rows left out because their campaign-member status is not one of
    /// <see cref="JourneySetBuilder.CountedStatuses"/>: the number of rows per status as written, in order of the status's
    /// first appearance; empty when every row counted.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> NotCountedByStatus { get; }

    internal SymbolTable JourneyIdTable { get; }

    internal SymbolTable ChannelTable { get; }

    internal SymbolTable CampaignTable { get; }

    internal SymbolTable KindTable { get; }

    internal SymbolTable TouchTypeTable { get; }

    /// <summary>Touchpoints of journey j are [TouchOffsets[j], TouchOffsets[j + 1]).</summary>
    internal int[] TouchOffsets { get; }

    internal long[] TouchTicks { get; }

    internal int[] TouchChannels { get; }

    /// <summary>Campaign id per touchpoint, or <see cref="NoCampaign"/>.</summary>
    internal int[] TouchCampaigns { get; }

    /// <summary>Per touchpoint, its campaign id + its touch-type id × (campaign count + 1); or <see langword="null"/> when
    /// every touch has touch type 0, which is then the key <see cref="TouchCampaigns"/> holds.</summary>
    /// <remarks>One column instead of two keeps a touch at 4 more bytes; the campaign slot and the type come back out by
    /// division, and the engine's roll-up adds credit straight to its (campaign, type) slot.</remarks>
    internal int[]? TouchTypeKeys { get; }

    /// <summary>Gets the key the engine's roll-up adds a touch's credit under (see <see cref="TouchTypeKeys"/>).</summary>
    internal int[] RollupKeys => TouchTypeKeys ?? TouchCampaigns;

    /// <summary>Conversions of journey j are [ConversionOffsets[j], ConversionOffsets[j + 1]).</summary>
    internal int[] ConversionOffsets { get; }

    internal long[] ConversionTicks { get; }

    internal double[] ConversionValues { get; }

    internal int[] ConversionKinds { get; }

    /// <summary>Host ids per conversion, or null when no conversion has one.</summary>
    internal string?[]? ConversionIds { get; }

    /// <summary>Gets the number of people who kept their own journey because the people→account mapping gave them no
    /// account at some row's instant (ids that are accounts themselves not counted).</summary>
    /// <value>0 unless the set was built with <see cref="JourneySetBuilder.Accounts"/>.</value>
    public int PeopleWithoutAccount { get; internal init; }

    /// <summary>Gets the number of conversions removed because an earlier conversion of the same journey had the same kind
    /// and id (see <see cref="JourneySetBuilder"/>).</summary>
    public int DuplicateConversionsRemoved { get; internal init; }

    /// <summary>Gets the people (canonical ids) when the set was built with accounts or identities, else null: the journeys are the people.</summary>
    internal SymbolTable? People { get; init; }

    /// <summary>Gets the person per touch (an id of <see cref="People"/>), or null when every touch's person is its journey.</summary>
    internal int[]? TouchPeople { get; init; }

    /// <summary>Gets whether each journey is an account's, or null when the set was built without accounts.</summary>
    internal bool[]? AccountJourneys { get; init; }

    /// <summary>Gets the table of people: <see cref="People"/>, or the journeys when every journey is one person.</summary>
    internal SymbolTable PersonTable => People ?? JourneyIdTable;

    /// <summary>Gets the person of one touchpoint: the (canonical) journey id of the row it came from, which is the journey's
    /// own id unless the set was built with accounts or identities.</summary>
    /// <param name="index">The touchpoint's global index, from 0 to <see cref="TouchpointCount"/> − 1.</param>
    /// <returns>The person's id.</returns>
    public string GetTouchpointPerson(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TouchpointCount);
        return TouchPeople is null ? JourneyIdTable[JourneyOfTouch(index)] : People![TouchPeople[index]];
    }

    /// <summary>Gets whether a journey is an account's: one the people→account mapping put people on, or whose id is an
    /// account of the mapping. Without a mapping, every journey counts as an account (the data's own journey ids).</summary>
    /// <param name="journey">The journey's index.</param>
    /// <returns>Whether it is an account's journey.</returns>
    public bool IsAccount(int journey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(journey);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(journey, Count);
        return AccountJourneys?[journey] ?? true;
    }

    /// <summary>Gets the person id (of <see cref="PersonTable"/>) of every touch: the remapped column, or each touch's journey.</summary>
    internal int[] TouchPersonIds()
    {
        if (TouchPeople is { } people)
        {
            return people;
        }

        var result = new int[TouchpointCount];
        for (var j = 0; j < Count; j++)
        {
            result.AsSpan(TouchOffsets[j], TouchOffsets[j + 1] - TouchOffsets[j]).Fill(j);
        }

        return result;
    }

    private int JourneyOfTouch(int index)
    {
        var j = Array.BinarySearch(TouchOffsets, index);

        // Empty journeys share an offset: the journey that holds the touch is the last one starting at it.
        if (j >= 0)
        {
            while (j + 1 < TouchOffsets.Length && TouchOffsets[j + 1] == index)
            {
                j++;
            }

            return j;
        }

        return ~j - 1;
    }

    /// <summary>Gets the eligibility windows under the given rules, computed once and kept for the next run with the same rules.</summary>
    internal Engine.EligibilityWindows GetWindows(Engine.EligibilityRules rules)
    {
        var current = windows;
        if (current is not null && current.Rules.Equals(rules))
        {
            return current;
        }

        // Two threads may both compute: each gets the same windows, and the last one kept is as good as the first.
        current = Engine.EligibilityWindows.Compute(this, rules);
        windows = current;
        return current;
    }

    /// <summary>Builds a set from journey objects.</summary>
    /// <param name="journeys">The journeys; their ids must be distinct.</param>
    /// <returns>The set, with journeys in the order given.</returns>
    /// <exception cref="ArgumentException">Two journeys share an id, or an element is null.</exception>
    public static JourneySet Create(IEnumerable<Journey> journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var builder = new JourneySetBuilder();
        foreach (var journey in journeys)
        {
            builder.Add(journey);
        }

        return builder.Build();
    }

    /// <summary>Gets the range of touchpoint indices that belong to a journey.</summary>
    /// <param name="journey">The journey's index.</param>
    /// <returns>The range of global touchpoint indices, in time order.</returns>
    public Range GetTouchpointRange(int journey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(journey);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(journey, Count);
        return new Range(TouchOffsets[journey], TouchOffsets[journey + 1]);
    }

    /// <summary>Gets the range of conversion indices that belong to a journey.</summary>
    /// <param name="journey">The journey's index.</param>
    /// <returns>The range of global conversion indices, in time order.</returns>
    public Range GetConversionRange(int journey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(journey);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(journey, Count);
        return new Range(ConversionOffsets[journey], ConversionOffsets[journey + 1]);
    }

    /// <summary>Gets one touchpoint as an object (instants in UTC).</summary>
    /// <param name="index">The touchpoint's global index, from 0 to <see cref="TouchpointCount"/> − 1.</param>
    /// <returns>The touchpoint.</returns>
    public Touchpoint GetTouchpoint(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TouchpointCount);
        var campaign = TouchCampaigns[index];
        return new Touchpoint(
            new DateTimeOffset(TouchTicks[index], TimeSpan.Zero),
            ChannelTable[TouchChannels[index]],
            campaign == NoCampaign ? null : CampaignTable[campaign],
            TouchTypeTable.Count == 0 ? null : TouchTypeTable[TouchTypeOf(index)]);
    }

    /// <summary>Gets a touchpoint's touch-type id.</summary>
    internal int TouchTypeOf(int index) => TouchTypeKeys is null ? 0 : (TouchTypeKeys[index] + 1) / (CampaignTable.Count + 1);

    /// <summary>Gets one conversion as an object (instants in UTC).</summary>
    /// <param name="index">The conversion's global index, from 0 to <see cref="ConversionCount"/> − 1.</param>
    /// <returns>The conversion.</returns>
    public Conversion GetConversion(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ConversionCount);
        return new Conversion(
            new DateTimeOffset(ConversionTicks[index], TimeSpan.Zero),
            ConversionValues[index],
            KindTable[ConversionKinds[index]],
            ConversionIds?[index]);
    }

    /// <summary>Gets one journey as an object (instants in UTC).</summary>
    /// <param name="index">The journey's index, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The journey.</returns>
    public Journey GetJourney(int index)
    {
        var touches = GetTouchpointRange(index);
        var conversions = GetConversionRange(index);
        var t = new Touchpoint[touches.End.Value - touches.Start.Value];
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = GetTouchpoint(touches.Start.Value + i);
        }

        var c = new Conversion[conversions.End.Value - conversions.Start.Value];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = GetConversion(conversions.Start.Value + i);
        }

        return new Journey(JourneyIdTable[index], t, c);
    }
}
