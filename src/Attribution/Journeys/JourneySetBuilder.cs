using Attribution.B2B;

namespace Attribution.Journeys;

/// <summary>Collects touchpoints and conversions row by row, in any order, and builds a <see cref="JourneySet"/>.</summary>
/// <remarks>
/// <para>Rows of different journeys may be interleaved and need not be in time order: <see cref="Build"/> groups them by
/// journey (journeys in order of first appearance) and sorts each journey by instant with a stable sort, so rows at the
/// same instant keep their input order.</para>
/// <para>Names are interned through <see cref="JourneyIds"/>, <see cref="Channels"/>, <see cref="Campaigns"/>,
/// <see cref="TouchTypes"/>, <see cref="Statuses"/> and <see cref="Kinds"/>; readers can intern straight from UTF-8 or
/// character spans without allocating strings. A builder is not thread-safe.</para>
/// <para>With <see cref="CountedStatuses"/>, only touches with one of those campaign-member statuses (or none) are
/// touchpoints; the others are counted per status (<see cref="JourneySet.NotCountedByStatus"/>), never dropped unseen.</para>
/// <para>With <see cref="Identities"/>, rows of an alias join its canonical id's journey; with <see cref="Accounts"/>,
/// every row of a person joins the journey of the account the person belonged to at the row's instant (see
/// <see cref="AccountMap"/>). The built set's journeys are then the canonical ids and accounts, in order of first
/// appearance of the journey each row joins, exactly as if every row's journey id had been replaced before it was added;
/// each touch remembers its person (<see cref="JourneySet.GetTouchpointPerson"/>).</para>
/// <para>Conversions of one journey with the same kind and id are counted once: the first in sorted order stays, the
/// others are removed and counted in <see cref="JourneySet.DuplicateConversionsRemoved"/>. (The kind is part of the key
/// because one CRM record may make conversions of several kinds, such as an opportunity and the order it became.)</para>
/// </remarks>
/// <example>
/// <code>
/// var builder = new JourneySetBuilder();
/// var anna = builder.JourneyIds.GetOrAdd("anna");
/// builder.AddTouchpoint(anna, DateTimeOffset.Parse("2026-03-01T09:00Z"), builder.Channels.GetOrAdd("email"));
/// builder.AddConversion(anna, DateTimeOffset.Parse("2026-03-02T10:00Z"), 120.0, builder.Kinds.GetOrAdd("order"));
/// JourneySet set = builder.Build();
/// </code>
/// </example>
public sealed class JourneySetBuilder
{
    private readonly GrowableColumn<int> touchJourneys;
    private readonly GrowableColumn<long> touchTicks;
    private readonly GrowableColumn<int> touchChannels;
    private readonly GrowableColumn<int> touchCampaigns;
    private readonly GrowableColumn<int> conversionJourneys;
    private readonly GrowableColumn<long> conversionTicks;
    private readonly GrowableColumn<double> conversionValues;
    private readonly GrowableColumn<int> conversionKinds;

    /// <summary>Creates an empty builder.</summary>
    public JourneySetBuilder()
        : this(0, 0)
    {
    }

    /// <summary>Creates an empty builder with room for about as many rows as a reader expects, so big inputs are not copied as the columns grow.</summary>
    /// <param name="touchpointCapacity">The touchpoints expected; more may be added.</param>
    /// <param name="conversionCapacity">The conversions expected; more may be added.</param>
    /// <exception cref="ArgumentOutOfRangeException">A capacity is negative.</exception>
    public JourneySetBuilder(int touchpointCapacity, int conversionCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(touchpointCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(conversionCapacity);
        touchJourneys = new(touchpointCapacity);
        touchTicks = new(touchpointCapacity);
        touchChannels = new(touchpointCapacity);
        touchCampaigns = new(touchpointCapacity);
        conversionJourneys = new(conversionCapacity);
        conversionTicks = new(conversionCapacity);
        conversionValues = new(conversionCapacity);
        conversionKinds = new(conversionCapacity);
    }
    private GrowableColumn<string?>? conversionIds;
    private GrowableColumn<long>? touchRows;
    private GrowableColumn<long>? conversionRows;
    private long nextRow;
    private bool built;

    // Touch types cost a column only once two touches differ: until then every touch has uniformType.
    private GrowableColumn<int>? touchTypes;
    private int uniformType = -1;
    private int defaultType = -1;

    private HashSet<string>? countedStatuses;
    private readonly List<bool> statusCounts = [];
    private readonly List<int> notCounted = [];

    /// <summary>Gets the people→account mapping applied when the set is built.</summary>
    /// <value>The default value is <see langword="null"/>: every journey id is its own journey.</value>
    public AccountMap? Accounts
    {
        get;
        init
        {
            field = value;
            Remaps |= value is not null;
        }
    }

    /// <summary>Gets the aliases merged when the set is built, before <see cref="Accounts"/> is applied.</summary>
    /// <value>The default value is <see langword="null"/>: no aliases.</value>
    public IdentityMap? Identities
    {
        get;
        init
        {
            field = value;
            Remaps |= value is not null;
        }
    }

    // Rows keep their input order only when journeys are remapped: it decides the order of the remapped journeys. A
    // field, so the readers' per-row adds test one flag.
    private bool Remaps { get; set; }

    /// <summary>Gets the table that interns journey ids; a journey's id is its index in the built set.</summary>
    public SymbolTable JourneyIds { get; } = new();

    /// <summary>Gets the table that interns channel names.</summary>
    public SymbolTable Channels { get; } = new();

    /// <summary>Gets the table that interns campaign names.</summary>
    public SymbolTable Campaigns { get; } = new();

    /// <summary>Gets the table that interns conversion kinds.</summary>
    public SymbolTable Kinds { get; } = new();

    /// <summary>Gets the table that interns touch types (<c>online</c>, <c>offline</c>, <c>sales</c> …).</summary>
    public SymbolTable TouchTypes { get; } = new();

    /// <summary>Gets the table that interns campaign-member statuses (<c>sent</c>, <c>attended</c> …); a status decides
    /// whether a touch counts (<see cref="CountedStatuses"/>) and is not kept in the set.</summary>
    public SymbolTable Statuses { get; } = new();

    /// <summary>Gets the campaign-member statuses whose touches count, compared ignoring case (CRMs write <c>Responded</c>,
    /// people type <c>responded</c>); a touch with no status always counts.</summary>
    /// <value>The default value is <see langword="null"/>: every touch counts, whatever its status.</value>
    /// <exception cref="ArgumentException">A status is empty, white space or holds a control character, or the collection is empty.</exception>
    public IReadOnlyCollection<string>? CountedStatuses
    {
        get => countedStatuses;
        init
        {
            if (value is null)
            {
                countedStatuses = null;
                return;
            }

            if (value.Count == 0)
            {
                throw new ArgumentException("Give at least one counted status, or null to count every touch.", nameof(CountedStatuses));
            }

            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var status in value)
            {
                set.Add(Names.Require(status, nameof(CountedStatuses), reservedApplies: false));
            }

            countedStatuses = set;
        }
    }

    /// <summary>Gets the number of touchpoints added so far.</summary>
    public int TouchpointCount => touchTicks.Count;

    /// <summary>Gets the number of conversions added so far.</summary>
    public int ConversionCount => conversionTicks.Count;

    /// <summary>Adds one touchpoint, unless its status is not counted (see <see cref="CountedStatuses"/>).</summary>
    /// <param name="journey">The journey's id from <see cref="JourneyIds"/>.</param>
    /// <param name="instant">When the touch happened.</param>
    /// <param name="channel">The channel's id from <see cref="Channels"/>.</param>
    /// <param name="campaign">The campaign's id from <see cref="Campaigns"/>, or −1 for none.</param>
    /// <param name="touchType">The touch type's id from <see cref="TouchTypes"/>, or −1 for <see cref="Touchpoint.DefaultTouchType"/>.</param>
    /// <param name="status">The campaign-member status's id from <see cref="Statuses"/>, or −1 for none.</param>
    /// <returns><see langword="true"/> when the touch was added; <see langword="false"/> when its status is not counted: it
    /// is then counted in <see cref="JourneySet.NotCountedByStatus"/> instead (intern the journey only for rows that count,
    /// see <see cref="Counts"/>: a journey with no row makes <see cref="Build"/> throw).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in its table.</exception>
    public bool AddTouchpoint(int journey, DateTimeOffset instant, int channel, int campaign = -1, int touchType = -1, int status = -1)
    {
        EnsureNotBuilt();
        if (status != -1)
        {
            CheckId(status, Statuses, nameof(status));
            if (!Counts(status))
            {
                AddNotCounted(status);
                return false;
            }
        }

        CheckId(journey, JourneyIds, nameof(journey));
        CheckId(channel, Channels, nameof(channel));
        if (campaign != JourneySet.NoCampaign)
        {
            CheckId(campaign, Campaigns, nameof(campaign));
        }

        if (touchType == -1)
        {
            touchType = DefaultType();
        }
        else
        {
            CheckId(touchType, TouchTypes, nameof(touchType));
        }

        touchJourneys.Add(journey);
        touchTicks.Add(instant.UtcTicks);
        touchChannels.Add(channel);
        touchCampaigns.Add(campaign);
        AddType(touchType);
        if (Remaps)
        {
            (touchRows ??= new(0)).Add(nextRow++);
        }
        return true;
    }

    /// <summary>Gets whether touches with a status count (<see cref="CountedStatuses"/>).</summary>
    /// <param name="status">The status's id from <see cref="Statuses"/>, or −1 for none (which always counts).</param>
    /// <returns>Whether such a touch is a touchpoint.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not in its table.</exception>
    public bool Counts(int status)
    {
        if (status == -1 || countedStatuses is null)
        {
            return true;
        }

        CheckId(status, Statuses, nameof(status));

        // Statuses are few: each is looked up in the counted set once.
        while (statusCounts.Count <= status)
        {
            statusCounts.Add(countedStatuses.Contains(Statuses[statusCounts.Count]));
        }

        return statusCounts[status];
    }

    /// <summary>Counts one touch row left out for its status: the one home of the tally, for <see cref="AddTouchpoint"/> and
    /// for readers, which decide before they intern the row's journey.</summary>
    internal void AddNotCounted(int status)
    {
        while (notCounted.Count <= status)
        {
            notCounted.Add(0);
        }

        notCounted[status]++;
    }

    private int DefaultType()
    {
        if (defaultType < 0)
        {
            defaultType = TouchTypes.GetOrAdd(Touchpoint.DefaultTouchType);
        }

        return defaultType;
    }

    private void AddType(int touchType)
    {
        if (touchTypes is null)
        {
            if (uniformType < 0 || touchType == uniformType)
            {
                uniformType = touchType;
                return;
            }

            touchTypes = new GrowableColumn<int>(Math.Max(64, touchTicks.Count));
            for (var i = 0; i < touchTicks.Count - 1; i++)
            {
                touchTypes.Add(uniformType);
            }
        }

        touchTypes.Add(touchType);
    }

    /// <summary>Adds one conversion.</summary>
    /// <param name="journey">The journey's id from <see cref="JourneyIds"/>.</param>
    /// <param name="instant">When the conversion happened.</param>
    /// <param name="value">What it is worth; finite and not negative.</param>
    /// <param name="kind">The kind's id from <see cref="Kinds"/>.</param>
    /// <param name="id">The host system's id for the conversion, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in its table, or <paramref name="value"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public void AddConversion(int journey, DateTimeOffset instant, double value, int kind, string? id = null)
    {
        EnsureNotBuilt();
        CheckId(journey, JourneyIds, nameof(journey));
        CheckId(kind, Kinds, nameof(kind));
        Guard.FiniteNonNegative(value);
        value = value == 0 ? 0 : value;
        if (id is not null && conversionIds is null)
        {
            conversionIds = new GrowableColumn<string?>(0);
            for (var i = 0; i < conversionTicks.Count; i++)
            {
                conversionIds.Add(null);
            }
        }

        conversionJourneys.Add(journey);
        conversionTicks.Add(instant.UtcTicks);
        conversionValues.Add(value);
        conversionKinds.Add(kind);
        conversionIds?.Add(string.IsNullOrWhiteSpace(id) ? null : id);
        if (Remaps)
        {
            (conversionRows ??= new(0)).Add(nextRow++);
        }
    }

    /// <summary>Adds a whole journey.</summary>
    /// <param name="journey">The journey; its id must not have been used before.</param>
    /// <exception cref="ArgumentException">A journey with the same id was already added.</exception>
    public void Add(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        EnsureNotBuilt();
        var before = JourneyIds.Count;
        var index = JourneyIds.GetOrAddOnce(journey.Id);
        if (index != before)
        {
            throw new ArgumentException($"Journey id '{journey.Id}' appears twice; journey ids must be distinct.", nameof(journey));
        }

        // The journey's objects were validated when built and the ids come from this builder's own tables, so the rows
        // go straight into the columns: this is the object API's whole cost per touch.
        foreach (var t in journey.Touchpoints.AsSpan())
        {
            touchJourneys.Add(index);
            touchTicks.Add(t.Instant.UtcTicks);
            touchChannels.Add(Channels.GetOrAdd(t.Channel));
            touchCampaigns.Add(t.Campaign is null ? JourneySet.NoCampaign : Campaigns.GetOrAdd(t.Campaign));
            AddType(TouchTypes.GetOrAdd(t.TouchType));
            if (Remaps)
            {
                (touchRows ??= new(0)).Add(nextRow++);
            }
        }

        foreach (var c in journey.Conversions)
        {
            AddConversion(index, c.Instant, c.Value, Kinds.GetOrAdd(c.Kind), c.Id);
        }
    }

    /// <summary>Groups the rows by journey, sorts each journey by time and returns the set. The builder cannot be used afterwards,
    /// and its symbol tables, now the set's, take no new names.</summary>
    /// <returns>The journey set.</returns>
    /// <exception cref="InvalidOperationException">A journey id was interned but no row was added for it.</exception>
    /// <exception cref="ArgumentException">A name added to a table breaks the rule of names: it has white space around it,
    /// holds a control character, or (a channel or campaign) is the key of a built-in row.</exception>
    public JourneySet Build()
    {
        EnsureNotBuilt();

        // Names come in through the public tables too, so the rule every reader and object applies is checked once here.
        Names.CheckTable(Channels, "Channel", reservedApplies: true, nameof(Channels));
        Names.CheckTable(Campaigns, "Campaign", reservedApplies: true, nameof(Campaigns));
        Names.CheckTable(Kinds, "Conversion kind", reservedApplies: false, nameof(Kinds));
        Names.CheckTable(TouchTypes, "Touch type", reservedApplies: true, nameof(TouchTypes));
        Names.CheckTable(Statuses, "Status", reservedApplies: false, nameof(Statuses));
        Names.CheckTable(JourneyIds, "Journey id", reservedApplies: false, nameof(JourneyIds));
        built = true;
        JourneyIds.Freeze();
        Channels.Freeze();
        Campaigns.Freeze();
        Kinds.Freeze();
        TouchTypes.Freeze();
        Statuses.Freeze();
        var journeyCount = JourneyIds.Count;
        var journeyTable = JourneyIds;
        Remapped? remapped = null;
        if (Remaps)
        {
            remapped = Remap();
            journeyTable = remapped.Journeys;
            journeyCount = journeyTable.Count;
        }

        var touchOffsets = Offsets(touchJourneys, journeyCount);
        var conversionOffsets = Offsets(conversionJourneys, journeyCount);
        for (var j = 0; j < journeyCount; j++)
        {
            if (touchOffsets[j] == touchOffsets[j + 1] && conversionOffsets[j] == conversionOffsets[j + 1])
            {
                // With counted statuses the likely cause is a journey interned for a row that then did not count.
                var hint = notCounted.Count > 0 ? " (intern a journey only for rows that count: see Counts)" : string.Empty;
                throw new InvalidOperationException($"Journey '{journeyTable[j]}' has neither touchpoints nor conversions{hint}.");
            }
        }

        var touchOrder = GroupAndSort(touchJourneys, touchTicks, touchOffsets);
        var campaigns = Permute(touchCampaigns, touchOrder);
        var conversionOrder = GroupAndSort(conversionJourneys, conversionTicks, conversionOffsets);
        var ids = conversionIds is null ? null : Permute(conversionIds, conversionOrder);
        var kinds = Permute(conversionKinds, conversionOrder);
        var duplicates = ids is null ? null : FindDuplicates(ids, kinds, conversionOffsets);
        var conversionTicksSorted = Permute(conversionTicks, conversionOrder);
        var conversionValuesSorted = Permute(conversionValues, conversionOrder);
        var removed = 0;
        if (duplicates is not null)
        {
            removed = Compact(duplicates, conversionOffsets, ref conversionTicksSorted, ref conversionValuesSorted, ref kinds, ref ids!);
        }

        return new JourneySet(
            journeyTable,
            Channels,
            Campaigns,
            Kinds,
            touchOffsets,
            Permute(touchTicks, touchOrder),
            Permute(touchChannels, touchOrder),
            campaigns,
            TouchTypes,
            TouchTypeKeys(campaigns, touchOrder),
            NotCountedByStatus(),
            conversionOffsets,
            conversionTicksSorted,
            conversionValuesSorted,
            kinds,
            ids)
        {
            People = remapped?.People,
            TouchPeople = remapped is null ? null : Permute(remapped.TouchPeople, touchOrder),
            AccountJourneys = Accounts is null ? null : remapped?.AccountJourneys,
            PeopleWithoutAccount = remapped?.PeopleWithoutAccount ?? 0,
            DuplicateConversionsRemoved = removed,
        };
    }

    /// <summary>Puts every row on the journey it joins (its canonical person's, or that person's account at the row's
    /// instant), numbering the new journeys in order of first appearance over the rows in input order.</summary>
    private Remapped Remap()
    {
        var people = new SymbolTable();
        var personOf = new int[JourneyIds.Count];
        for (var j = 0; j < personOf.Length; j++)
        {
            personOf[j] = people.GetOrAdd(Identities?.Resolve(JourneyIds[j]) ?? JourneyIds[j]);
        }

        var hasRows = new bool[personOf.Length];
        var touches = touchJourneys.AsWritableSpan();
        var conversions = conversionJourneys.AsWritableSpan();
        var touchTime = touchTicks.AsSpan();
        var conversionTime = conversionTicks.AsSpan();
        var touchOrder = touchRows is null ? default : touchRows.AsSpan();
        var conversionOrder = conversionRows is null ? default : conversionRows.AsSpan();
        var touchPeople = new GrowableColumn<int>(touches.Length);
        var journeys = new SymbolTable();
        var accountJourneys = new List<bool>();
        var lacking = new bool[people.Count];
        var withoutAccount = 0;
        int t = 0, c = 0;
        while (t < touches.Length || c < conversions.Length)
        {
            var isTouch = c >= conversions.Length || (t < touches.Length && touchOrder[t] < conversionOrder[c]);
            ref var journey = ref isTouch ? ref touches[t] : ref conversions[c];
            var ticks = isTouch ? touchTime[t] : conversionTime[c];
            hasRows[journey] = true;
            var person = personOf[journey];
            var name = people[person];
            var account = Accounts?.AccountAt(name, ticks);
            if (Accounts is not null && account is null && !Accounts.IsAccount(name) && !lacking[person])
            {
                lacking[person] = true;
                withoutAccount++;
            }

            var before = journeys.Count;
            journey = journeys.GetOrAdd(account ?? name);
            if (journeys.Count > before)
            {
                accountJourneys.Add(account is not null || Accounts?.IsAccount(name) == true);
            }

            if (isTouch)
            {
                touchPeople.Add(person);
                t++;
            }
            else
            {
                c++;
            }
        }

        for (var j = 0; j < hasRows.Length; j++)
        {
            if (!hasRows[j])
            {
                throw new InvalidOperationException($"Journey '{JourneyIds[j]}' has neither touchpoints nor conversions.");
            }
        }

        Names.CheckTable(journeys, "Journey id", reservedApplies: false, nameof(Accounts));
        journeys.Freeze();
        people.Freeze();
        return new Remapped(journeys, people, touchPeople, [.. accountJourneys], withoutAccount);
    }

    /// <summary>Marks each conversion that repeats the kind and id of an earlier one of its journey (sorted order), or returns null when none does.</summary>
    private static bool[]? FindDuplicates(string?[] ids, int[] kinds, int[] offsets)
    {
        bool[]? duplicate = null;
        HashSet<(int, string)>? seen = null;
        for (var j = 0; j + 1 < offsets.Length; j++)
        {
            var c0 = offsets[j];
            var c1 = offsets[j + 1];
            if (c1 - c0 > 16)
            {
                (seen ??= []).Clear();
            }

            for (var c = c0; c < c1; c++)
            {
                if (ids[c] is not { } id)
                {
                    continue;
                }

                var repeated = false;
                if (c1 - c0 > 16)
                {
                    repeated = !seen!.Add((kinds[c], id));
                }
                else
                {
                    // A journey has a handful of conversions: comparing with the earlier ones costs less than a set.
                    for (var e = c0; e < c && !repeated; e++)
                    {
                        repeated = kinds[e] == kinds[c] && string.Equals(ids[e], id, StringComparison.Ordinal);
                    }
                }

                if (repeated)
                {
                    (duplicate ??= new bool[ids.Length])[c] = true;
                }
            }
        }

        return duplicate;
    }

    /// <summary>Removes the marked conversions from the sorted columns and fixes the offsets; returns how many went.</summary>
    private static int Compact(bool[] duplicate, int[] offsets, ref long[] ticks, ref double[] values, ref int[] kinds, ref string?[] ids)
    {
        var kept = 0;
        var removed = 0;
        var journey = 0;
        var newOffsets = new int[offsets.Length];
        for (var c = 0; c < duplicate.Length; c++)
        {
            while (offsets[journey + 1] <= c)
            {
                newOffsets[++journey] = kept;
            }

            if (duplicate[c])
            {
                removed++;
                continue;
            }

            ticks[kept] = ticks[c];
            values[kept] = values[c];
            kinds[kept] = kinds[c];
            ids[kept] = ids[c];
            kept++;
        }

        while (journey + 1 < offsets.Length)
        {
            newOffsets[++journey] = kept;
        }

        newOffsets.CopyTo(offsets, 0);
        Array.Resize(ref ticks, kept);
        Array.Resize(ref values, kept);
        Array.Resize(ref kinds, kept);
        Array.Resize(ref ids, kept);
        return removed;
    }

    /// <summary>The set's <see cref="JourneySet.TouchTypeKeys"/>: null while every touch has type 0.</summary>
    private int[]? TouchTypeKeys(int[] campaigns, int[]? order)
    {
        if (touchTypes is null && uniformType <= 0)
        {
            return null;
        }

        var slots = Campaigns.Count + 1;
        var keys = new int[campaigns.Length];
        var types = touchTypes is null ? default : touchTypes.AsSpan();
        for (var i = 0; i < keys.Length; i++)
        {
            var type = touchTypes is null ? uniformType : types[order is null ? i : order[i]];
            keys[i] = checked(campaigns[i] + (type * slots));
        }

        return keys;
    }

    private KeyValuePair<string, int>[] NotCountedByStatus()
    {
        var counts = new List<KeyValuePair<string, int>>();
        for (var s = 0; s < notCounted.Count; s++)
        {
            if (notCounted[s] > 0)
            {
                counts.Add(new(Statuses[s], notCounted[s]));
            }
        }

        return [.. counts];
    }

    private static int[] Offsets(GrowableColumn<int> journeys, int journeyCount)
    {
        var offsets = new int[journeyCount + 1];
        var span = journeys.AsSpan();
        foreach (var j in span)
        {
            offsets[j + 1]++;
        }

        for (var j = 0; j < journeyCount; j++)
        {
            offsets[j + 1] += offsets[j];
        }

        return offsets;
    }

    /// <summary>Returns, for each output position, the input row: grouped by journey (counting sort, stable), then by time
    /// (stable); or <see langword="null"/> when the rows are in that order already, as in a log written journey by journey.</summary>
    private static int[]? GroupAndSort(GrowableColumn<int> journeys, GrowableColumn<long> ticks, int[] offsets)
    {
        var rows = journeys.AsSpan();
        var time = ticks.AsSpan();
        if (IsGroupedAndSorted(rows, time))
        {
            return null;
        }

        var order = new int[rows.Length];
        var next = offsets.AsSpan(0, offsets.Length - 1).ToArray();
        for (var r = 0; r < rows.Length; r++)
        {
            order[next[rows[r]]++] = r;
        }

        for (var j = 0; j + 1 < offsets.Length; j++)
        {
            var segment = order.AsSpan(offsets[j], offsets[j + 1] - offsets[j]);
            if (!IsSorted(segment, time))
            {
                SortStable(segment, time);
            }
        }

        return order;
    }

    // Rows whose journeys never decrease are grouped already, and the stable counting sort would keep them in place.
    private static bool IsGroupedAndSorted(ReadOnlySpan<int> rows, ReadOnlySpan<long> time)
    {
        for (var r = 1; r < rows.Length; r++)
        {
            if (rows[r] < rows[r - 1] || (rows[r] == rows[r - 1] && time[r] < time[r - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSorted(ReadOnlySpan<int> segment, ReadOnlySpan<long> time)
    {
        for (var i = 1; i < segment.Length; i++)
        {
            if (time[segment[i]] < time[segment[i - 1]])
            {
                return false;
            }
        }

        return true;
    }

    private static void SortStable(Span<int> segment, ReadOnlySpan<long> time)
    {
        // Row numbers rise within a segment, so breaking ties by row number keeps the sort stable.
        var keys = new (long Ticks, int Row)[segment.Length];
        for (var i = 0; i < segment.Length; i++)
        {
            keys[i] = (time[segment[i]], segment[i]);
        }

        Array.Sort(keys);
        for (var i = 0; i < segment.Length; i++)
        {
            segment[i] = keys[i].Row;
        }
    }

    private static T[] Permute<T>(GrowableColumn<T> column, int[]? order)
    {
        var source = column.AsSpan();
        if (order is null)
        {
            return source.ToArray();
        }

        var result = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = source[order[i]];
        }

        return result;
    }

    private static void CheckId(int id, SymbolTable table, string paramName)
    {
        if ((uint)id >= (uint)table.Count)
        {
            throw new ArgumentOutOfRangeException(paramName, id, $"'{paramName}' must be an id from its symbol table (0 to {table.Count - 1}).");
        }
    }

    private void EnsureNotBuilt()
    {
        if (built)
        {
            throw new InvalidOperationException("This builder has already built its journey set; create a new builder.");
        }
    }

    /// <summary>An append-only array that doubles when full.</summary>
    private sealed class GrowableColumn<T>(int capacity)
    {
        private T[] items = new T[capacity > 0 ? capacity : 64];

        public int Count { get; private set; }

        public void Add(T item)
        {
            if (Count == items.Length)
            {
                Array.Resize(ref items, (int)Math.Min(Array.MaxLength, items.Length * 2L));
            }

            items[Count++] = item;
        }

        public ReadOnlySpan<T> AsSpan() => items.AsSpan(0, Count);

        public Span<T> AsWritableSpan() => items.AsSpan(0, Count);
    }

    /// <summary>What <see cref="Remap"/> made: the new journeys, the people, each touch's person (in input order).</summary>
    private sealed record Remapped(SymbolTable Journeys, SymbolTable People, GrowableColumn<int> TouchPeople, bool[] AccountJourneys, int PeopleWithoutAccount);
}
