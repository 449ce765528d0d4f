using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Unicode;
using System.Threading.Channels;
using Attribution.IO.Internal;
using Attribution.Journeys;
using CsvHelper;

namespace Attribution.IO;

/// <summary>Reads an event log — one CSV row per touchpoint or conversion — into a <see cref="JourneySet"/>.</summary>
/// <remarks>
/// <para>The first row is a header. Columns are matched by name, ignoring case and surrounding white space, in any
/// order; columns with other names are ignored. <see cref="EventLogCsvOptions.ColumnNames"/> reads the columns below from
/// headers the file names otherwise, and errors then name a column by its header.</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Meaning</description></listheader>
/// <item><term><c>journey_id</c></term><description>Required. The journey (user, account, lead) the row belongs to.</description></item>
/// <item><term><c>timestamp</c></term><description>Required. ISO-8601 with <c>Z</c> or an offset, such as
/// <c>2026-03-01T09:00:00Z</c> or <c>2026-03-01T11:00:00+02:00</c>; a timestamp without an offset is an error.</description></item>
/// <item><term><c>channel</c></term><description>Required column; must be non-empty on touchpoint rows.</description></item>
/// <item><term><c>campaign</c></term><description>Optional. Empty means no campaign.</description></item>
/// <item><term><c>conversion</c></term><description>Optional. Non-empty makes the row a conversion of that kind; its
/// <c>channel</c>, <c>campaign</c> and <c>touch_type</c> are then not read.</description></item>
/// <item><term><c>value</c></term><description>Optional. The conversion's value, a finite number &gt;= 0; empty means 1.
/// Only conversion rows may have one.</description></item>
/// <item><term><c>conversion_id</c></term><description>Optional. The conversion's id in a host system
/// (<see cref="Conversion.Id"/>). Only conversion rows may have one.</description></item>
/// <item><term><c>touch_type</c></term><description>Optional. The touch's type, free text such as <c>online</c>,
/// <c>offline</c> or <c>sales</c> (<see cref="Touchpoint.TouchType"/>); empty means <c>online</c>.</description></item>
/// <item><term><c>status</c></term><description>Optional. The touch's campaign-member status, such as <c>sent</c> or
/// <c>attended</c>: with <see cref="EventLogCsvOptions.CountedStatuses"/>, only rows with one of those statuses (or none)
/// are touchpoints, and the others are counted in <see cref="JourneySet.NotCountedByStatus"/>. Only touchpoint rows may
/// have one: a conversion always counts.</description></item>
/// </list>
/// <para>Names (journey ids, channels, campaigns, touch types, statuses, conversion kinds) follow one rule, the same in every reader and in
/// <see cref="Touchpoint"/> and <see cref="Conversion"/>: surrounding white space is trimmed (<c>email </c> is
/// <c>email</c>); a name must hold no control character (U+0000–U+001F, U+007F–U+009F); and a channel, campaign or touch type must not
/// be the key of a built-in row, <c>(unattributed)</c>, <c>(none)</c> or <c>(total)</c>. A cell of only white space is
/// empty. A value of <c>-0</c> is 0. A record (the header or a row) may hold at most 64 MiB. An input that is
/// gzip-compressed or UTF-16 without a byte order mark, or whose header seems to use another delimiter, gets an error saying so.</para>
/// <para>Rows of different journeys may be interleaved and need not be sorted. The input is streamed with CsvHelper's
/// span-based reader: fields are read as UTF-8 spans, and channel, campaign, kind and journey names are interned
/// straight from them, so strings are created once per distinct name, not once per row.</para>
/// <para>Every malformed row is reported with an <see cref="AttributionDataException"/> naming the line and column;
/// nothing is returned unless the whole input is valid.</para>
/// </remarks>
/// <example>
/// <code>
/// JourneySet journeys = EventLogCsvReader.Read("events.csv");
/// AttributionResult linear = new AttributionEngine().Run(journeys, AttributionModels.Linear);
/// </code>
/// </example>
public static class EventLogCsvReader
{
    private const long ProgressInterval = 100_000;

    // Below about this many rows a second thread costs more to start than it saves.
    private const int PipelineMinRows = 100_000;
    private const int BatchRows = 32768;

    /// <summary>Reads an event-log CSV file.</summary>
    /// <param name="path">The path of the file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The journeys, in order of first appearance.</returns>
    /// <exception cref="AttributionDataException">The file is empty, the header lacks a required column, or a row is malformed.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static JourneySet Read(string path, EventLogCsvOptions? options = null)
    {
        using var stream = CsvInput.OpenRead(path);
        return Read(stream, options, path);
    }

    /// <summary>Reads event-log CSV from a stream, from its current position; the stream is left open.</summary>
    /// <param name="stream">The input, UTF-8 (a byte order mark is allowed).</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="sourceName">The name errors give the input, such as a file name; <c>&lt;stream&gt;</c> when <see langword="null"/>.</param>
    /// <returns>The journeys, in order of first appearance.</returns>
    /// <exception cref="AttributionDataException">The input is empty, the header lacks a required column, or a row is malformed.</exception>
    public static JourneySet Read(Stream stream, EventLogCsvOptions? options = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var expectedRows = EstimateRows(stream);
        var pipelined = Environment.ProcessorCount > 1 && expectedRows >= PipelineMinRows;
        return Read(stream, options, sourceName, pipelined, BatchRows, expectedRows);
    }

    /// <summary>Reads with the scanning either on a thread of its own (<paramref name="pipelined"/>) or interleaved with
    /// the interning on this thread, in batches of <paramref name="batchRows"/> rows; tests drive both ways.</summary>
    internal static JourneySet Read(Stream stream, EventLogCsvOptions? options, string? sourceName, bool pipelined, int batchRows, int expectedRows = 0)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        options ??= new EventLogCsvOptions();
        CsvInput.ValidateDelimiter(options.Delimiter, nameof(options));
        var names = Columns.Headers(options.ColumnNames, out var problem) ?? throw new ArgumentException($"{nameof(EventLogCsvOptions.ColumnNames)}: {problem}.", nameof(options));
        var source = sourceName ?? CsvInput.StreamSourceName;
        var parser = new RowParser(source, names, options.Progress, expectedRows, pipelined, batchRows, options.CountedStatuses, options.Accounts, options.Identities);
        return CsvInput.Parse(stream, options.Delimiter, source, parser.Parse);
    }

    /// <summary>The state of one read: the column positions, the builder and the row count.</summary>
    // Presizing the columns from the file's length saves copying them as they grow. A row of an event log takes about
    // 50 bytes; guessing low only means the columns grow once or twice more, so this errs on the short side.
    private static int EstimateRows(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 0;
        }

        var remaining = stream.Length - stream.Position;
        return (int)Math.Clamp(remaining / 56, 0, 1 << 26);
    }


    /// <summary>The state of one read: the column positions, the builder and the row count.</summary>
    /// <remarks>
    /// Rows go through in batches: the scan (CsvHelper finding fields, every check of a row, the timestamp and value, and
    /// interning the few channels, campaigns and kinds) fills a batch, and the interning of journeys (a large table, and
    /// what gives a journey its index) appends it to the builder. With <c>pipelined</c> the scan runs on a thread of its
    /// own, a batch or two ahead; both still go through the rows in file order, so ids follow first appearance, and the
    /// first error in the file is the one reported: the scan carries its error in the batch, thrown after the rows before it.
    /// </remarks>
    private sealed class RowParser(string sourceName, string[] names, IProgress<long>? progress, int expectedRows, bool pipelined, int batchRows, IReadOnlyCollection<string>? countedStatuses, B2B.AccountMap? accounts, B2B.IdentityMap? identities)
    {
        // The headers the columns are read from, in the order of Columns.All; errors name a column by its header.
        private readonly string journeyName = names[0];
        private readonly string timestampName = names[1];
        private readonly string channelName = names[2];
        private readonly string campaignName = names[3];
        private readonly string conversionName = names[4];
        private readonly string valueName = names[5];
        private readonly string conversionIdName = names[6];
        private readonly string touchTypeName = names[7];
        private readonly string statusName = names[8];
        private readonly string requiredColumns = $"{names[0]}, {names[1]} and {names[2]}";

        // The builder's campaign id for a touchpoint without one.
        private const int NoCampaign = -1;

        // The kind of a touch row whose status is not counted.
        private const int NotCounted = -2;

        // Most rows of an event log are touchpoints; conversions are a few in ten.
        private readonly JourneySetBuilder builder = new(expectedRows, expectedRows / 8) { CountedStatuses = countedStatuses, Accounts = accounts, Identities = identities };
        private int journeyColumn = -1;
        private int timestampColumn = -1;
        private int channelColumn = -1;
        private int campaignColumn = -1;
        private int conversionColumn = -1;
        private int valueColumn = -1;
        private int conversionIdColumn = -1;
        private int touchTypeColumn = -1;
        private int statusColumn = -1;

        // The id of "online", interned by the scan (the only thread that interns touch types) when a row first needs it.
        private int defaultTouchType = -1;
        private string[] headers = [];
        private long rows;
        private int journeyId = -1;

        // The sum of every conversion value so far, which bounds every total the engine forms from them.
        private double totalValue;

        // Logs are often written journey by journey; remembering the last journey's bytes skips most lookups then.
        private byte[] lastJourney = new byte[64];
        private int lastJourneyLength = -1;

        public string SourceName { get; } = sourceName;

        public JourneySet Parse(CsvReader csv)
        {
            ReadHeader(csv);
            if (pipelined)
            {
                ParsePipelined(csv);
            }
            else
            {
                var batch = new Batch(batchRows);
                bool more;
                do
                {
                    batch.Reset();
                    more = Fill(csv, batch);
                    Intern(batch);
                }
                while (more);
            }

            progress?.Report(rows);
            return builder.Build();
        }

        private void ParsePipelined(CsvReader csv)
        {
            // A few batches ahead is enough to smooth out the two threads' pace; more would only hold more memory. Both
            // threads block (no spinning) while the channel is empty or full: on a busy machine a spinning thread would
            // only take the core the other one needs. Continuations may run synchronously because the only ones are
            // the two threads' own blocking waits, which just wake the waiter.
            var full = Channel.CreateBounded<Batch>(new BoundedChannelOptions(3)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
                AllowSynchronousContinuations = true,
            });

            // Interned batches go back to the scan to be filled again.
            var empty = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var scanner = new Thread(() => Scan(csv, full.Writer, empty.Reader)) { IsBackground = true, Name = "event log scan" };
            scanner.Start();
            try
            {
                while (Wait(full.Reader.WaitToReadAsync()))
                {
                    while (full.Reader.TryRead(out var batch))
                    {
                        Intern(batch);
                        empty.Writer.TryWrite(batch);
                    }
                }

                // A failure of the scan outside a row (a batch carries those) ends the channel with it.
                full.Reader.Completion.GetAwaiter().GetResult();
            }
            finally
            {
                // Completing the writer from this side tells a scan that is still going (this thread threw) to stop; it
                // reads from the CsvReader, which the caller disposes once this returns or throws.
                full.Writer.TryComplete();
                scanner.Join();
            }
        }

        private void Scan(CsvReader csv, ChannelWriter<Batch> full, ChannelReader<Batch> empty)
        {
            try
            {
                bool more;
                do
                {
                    if (empty.TryRead(out var batch))
                    {
                        batch.Reset();
                    }
                    else
                    {
                        batch = new Batch(batchRows);
                    }

                    more = Fill(csv, batch);
                    more &= Put(full, batch);
                }
                while (more);

                full.TryComplete();
            }
#pragma warning disable CA1031 // Handed to the interning thread, which rethrows it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                full.TryComplete(e);
            }
        }

        /// <summary>Queues a batch, waiting while the channel is full; <see langword="false"/> once the interning has stopped.</summary>
        private static bool Put(ChannelWriter<Batch> full, Batch batch)
        {
            while (!full.TryWrite(batch))
            {
                if (!Wait(full.WaitToWriteAsync()))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Blocks this thread until a channel's wait is over; a wait that is already over costs nothing.</summary>
        private static bool Wait(ValueTask<bool> wait)
            => wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();

        /// <summary>Scans rows into <paramref name="batch"/> until it is full, the input ends, or a row is malformed (the
        /// error then goes with the batch); returns whether more rows may follow.</summary>
        private bool Fill(CsvReader csv, Batch batch)
        {
            try
            {
                while (batch.Count < batch.Lines.Length)
                {
                    if (!csv.Read())
                    {
                        return false;
                    }

                    if (csv.FieldCount != headers.Length)
                    {
                        var line = csv.LineNumber;
                        throw csv.FieldCount < headers.Length
                            ? Error(line, headers[csv.FieldCount], $"the row has {csv.FieldCount} fields but the header has {headers.Length}; the row ends before this column")
                            : CsvInput.FieldCountMismatch(SourceName, line, csv.FieldCount, headers.Length);
                    }

                    ReadRow(csv, batch);
                }

                return true;
            }
#pragma warning disable CA1031 // Any failure, malformed CSV or I/O, is rethrown where the rows before it have been read.
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.Error = ExceptionDispatchInfo.Capture(e);
                return false;
            }
        }

        /// <summary>Adds a batch's rows to the builder, interning their journeys, then throws the error that ended the batch, if any.</summary>
        private void Intern(Batch batch)
        {
            var data = batch.Data;
            var start = 0;
            for (var r = 0; r < batch.Count; r++)
            {
                var end = batch.JourneyEnds[r];
                if (end >= 0)
                {
                    // The scan has checked the bytes are UTF-8, so interning cannot fail.
                    journeyId = builder.JourneyIds.GetOrAdd(data.AsSpan(start, end - start));
                    start = end;
                }

                var kind = batch.Kinds[r];
                if (kind == NotCounted)
                {
                    // The scan left the row's journey alone, so a journey whose rows all fall out never appears.
                    builder.AddNotCounted(batch.Statuses[r]);
                }
                else if (kind < 0)
                {
                    builder.AddTouchpoint(journeyId, batch.Instants[r], batch.Channels[r], batch.Campaigns[r], batch.TouchTypes[r]);
                }
                else
                {
                    builder.AddConversion(journeyId, batch.Instants[r], batch.Values[r], kind, batch.Ids[r]);
                }
            }

            rows += batch.Count;
            if (progress is not null && rows / ProgressInterval != (rows - batch.Count) / ProgressInterval)
            {
                progress.Report(rows - (rows % ProgressInterval));
            }

            batch.Error?.Throw();
        }

        private void ReadHeader(CsvReader csv)
        {
            var fields = csv.Headers;
            CsvInput.RequireHeader(fields, SourceName, requiredColumns);
            headers = [.. fields];
            for (var i = 0; i < headers.Length; i++)
            {
                var name = headers[i].Trim();
                ref var slot = ref SlotOf(name);
                if (Unsafe.IsNullRef(ref slot))
                {
                    continue;
                }

                CsvInput.Assign(ref slot, i, name, SourceName);
            }

            CsvInput.Require(journeyColumn, journeyName, SourceName, requiredColumns, headers, Mapped(0));
            CsvInput.Require(timestampColumn, timestampName, SourceName, requiredColumns, headers, Mapped(1));
            CsvInput.Require(channelColumn, channelName, SourceName, requiredColumns, headers, Mapped(2));
        }

        /// <summary>The standard name of column <paramref name="index"/> when the user mapped it to another header, else null.</summary>
        private string? Mapped(int index)
            => string.Equals(names[index], Columns.All[index], StringComparison.OrdinalIgnoreCase) ? null : Columns.All[index];

        private ref int SlotOf(string name)
        {
            var index = Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            switch (index)
            {
                case 0:
                    return ref journeyColumn;
                case 1:
                    return ref timestampColumn;
                case 2:
                    return ref channelColumn;
                case 3:
                    return ref campaignColumn;
                case 4:
                    return ref conversionColumn;
                case 5:
                    return ref valueColumn;
                case 6:
                    return ref conversionIdColumn;
                case 7:
                    return ref touchTypeColumn;
                case 8:
                    return ref statusColumn;
                default:
                    return ref Unsafe.NullRef<int>();
            }
        }

        private void ReadRow(CsvReader csv, Batch batch)
        {
            var line = csv.LineNumber;
            var journeyText = Names.Trim(csv.GetSpan(journeyColumn));
            if (journeyText.IsEmpty)
            {
                throw Error(line, journeyName, "is empty; every row needs a journey id");
            }

            var timestampText = csv.GetSpan(timestampColumn);
            switch (Iso8601.TryParse(timestampText, out var instant))
            {
                case Iso8601.Failure.None:
                    break;
                case Iso8601.Failure.NoOffset:
                    throw Error(line, timestampName, $"{CsvInput.Quote(timestampText)} has no UTC offset; write it with Z or an offset such as +02:00");
                case Iso8601.Failure.OutOfRange:
                    throw Error(line, timestampName, $"{CsvInput.Quote(timestampText)} is out of range: with its offset applied it falls before 0001-01-01T00:00:00Z or after 9999-12-31T23:59:59Z");
                default:
                    throw Error(line, timestampName, $"{CsvInput.Quote(timestampText)} is not an ISO-8601 timestamp with an offset, such as 2026-03-01T09:00:00Z or 2026-03-01T11:00:00+02:00");
            }

            var r = batch.Count;
            var kindText = conversionColumn >= 0 ? Names.Trim(csv.GetSpan(conversionColumn)) : default;
            if (kindText.IsEmpty)
            {
                ReadTouchpoint(csv, line, journeyText, batch, r);
            }
            else
            {
                ReadConversion(csv, line, journeyText, kindText, batch, r);
            }

            batch.Lines[r] = line;
            batch.Instants[r] = instant;
            batch.Count = r + 1;
        }

        private void ReadTouchpoint(CsvReader csv, long line, ReadOnlySpan<byte> journeyText, Batch batch, int r)
        {
            if (valueColumn >= 0 && !csv.GetSpan(valueColumn).IsBlank())
            {
                throw Error(line, valueName, $"{CsvInput.Quote(csv.GetSpan(valueColumn))} on a touchpoint row; only conversion rows (a non-empty '{conversionName}') have a value");
            }

            if (conversionIdColumn >= 0 && !csv.GetSpan(conversionIdColumn).IsBlank())
            {
                throw Error(line, conversionIdName, $"{CsvInput.Quote(csv.GetSpan(conversionIdColumn))} on a touchpoint row; only conversion rows (a non-empty '{conversionName}') have a conversion id");
            }

            var channelText = Names.Trim(csv.GetSpan(channelColumn));
            if (channelText.IsEmpty)
            {
                throw Error(line, channelName, $"is empty on a touchpoint row; a row without a '{conversionName}' is a touchpoint and needs a channel");
            }

            var status = -1;
            if (statusColumn >= 0)
            {
                var statusText = Names.Trim(csv.GetSpan(statusColumn));
                if (!statusText.IsEmpty)
                {
                    status = CsvInput.InternName(builder.Statuses, statusText, reservedApplies: false, SourceName, line, statusName);
                }
            }

            var counted = builder.Counts(status);
            if (counted)
            {
                Journey(journeyText, line, batch, r);
            }
            else
            {
                CheckJourney(journeyText, line);
                batch.JourneyEnds[r] = -1;
            }

            // A row that does not count is still read whole: its names are checked and known, only its touch is left out.
            batch.Channels[r] = CsvInput.InternName(builder.Channels, channelText, reservedApplies: true, SourceName, line, channelName);
            var campaign = NoCampaign;
            if (campaignColumn >= 0)
            {
                var campaignText = Names.Trim(csv.GetSpan(campaignColumn));
                if (!campaignText.IsEmpty)
                {
                    campaign = CsvInput.InternName(builder.Campaigns, campaignText, reservedApplies: true, SourceName, line, campaignName);
                }
            }

            var touchType = -1;
            if (touchTypeColumn >= 0)
            {
                var touchTypeText = Names.Trim(csv.GetSpan(touchTypeColumn));
                if (!touchTypeText.IsEmpty)
                {
                    touchType = CsvInput.InternName(builder.TouchTypes, touchTypeText, reservedApplies: true, SourceName, line, touchTypeName);
                }
            }

            if (touchType < 0)
            {
                if (defaultTouchType < 0)
                {
                    defaultTouchType = builder.TouchTypes.GetOrAdd(Touchpoint.DefaultTouchType);
                }

                touchType = defaultTouchType;
            }

            batch.Campaigns[r] = campaign;
            batch.TouchTypes[r] = touchType;
            batch.Statuses[r] = status;
            batch.Kinds[r] = counted ? -1 : NotCounted;
        }

        private void ReadConversion(CsvReader csv, long line, ReadOnlySpan<byte> journeyText, ReadOnlySpan<byte> kindText, Batch batch, int r)
        {
            var value = 1.0;
            if (valueColumn >= 0)
            {
                var valueText = csv.GetSpan(valueColumn);
                if (!valueText.IsBlank())
                {
                    var problem = CsvInput.ParseNonNegative(valueText, out value);
                    if (problem != CsvInput.NumberProblem.None)
                    {
                        throw CsvInput.NumberError(problem, valueText, SourceName, line, valueName, "a conversion value must be a finite number >= 0");
                    }

                    CsvInput.AddToTotal(ref totalValue, value, valueText, SourceName, line, valueName);
                }
            }

            if (statusColumn >= 0 && !csv.GetSpan(statusColumn).IsBlank())
            {
                throw Error(line, statusName, $"{CsvInput.Quote(csv.GetSpan(statusColumn))} on a conversion row; only touchpoint rows have a campaign-member status (a conversion always counts)");
            }

            string? id = null;
            if (conversionIdColumn >= 0)
            {
                var idText = Names.Trim(csv.GetSpan(conversionIdColumn));
                if (!idText.IsEmpty)
                {
                    id = CsvInput.Decode(idText, SourceName, line, conversionIdName);
                }
            }

            Journey(journeyText, line, batch, r);
            batch.Kinds[r] = CsvInput.InternName(builder.Kinds, kindText, reservedApplies: false, SourceName, line, conversionName);
            batch.Values[r] = value;
            batch.Ids[r] = id;
        }

        /// <summary>Keeps a row's journey for the interning: nothing when it repeats the row before's, otherwise its bytes,
        /// checked here to be UTF-8 so that the error comes in the same order as the other checks of the row.</summary>
        private void Journey(ReadOnlySpan<byte> utf8, long line, Batch batch, int r)
        {
            if (lastJourneyLength >= 0 && utf8.SequenceEqual(lastJourney.AsSpan(0, lastJourneyLength)))
            {
                batch.JourneyEnds[r] = -1;
                return;
            }

            CheckJourney(utf8, line);
            batch.Append(utf8);
            batch.JourneyEnds[r] = batch.Used;
            if (utf8.Length > lastJourney.Length)
            {
                lastJourney = new byte[Math.Max(utf8.Length, lastJourney.Length * 2)];
            }

            utf8.CopyTo(lastJourney);
            lastJourneyLength = utf8.Length;
        }

        private void CheckJourney(ReadOnlySpan<byte> utf8, long line)
        {
            if (!Utf8.IsValid(utf8))
            {
                throw Error(line, journeyName, "is not valid UTF-8");
            }

            CsvInput.CheckName(utf8, reservedApplies: false, SourceName, line, journeyName);
        }

        private AttributionDataException Error(long line, string? column, string detail)
            => new(SourceName, line, column, detail);
    }

    /// <summary>Scanned rows: everything but their journeys' ids, which only the interning assigns.</summary>
    private sealed class Batch(int rows)
    {
        public byte[] Data { get; private set; } = new byte[rows * 16];

        /// <summary>Where each row's journey bytes end in <see cref="Data"/>, or −1 when the row repeats the previous row's journey.</summary>
        public int[] JourneyEnds { get; } = new int[rows];

        public long[] Lines { get; } = new long[rows];

        public DateTimeOffset[] Instants { get; } = new DateTimeOffset[rows];

        public int[] Channels { get; } = new int[rows];

        public int[] Campaigns { get; } = new int[rows];

        public int[] TouchTypes { get; } = new int[rows];

        /// <summary>A touch's status id, or −1 for none.</summary>
        public int[] Statuses { get; } = new int[rows];

        /// <summary>A conversion's kind, −1 for a touchpoint, or −2 for a touch row whose status is not counted.</summary>
        public int[] Kinds { get; } = new int[rows];

        public double[] Values { get; } = new double[rows];

        public string?[] Ids { get; } = new string?[rows];

        public int Count { get; set; }

        public int Used { get; private set; }

        /// <summary>The error that stopped the scan after this batch's rows, if one did.</summary>
        public ExceptionDispatchInfo? Error { get; set; }

        public void Append(ReadOnlySpan<byte> field)
        {
            if (Used + field.Length > Data.Length)
            {
                var data = Data;
                Array.Resize(ref data, Math.Max(Data.Length * 2, Used + field.Length));
                Data = data;
            }

            field.CopyTo(Data.AsSpan(Used));
            Used += field.Length;
        }

        public void Reset()
        {
            Count = 0;
            Used = 0;
            Error = null;
        }
    }
}
