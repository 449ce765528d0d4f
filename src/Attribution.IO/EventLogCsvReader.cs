using System.Globalization;
using Attribution.IO.Internal;
using Attribution.Journeys;
using CsvHelper;

namespace Attribution.IO;

/// <summary>Reads an event log — one CSV row per touchpoint or conversion — into a <see cref="JourneySet"/>.</summary>
/// <remarks>
/// <para>The first row is a header. Columns are matched by name, ignoring case and surrounding white space, in any
/// order; columns with other names are ignored.</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Meaning</description></listheader>
/// <item><term><c>journey_id</c></term><description>Required. The journey (user, account, lead) the row belongs to.</description></item>
/// <item><term><c>timestamp</c></term><description>Required. ISO-8601 with <c>Z</c> or an offset, such as
/// <c>2026-03-01T09:00:00Z</c> or <c>2026-03-01T11:00:00+02:00</c>; a timestamp without an offset is an error.</description></item>
/// <item><term><c>channel</c></term><description>Required column; must be non-empty on touchpoint rows.</description></item>
/// <item><term><c>campaign</c></term><description>Optional. Empty means no campaign.</description></item>
/// <item><term><c>conversion</c></term><description>Optional. Non-empty makes the row a conversion of that kind; its
/// <c>channel</c> and <c>campaign</c> are then not read.</description></item>
/// <item><term><c>value</c></term><description>Optional. The conversion's value, a finite number &gt;= 0; empty means 1.
/// Only conversion rows may have one.</description></item>
/// <item><term><c>conversion_id</c></term><description>Optional. The conversion's id in a host system
/// (<see cref="Conversion.Id"/>). Only conversion rows may have one.</description></item>
/// </list>
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
        options ??= new EventLogCsvOptions();
        CsvInput.ValidateDelimiter(options.Delimiter, nameof(options));
        var source = sourceName ?? CsvInput.StreamSourceName;
        var parser = new RowParser(source, options.Progress, EstimateRows(stream));
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

    private sealed class RowParser(string sourceName, IProgress<long>? progress, int expectedRows)
    {
        private const string RequiredColumns = $"{Columns.JourneyId}, {Columns.Timestamp} and {Columns.Channel}";

        // Most rows of an event log are touchpoints; conversions are a few in ten.
        private readonly JourneySetBuilder builder = new(expectedRows, expectedRows / 8);
        private int journeyColumn = -1;
        private int timestampColumn = -1;
        private int channelColumn = -1;
        private int campaignColumn = -1;
        private int conversionColumn = -1;
        private int valueColumn = -1;
        private int conversionIdColumn = -1;
        private string[] headers = [];

        // Logs are often written journey by journey; remembering the last journey's bytes skips most lookups then.
        private byte[] lastJourney = new byte[64];
        private int lastJourneyLength = -1;
        private int lastJourneyId = -1;

        public string SourceName { get; } = sourceName;

        public JourneySet Parse(CsvReader csv)
        {
            ReadHeader(csv);
            long rows = 0;
            while (csv.Read())
            {
                ReadRow(csv);
                if (++rows % ProgressInterval == 0)
                {
                    progress?.Report(rows);
                }
            }

            progress?.Report(rows);
            return builder.Build();
        }

        private void ReadHeader(CsvReader csv)
        {
            var names = csv.Headers;
            CsvInput.RequireHeader(names, SourceName, RequiredColumns);
            headers = [.. names];
            for (var i = 0; i < headers.Length; i++)
            {
                var name = headers[i].Trim();
                ref var slot = ref SlotOf(name);
                if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot))
                {
                    continue;
                }

                CsvInput.Assign(ref slot, i, name, SourceName);
            }

            CsvInput.Require(journeyColumn, Columns.JourneyId, SourceName, RequiredColumns);
            CsvInput.Require(timestampColumn, Columns.Timestamp, SourceName, RequiredColumns);
            CsvInput.Require(channelColumn, Columns.Channel, SourceName, RequiredColumns);
        }

        private ref int SlotOf(string name)
        {
            if (name.Equals(Columns.JourneyId, StringComparison.OrdinalIgnoreCase))
            {
                return ref journeyColumn;
            }

            if (name.Equals(Columns.Timestamp, StringComparison.OrdinalIgnoreCase))
            {
                return ref timestampColumn;
            }

            if (name.Equals(Columns.Channel, StringComparison.OrdinalIgnoreCase))
            {
                return ref channelColumn;
            }

            if (name.Equals(Columns.Campaign, StringComparison.OrdinalIgnoreCase))
            {
                return ref campaignColumn;
            }

            if (name.Equals(Columns.Conversion, StringComparison.OrdinalIgnoreCase))
            {
                return ref conversionColumn;
            }

            if (name.Equals(Columns.Value, StringComparison.OrdinalIgnoreCase))
            {
                return ref valueColumn;
            }

            if (name.Equals(Columns.ConversionId, StringComparison.OrdinalIgnoreCase))
            {
                return ref conversionIdColumn;
            }

            return ref System.Runtime.CompilerServices.Unsafe.NullRef<int>();
        }

        private void ReadRow(CsvReader csv)
        {
            if (csv.FieldCount != headers.Length)
            {
                var line = csv.LineNumber;
                throw csv.FieldCount < headers.Length
                    ? Error(line, headers[csv.FieldCount], $"the row has {csv.FieldCount} fields but the header has {headers.Length}; the row ends before this column")
                    : CsvInput.FieldCountMismatch(SourceName, line, csv.FieldCount, headers.Length);
            }

            var journeyText = csv.GetSpan(journeyColumn);
            if (journeyText.IsBlank())
            {
                throw Error(csv.LineNumber, Columns.JourneyId, "is empty; every row needs a journey id");
            }

            var timestampText = csv.GetSpan(timestampColumn);
            switch (Iso8601.TryParse(timestampText, out var instant))
            {
                case Iso8601.Failure.None:
                    break;
                case Iso8601.Failure.NoOffset:
                    throw Error(csv.LineNumber, Columns.Timestamp, $"{CsvInput.Quote(timestampText)} has no UTC offset; write it with Z or an offset such as +02:00");
                default:
                    throw Error(csv.LineNumber, Columns.Timestamp, $"{CsvInput.Quote(timestampText)} is not an ISO-8601 timestamp with an offset, such as 2026-03-01T09:00:00Z or 2026-03-01T11:00:00+02:00");
            }

            var kindText = conversionColumn >= 0 ? csv.GetSpan(conversionColumn) : default;
            if (kindText.IsBlank())
            {
                ReadTouchpoint(csv, journeyText, instant);
            }
            else
            {
                ReadConversion(csv, journeyText, instant, kindText);
            }
        }

        private void ReadTouchpoint(CsvReader csv, ReadOnlySpan<byte> journeyText, DateTimeOffset instant)
        {
            if (valueColumn >= 0 && !csv.GetSpan(valueColumn).IsBlank())
            {
                throw Error(csv.LineNumber, Columns.Value, $"{CsvInput.Quote(csv.GetSpan(valueColumn))} on a touchpoint row; only conversion rows (a non-empty '{Columns.Conversion}') have a value");
            }

            if (conversionIdColumn >= 0 && !csv.GetSpan(conversionIdColumn).IsBlank())
            {
                throw Error(csv.LineNumber, Columns.ConversionId, $"{CsvInput.Quote(csv.GetSpan(conversionIdColumn))} on a touchpoint row; only conversion rows (a non-empty '{Columns.Conversion}') have a conversion id");
            }

            var channelText = csv.GetSpan(channelColumn);
            if (channelText.IsBlank())
            {
                throw Error(csv.LineNumber, Columns.Channel, $"is empty on a touchpoint row; a row without a '{Columns.Conversion}' is a touchpoint and needs a channel");
            }

            var journey = InternJourney(journeyText, csv);
            var channel = CsvInput.Intern(builder.Channels, channelText, SourceName, csv, Columns.Channel);
            var campaign = JourneySetNoCampaign;
            if (campaignColumn >= 0)
            {
                var campaignText = csv.GetSpan(campaignColumn);
                if (!campaignText.IsBlank())
                {
                    campaign = CsvInput.Intern(builder.Campaigns, campaignText, SourceName, csv, Columns.Campaign);
                }
            }

            builder.AddTouchpoint(journey, instant, channel, campaign);
        }

        private void ReadConversion(CsvReader csv, ReadOnlySpan<byte> journeyText, DateTimeOffset instant, ReadOnlySpan<byte> kindText)
        {
            var value = 1.0;
            if (valueColumn >= 0)
            {
                var valueText = csv.GetSpan(valueColumn);
                if (!valueText.IsBlank())
                {
                    if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    {
                        throw Error(csv.LineNumber, Columns.Value, $"{CsvInput.Quote(valueText)} is not a number; a conversion value must be a finite number >= 0");
                    }

                    if (!double.IsFinite(value))
                    {
                        throw Error(csv.LineNumber, Columns.Value, $"{CsvInput.Quote(valueText)} is not finite; a conversion value must be a finite number >= 0");
                    }

                    if (value < 0)
                    {
                        throw Error(csv.LineNumber, Columns.Value, $"{CsvInput.Quote(valueText)} is negative; a conversion value must be a finite number >= 0");
                    }
                }
            }

            string? id = null;
            if (conversionIdColumn >= 0)
            {
                var idText = csv.GetSpan(conversionIdColumn);
                if (!idText.IsBlank())
                {
                    id = CsvInput.Decode(idText, SourceName, csv, Columns.ConversionId);
                }
            }

            var journey = InternJourney(journeyText, csv);
            var kind = CsvInput.Intern(builder.Kinds, kindText, SourceName, csv, Columns.Conversion);
            builder.AddConversion(journey, instant, value, kind, id);
        }

        private const int JourneySetNoCampaign = -1;

        private int InternJourney(ReadOnlySpan<byte> utf8, CsvReader csv)
        {
            if (lastJourneyLength >= 0 && utf8.SequenceEqual(lastJourney.AsSpan(0, lastJourneyLength)))
            {
                return lastJourneyId;
            }

            var id = CsvInput.Intern(builder.JourneyIds, utf8, SourceName, csv, Columns.JourneyId);
            if (utf8.Length > lastJourney.Length)
            {
                lastJourney = new byte[Math.Max(utf8.Length, lastJourney.Length * 2)];
            }

            utf8.CopyTo(lastJourney);
            lastJourneyLength = utf8.Length;
            lastJourneyId = id;
            return id;
        }

        private AttributionDataException Error(long line, string? column, string detail)
            => new(SourceName, line, column, detail);
    }
}
