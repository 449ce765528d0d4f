using System.Globalization;
using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: <c>--by touch-type</c> and <c>--count-statuses</c> (issue 10 §2).</summary>
public sealed class TouchTypeCommandTests : IDisposable
{
    // ann: e-mail invitation (online, Sent) 1 March, expo visit (offline, Attended) 5 March, order 100 on 9 March.
    // ben: invitation (online, sent), registered for the expo (offline, registered), a search (no status), order 50.
    // cara: responded to an e-mail; dan was only sent one. Neither converts.
    private const string Members =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id,touch_type,status\n" +
        "ann,2026-03-01T09:00:00Z,email,expo,,,,,Sent\n" +
        "ann,2026-03-05T09:00:00Z,events,expo,,,,offline,Attended\n" +
        "ben,2026-03-01T09:00:00Z,email,expo,,,,,sent\n" +
        "ben,2026-03-02T09:00:00Z,events,expo,,,,offline,registered\n" +
        "ben,2026-03-03T09:00:00Z,search,,,,,,\n" +
        "cara,2026-03-01T09:00:00Z,email,spring,,,,online,responded\n" +
        "dan,2026-03-01T09:00:00Z,email,expo,,,,,Sent\n" +
        "ann,2026-03-09T09:00:00Z,,,order,100,o-1,,\n" +
        "ben,2026-03-09T09:00:00Z,,,order,50,o-2,,\n";

    private readonly TempDirectory temp = new();
    private readonly string members;

    public TouchTypeCommandTests()
    {
        members = temp.Write("members.csv", Members);
    }

    public void Dispose() => temp.Dispose();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void ByTouchType_EveryRowCounts_SplitsEachOrderOverItsTouchesTypes()
    {
        var run = CliRun.Of("attribute", "--input", members, "--model", "linear", "--by", "touch-type").ShouldSucceed();

        // ann: 100 over email (online) and the expo (offline): 50 each. ben: 50 over email, the registration and search:
        // 50/3 each, two online and one offline. online = 50 + 100/3 = 83.33…, 1/2 + 2/3 = 7/6 conversions;
        // offline = 50 + 50/3 = 66.66…, 1/2 + 1/3 = 5/6 conversions. Together the 150 of the two orders.
        var lines = run.StdoutLines;
        lines[0].Should().Be("model,conversion,touch_type,conversions,value");
        lines.Should().HaveCount(3);
        var online = lines[1].Split(',');
        var offline = lines[2].Split(',');
        online[..3].Should().Equal("linear", "order", "online");
        Number(online[3]).Should().BeApproximately(7 / 6.0, 1e-12);
        Number(online[4]).Should().BeApproximately(50 + (100 / 3.0), 1e-9);
        offline[..3].Should().Equal("linear", "order", "offline");
        Number(offline[3]).Should().BeApproximately(5 / 6.0, 1e-12);
        Number(offline[4]).Should().BeApproximately(50 + (50 / 3.0), 1e-9);
    }

    [Fact]
    public void CountStatuses_LeavesOtherRowsOut_AndSaysHowManyPerStatus()
    {
        var run = CliRun.Of("attribute", "--input", members, "--model", "linear", "--by", "touch-type", "--count-statuses", "attended,responded");

        // Counted: ann's Attended expo visit, ben's search (no status), cara's response. ann's 100 goes to the expo
        // (offline), ben's 50 to the search (online). Left out: Sent 2 (ann, dan), sent 1, registered 1.
        run.ExitCode.Should().Be(0);
        run.StdoutLines.Should().Equal(
            "model,conversion,touch_type,conversions,value",
            "linear,order,offline,1,100",
            "linear,order,online,1,50");
        run.Stderr.Should().Be($"attribution: note: '{members}': 4 touch rows not counted by status (Sent 2, sent 1, registered 1).\n");
    }

    [Fact]
    public void CountStatuses_TableAndJson_CarryTheNotCountedRows()
    {
        var table = CliRun.Of("attribute", "--input", members, "--model", "linear", "--count-statuses", "attended", "--count-statuses", "responded", "--format", "table");
        var json = CliRun.Of("attribute", "--input", members, "--model", "linear", "--count-statuses", "attended,responded", "--format", "json");

        table.ExitCode.Should().Be(0);
        table.StdoutLines[0].Should().Be("Credited value by channel, per model and conversion kind (share of the kind's value): 3 journeys, 3 touchpoints, 2 conversions, 4 touch rows not counted by status (Sent 2, sent 1, registered 1).");
        json.ExitCode.Should().Be(0);
        using var document = JsonDocument.Parse(json.Stdout);
        var notCounted = document.RootElement.GetProperty("notCountedByStatus").EnumerateArray()
            .Select(e => (e.GetProperty("status").GetString(), e.GetProperty("rows").GetInt32())).ToArray();
        notCounted.Should().Equal(("Sent", 2), ("sent", 1), ("registered", 1));
    }

    [Fact]
    public void Json_WithoutStatusFilter_HasNoNotCountedEntry()
    {
        var json = CliRun.Of("attribute", "--input", members, "--model", "linear", "--format", "json").ShouldSucceed();

        using var document = JsonDocument.Parse(json.Stdout);
        document.RootElement.TryGetProperty("notCountedByStatus", out _).Should().BeFalse();
    }

    [Fact]
    public void ByTouchType_FileWithoutTheColumn_IsAllOnline()
    {
        var plain = temp.Write("plain.csv", "journey_id,timestamp,channel,conversion,value\na,2026-03-01T09:00:00Z,email,,\na,2026-03-02T09:00:00Z,search,,\na,2026-03-03T09:00:00Z,,order,20\n");

        var run = CliRun.Of("attribute", "--input", plain, "--model", "last-touch", "--by", "touch-type").ShouldSucceed();

        run.StdoutLines.Should().Equal("model,conversion,touch_type,conversions,value", "last-touch,order,online,1,20");
    }

    [Fact]
    public void ByTouchType_WithPaths_IsAUsageError()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\nemail > search,1,10,0\n");

        CliRun.Of("attribute", "--paths", paths, "--model", "linear", "--by", "touch-type").ShouldFail(2, "--by touch-type needs --input");
    }

    [Fact]
    public void CountStatuses_WithPaths_IsAUsageError()
    {
        var paths = temp.Write("paths.csv", "path,total_conversions,total_conversion_value,total_null\nemail > search,1,10,0\n");

        CliRun.Of("attribute", "--paths", paths, "--model", "linear", "--count-statuses", "attended").ShouldFail(2, "--count-statuses");
    }

    [Fact]
    public void ByTouchType_WithFunnelOrSpend_IsAUsageError()
    {
        var spend = temp.Write("spend.csv", "channel,cost\nemail,10\n");

        CliRun.Of("attribute", "--input", members, "--model", "linear", "--by", "touch-type", "--funnel", "--stages", "order").ShouldFail(2, "--funnel is per channel; leave out --by touch-type");
        CliRun.Of("attribute", "--input", members, "--model", "linear", "--by", "touch-type", "--spend", spend).ShouldFail(2, "--spend is per channel or campaign");
    }

    [Fact]
    public void CountStatuses_OnlyCommas_IsAUsageError()
    {
        CliRun.Of("attribute", "--input", members, "--model", "linear", "--count-statuses", ",").ShouldFail(2, "--count-statuses: give at least one status");
    }

    [Fact]
    public void StatusOnAConversionRow_IsADataErrorNamingLineAndColumn()
    {
        var bad = temp.Write("bad.csv", "journey_id,timestamp,channel,conversion,status\na,2026-03-01T09:00:00Z,email,,sent\na,2026-03-02T09:00:00Z,,order,Won\n");

        CliRun.Of("attribute", "--input", bad, "--model", "linear").ShouldFail(1, "bad.csv:3", "column 'status'");
    }

    [Fact]
    public void SalesforceImport_ThenCountStatuses_NamesTheStatusesAsTheExportWritesThem()
    {
        var events = temp.File("events.csv");
        CliRun.Of("import", "salesforce", "--dir", ImportCommandTests.SampleDirectory(), "--output", events).ExitCode.Should().Be(0);

        var both = CliRun.Of("attribute", "--input", events, "--model", "linear", "--by", "touch-type", "--count-statuses", "attended,responded");
        var responded = CliRun.Of("attribute", "--input", events, "--model", "linear", "--by", "touch-type", "--count-statuses", "responded");

        // The import writes the 21 members that responded: 12 with status Attended, 9 Responded (hand-counted from
        // samples/salesforce/CampaignMember.csv). Statuses compare ignoring case, so attended,responded keeps all 21 and
        // responded alone leaves out the 12 Attended.
        both.ExitCode.Should().Be(0);
        both.Stderr.Should().BeEmpty();
        responded.ExitCode.Should().Be(0);
        responded.Stderr.Should().Be($"attribution: note: '{events}': 12 touch rows not counted by status (Attended 12).\n");
        both.StdoutLines.Skip(1).Select(l => l.Split(',')[2]).Distinct().Should().BeEquivalentTo(["online", "offline", "(unattributed)"]);
    }
}
