namespace Attribution.IO;

/// <summary>Options for <see cref="EventLogCsvReader"/>.</summary>
public sealed record EventLogCsvOptions
{
    /// <summary>Gets the field separator.</summary>
    /// <value>The default value is <c>,</c>. Must be an ASCII character other than the quote <c>"</c>, CR and LF.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets the file's header for each standard column that the file names otherwise, keyed by the standard name
    /// (<c>journey_id</c>, <c>timestamp</c>, <c>channel</c>, <c>campaign</c>, <c>conversion</c>, <c>value</c>,
    /// <c>conversion_id</c>, <c>touch_type</c>, <c>status</c>; ignoring case): <c>{ ["journey_id"] = "user_id" }</c> reads
    /// the journeys from the column headed <c>user_id</c>. Headers match ignoring case and surrounding white space, and errors
    /// name a column by its header.</summary>
    /// <value>The default value is <see langword="null"/>: every column is read from the header of its standard name. A key
    /// that is no standard name, an empty header, or two standard columns read from one header (mapped or standard) make
    /// the read throw an <see cref="ArgumentException"/>.</value>
    public IReadOnlyDictionary<string, string>? ColumnNames { get; init; }

    /// <summary>Gets the people→account mapping: every person's rows join the journey of the account the person belonged to then.</summary>
    /// <value>The default value is <see langword="null"/>. See <see cref="Journeys.JourneySetBuilder.Accounts"/>; read one with <see cref="AccountCsvReader.ReadMapping(string)"/>.</value>
    public B2B.AccountMap? Accounts { get; init; }

    /// <summary>Gets the identity aliases merged before <see cref="Accounts"/> is applied.</summary>
    /// <value>The default value is <see langword="null"/>. See <see cref="Journeys.JourneySetBuilder.Identities"/>; read them with <see cref="AccountCsvReader.ReadIdentities(string)"/>.</value>
    public B2B.IdentityMap? Identities { get; init; }

    /// <summary>Gets a receiver of progress: the number of data rows read so far, reported about every 100 000 rows and once at the end.</summary>
    /// <value>The default value is <see langword="null"/> (no reports).</value>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Gets the campaign-member statuses (the <c>status</c> column) whose touch rows are touchpoints, compared
    /// ignoring case; rows with no status always count. The other touch rows are counted per status in
    /// <see cref="Journeys.JourneySet.NotCountedByStatus"/>.</summary>
    /// <value>The default value is <see langword="null"/>: every row counts (<see cref="Journeys.JourneySetBuilder.CountedStatuses"/>).</value>
    public IReadOnlyCollection<string>? CountedStatuses { get; init; }

    // The statuses print as items, not as their collection's type name.
    private bool PrintMembers(System.Text.StringBuilder builder) => RecordText.Print(builder, this);
}
