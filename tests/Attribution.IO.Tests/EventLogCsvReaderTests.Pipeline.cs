using System.Text;
using Attribution.Journeys;

namespace Attribution.IO.Tests;

/// <summary>The batched and pipelined reads (scan on its own thread) must give what the plain read gives, errors included.</summary>
public sealed class EventLogCsvReaderPipelineTests
{
    private const string Header = "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n";

    // Interleaved journeys, an out-of-order touch, a repeated journey after others, conversions with and without ids.
    private const string Log = Header
        + "b,2026-03-02T09:00:00Z,email,spring,,,\n"
        + "a,2026-03-01T09:00:00Z,search,,,,\n"
        + "b,2026-03-01T08:00:00+01:00,search,spring,,,\n"
        + "b,2026-03-03T09:00:00Z,,,order,12.5,o-1\n"
        + "c,2026-03-01T10:00:00Z,display,autumn,,,\n"
        + "a,2026-03-04T09:00:00Z,,,signup,,\n"
        + "c,2026-03-05T09:00:00Z,email,,,,\n"
        + "c,2026-03-06T09:00:00Z,,,order,1e2,\n";

    public static TheoryData<bool, int> Modes => new()
    {
        { false, 1 }, { false, 3 }, { false, 4096 }, { true, 1 }, { true, 2 }, { true, 3 }, { true, 4096 },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Read_AnyBatchingAndThreading_GivesThePlainResult(bool pipelined, int batchRows)
    {
        var set = Read(Log, pipelined, batchRows);

        // Journeys and names in order of first appearance: b, a, c; email, search, display; spring, autumn; order, signup.
        set.JourneyIds.Should().Equal("b", "a", "c");
        set.Channels.Should().Equal("email", "search", "display");
        set.Campaigns.Should().Equal("spring", "autumn");
        set.Kinds.Should().Equal("order", "signup");
        set.TouchpointCount.Should().Be(5);
        set.ConversionCount.Should().Be(3);

        // b's touches sorted by instant: search at 08:00+01:00 = 07:00Z on 1 March, then email on 2 March.
        var b = set.GetJourney(0);
        b.Touchpoints.Select(t => t.Channel).Should().Equal("search", "email");
        b.Touchpoints[0].Instant.Should().Be(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero));
        b.Conversions.Should().ContainSingle().Which.Should().Be(new Conversion(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), 12.5, "order", "o-1"));
        set.GetJourney(2).Conversions.Should().ContainSingle().Which.Value.Should().Be(100);
        set.GetJourney(1).Conversions.Should().ContainSingle().Which.Value.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Read_CheckErrorBeforeMalformedCsv_ReportsTheEarlierLine(bool pipelined, int batchRows)
    {
        // Line 4 has no channel; line 6 has an unclosed quote. The scan meets both, but line 4 comes first in the file.
        var csv = Header
            + "a,2026-03-01T09:00:00Z,email,,,,\n"
            + "a,2026-03-02T09:00:00Z,email,,,,\n"
            + "a,2026-03-03T09:00:00Z,,,,,\n"
            + "a,2026-03-04T09:00:00Z,email,,,,\n"
            + "a,2026-03-05T09:00:00Z,\"email,,,,\n";

        var error = ReadError(csv, pipelined, batchRows);

        error.Line.Should().Be(4);
        error.Column.Should().Be("channel");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Read_MalformedCsvAfterGoodRows_ReportsItsLine(bool pipelined, int batchRows)
    {
        var csv = Header
            + "a,2026-03-01T09:00:00Z,email,,,,\n"
            + "b,2026-03-02T09:00:00Z,email,,,,\n"
            + "c,2026-03-03T09:00:00Z,email,,,\n";

        var error = ReadError(csv, pipelined, batchRows);

        error.Line.Should().Be(4);
        error.Column.Should().Be("conversion_id");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Read_BadJourneyAndBadChannelOnOneRow_ReportsTheJourney(bool pipelined, int batchRows)
    {
        // Both names on line 3 are invalid UTF-8; the plain read interns the journey first, so the journey is named.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header + "a,2026-03-01T09:00:00Z,email,,,,\n"), 0xC3, 0x28, .. ",2026-03-02T09:00:00Z,"u8, 0xC3, 0x28, .. ",,,,\n"u8];

        var error = ReadError(bytes, pipelined, batchRows);

        error.Line.Should().Be(3);
        error.Column.Should().Be("journey_id");
        error.Message.Should().Be("events.csv:3: column 'journey_id': is not valid UTF-8");
    }

    [Fact]
    public void Read_Pipelined_ReportsProgressInWholeHundredThousands()
    {
        // 250,000 rows: reports at 100,000 and 200,000 as they pass, then the total.
        var text = new StringBuilder(Header);
        for (var i = 0; i < 250_000; i++)
        {
            text.Append('j').Append(i / 4).Append(",2026-03-01T09:00:00Z,email,,,,\n");
        }

        var reports = new List<long>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var set = EventLogCsvReader.Read(stream, new EventLogCsvOptions { Progress = new SyncProgress(reports) }, "events.csv", pipelined: true, batchRows: 4096);

        set.Count.Should().Be(62_500);
        set.TouchpointCount.Should().Be(250_000);
        reports.Should().Equal(100_000, 200_000, 250_000);
    }

    [Fact]
    public void Read_PipelinedInterningThrows_StopsTheScanAndRethrows()
    {
        // 400,000 rows in batches of 1,000: the progress report at 100,000 rows throws on the interning thread. The scan
        // may be at most the channel's 3 batches plus the one it is filling ahead (104,000 rows, plus CsvHelper's
        // buffer), so it must have stopped well before half the input; had it not been told to stop, the read would
        // either hang on the full channel or go on to the end.
        var text = new StringBuilder(Header);
        for (var i = 0; i < 400_000; i++)
        {
            text.Append('j').Append(i / 4).Append(",2026-03-01T09:00:00Z,email,,,,\n");
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var options = new EventLogCsvOptions { Progress = new ThrowingProgress() };

        var act = () => EventLogCsvReader.Read(stream, options, "events.csv", pipelined: true, batchRows: 1000);

        act.Should().Throw<InvalidOperationException>().WithMessage("progress failed at 100000");
        var stoppedAt = stream.Position;
        stoppedAt.Should().BeLessThan(stream.Length / 2);
        Thread.Sleep(50);
        stream.Position.Should().Be(stoppedAt, "the scan thread has ended once Read returns");
    }

    private static JourneySet Read(string csv, bool pipelined, int batchRows)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return EventLogCsvReader.Read(stream, null, "events.csv", pipelined, batchRows);
    }

    private static AttributionDataException ReadError(string csv, bool pipelined, int batchRows)
        => ReadError(Encoding.UTF8.GetBytes(csv), pipelined, batchRows);

    private static AttributionDataException ReadError(byte[] bytes, bool pipelined, int batchRows)
    {
        using var stream = new MemoryStream(bytes);
        var act = () => EventLogCsvReader.Read(stream, null, "events.csv", pipelined, batchRows);
        return act.Should().Throw<AttributionDataException>().Which;
    }

    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }

    private sealed class ThrowingProgress : IProgress<long>
    {
        public void Report(long value) => throw new InvalidOperationException($"progress failed at {value}");
    }
}
