using System.Text.Json;

namespace Attribution.Cli.Tests;

/// <summary>End to end: <c>attribution teams</c> and <c>report --teams</c> on the marketer's year from issue 11.</summary>
public sealed class TeamsCommandTests : IDisposable
{
    // Orders under linear: j1 search-ads 6M; j2 blog 4M (and a 500 lead, another kind); j3 expo 3M; j4 partner-promo,
    // owned by nobody, 1M; j5 search-ads and blog, 2M each. Online ads 8M, content 6M, offline 3M, unassigned 1M.
    // Last touch gives j5's 4M to blog: online ads 6M, content 8M.
    private const string Events =
        "journey_id,timestamp,channel,campaign,conversion,value,conversion_id\n" +
        "j1,2026-03-01T12:00:00Z,search,search-ads,,,\n" +
        "j1,2026-03-02T12:00:00Z,,,order,6000000,\n" +
        "j2,2026-04-01T12:00:00Z,content,blog,,,\n" +
        "j2,2026-04-02T12:00:00Z,,,lead,500,\n" +
        "j2,2026-04-03T12:00:00Z,,,order,4000000,\n" +
        "j3,2026-05-01T12:00:00Z,events,expo,,,\n" +
        "j3,2026-05-02T12:00:00Z,,,order,3000000,\n" +
        "j4,2026-06-01T12:00:00Z,referral,partner-promo,,,\n" +
        "j4,2026-06-02T12:00:00Z,,,order,1000000,\n" +
        "j5,2026-07-01T12:00:00Z,search,search-ads,,,\n" +
        "j5,2026-07-02T12:00:00Z,content,blog,,,\n" +
        "j5,2026-07-03T12:00:00Z,,,order,4000000,\n" +
        // Next year's order is outside --from/--to.
        "j6,2027-02-01T12:00:00Z,search,search-ads,,,\n" +
        "j6,2027-02-02T12:00:00Z,,,order,9000000,\n";

    private const string Ownership = "campaign,team,from,to\nsearch-ads,online ads,,\nblog,content,,\nexpo,offline,,\n";

    private const string Tree = "team,parent\ncompany,\nmarketing,company\nonline ads,marketing\ncontent,marketing\noffline,marketing\n";

    private const string Targets =
        "team,from,to,target\n" +
        "company,2026-01-01,2027-01-01,100000000\n" +
        "marketing,2026-01-01,2027-01-01,20000000\n" +
        "online ads,2026-01-01,2027-01-01,10000000\n" +
        "content,2026-01-01,2027-01-01,5000000\n" +
        "offline,2026-01-01,2027-01-01,5000000\n";

    private readonly TempDirectory temp = new();
    private readonly string input;
    private readonly string ownership;
    private readonly string tree;
    private readonly string targets;

    public TeamsCommandTests()
    {
        input = temp.Write("events.csv", Events);
        ownership = temp.Write("teams.csv", Ownership);
        tree = temp.Write("tree.csv", Tree);
        targets = temp.Write("targets.csv", Targets);
    }

    public void Dispose() => temp.Dispose();

    private CliRun Teams(params string[] extra) => CliRun.Of(
        ["teams", "--input", input, "--model", "linear", "--teams", ownership, "--team-tree", tree, "--targets", targets, "--conversion", "order", "--from", "2026-01-01", "--to", "2027-01-01", .. extra]);

    [Fact]
    public void Teams_Csv_TheMarketersYear()
    {
        var run = Teams("--format", "csv").ShouldSucceed();

        // 8M / 10M = 0.8, 6M / 5M = 1.2, 3M / 5M = 0.6; marketing 17M / 20M = 0.85, company 17M / 100M = 0.17;
        // siblings 8/17, 6/17, 3/17. 8/17 = 0.47058823529411764 (shortest round-trip text of the double).
        run.StdoutLines.Should().Equal(
            "model,team,parent,conversions,value,own_value,target,attainment,sibling_share",
            "linear,company,,4,17000000,0,100000000,0.17,1",
            "linear,marketing,company,4,17000000,0,20000000,0.85,1",
            $"linear,online ads,marketing,1.5,8000000,8000000,10000000,0.8,{8.0 / 17:R}",
            $"linear,content,marketing,1.5,6000000,6000000,5000000,1.2,{6.0 / 17:R}",
            $"linear,offline,marketing,1,3000000,3000000,5000000,0.6,{3.0 / 17:R}",
            "linear,(unassigned),,1,1000000,1000000,,,",
            "linear,(no campaign),,0,0,0,,,");
    }

    [Fact]
    public void Teams_Json_NullForUndefinedRatiosAndRoots()
    {
        var run = Teams("--format", "json", "--model", "last-touch").ShouldSucceed();

        using var doc = JsonDocument.Parse(run.Stdout);
        var rows = doc.RootElement.EnumerateArray().ToList();
        rows.Should().HaveCount(14, "7 rows for each of 2 models");

        // Last touch: content earns j2's 4M and j5's 4M = 8M of 5M: 160 %.
        var content = rows.Single(r => r.GetProperty("model").GetString() == "last-touch" && r.GetProperty("team").GetString() == "content");
        content.GetProperty("value").GetDouble().Should().Be(8_000_000);
        content.GetProperty("attainment").GetDouble().Should().Be(1.6);
        content.GetProperty("siblingShare").GetDouble().Should().Be(8.0 / 17);

        var company = rows.First(r => r.GetProperty("team").GetString() == "company");
        company.GetProperty("parent").ValueKind.Should().Be(JsonValueKind.Null);
        var unassigned = rows.First(r => r.GetProperty("team").GetString() == "(unassigned)");
        unassigned.GetProperty("target").ValueKind.Should().Be(JsonValueKind.Null);
        unassigned.GetProperty("attainment").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Teams_TableOnATerminal_IndentsTheTreeAndShowsPercentages()
    {
        var run = CliRun.Of(stdoutIsTerminal: true, ["teams", "--input", input, "--model", "linear", "--teams", ownership, "--team-tree", tree, "--targets", targets, "--conversion", "order", "--from", "2026-01-01", "--to", "2027-01-01"]).ShouldSucceed();

        run.StdoutLines[0].Should().StartWith("model   team            parent");
        run.StdoutLines.Should().Contain(l => l.StartsWith("linear      online ads  marketing", StringComparison.Ordinal) && l.Contains("80.0%") && l.EndsWith("47.1%", StringComparison.Ordinal));
        run.StdoutLines.Should().Contain(l => l.StartsWith("linear    marketing", StringComparison.Ordinal) && l.Contains("85.0%"));
        run.StdoutLines.Should().Contain(l => l.StartsWith("linear  (unassigned)", StringComparison.Ordinal) && l.EndsWith("n/a", StringComparison.Ordinal));
    }

    [Fact]
    public void Teams_OutputFile_HoldsWhatStandardOutputWould()
    {
        var file = temp.File("teams-out.csv");

        Teams("--format", "csv", "--output", file).ShouldSucceed().Stdout.Should().BeEmpty();

        File.ReadAllText(file).Should().Be(Teams("--format", "csv").Stdout);
    }

    [Fact]
    public void Teams_CampaignMovesMidPeriod_OnlyLaterTouchesMove()
    {
        // blog moves from content to online ads at 2026-07-02: only j5's blog touch (07-02 12:00) moves, 2M.
        var moved = temp.Write("moved.csv", "campaign,team,from,to\nsearch-ads,online ads,,\nblog,content,,2026-07-02\nblog,online ads,2026-07-02,\nexpo,offline,,\n");

        var run = CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", moved, "--team-tree", tree, "--conversion", "order", "--from", "2026-01-01", "--to", "2027-01-01", "--format", "csv"]).ShouldSucceed();

        // online ads 8M + 2M = 10M, content 6M − 2M = 4M; no targets given, so no attainment.
        run.StdoutLines.Should().Contain("linear,online ads,marketing,2,10000000,10000000,,,0.5882352941176471");
        run.StdoutLines.Should().Contain("linear,content,marketing,1,4000000,4000000,,,0.23529411764705882");
    }

    [Fact]
    public void Teams_WithoutPeriod_CountsNextYearsOrderToo()
    {
        var run = CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", ownership, "--conversion", "order", "--format", "csv"]).ShouldSucceed();

        // No tree: every team is a root. online ads gets j6's 9M as well: 17M; 17 + 6 + 3 = 26M among the roots.
        run.StdoutLines.Should().Contain($"linear,online ads,,2.5,17000000,17000000,,,{17.0 / 26:R}");
    }

    [Fact]
    public void Teams_CampaignNotInTheData_Warns()
    {
        var typo = temp.Write("typo.csv", "campaign,team\nsearch-ad,online ads\n");

        var run = CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", typo, "--conversion", "order", "--format", "csv"]);

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().Contain("warning: --teams: campaign 'search-ad' never occurs in the input (the closest name in the data is 'search-ads')");
    }

    [Fact]
    public void Teams_OverlappingOwnership_FailsNamingTheLines()
    {
        var bad = temp.Write("bad.csv", "campaign,team,from,to\nblog,content,,2026-08-01\nblog,online ads,2026-07-01,\n");

        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", bad, "--conversion", "order"])
            .ShouldFail(1, "bad.csv:3: campaign 'blog' is owned by 'online ads'", "line 2");
    }

    [Fact]
    public void Teams_TreeCycle_FailsNamingTheTeams()
    {
        var bad = temp.Write("cycle.csv", "team,parent\ncompany,\nonline ads,content\ncontent,online ads\n");

        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", ownership, "--team-tree", bad, "--conversion", "order"]).ShouldFail(1, "cycle.csv:", "online ads → content → online ads form a cycle");
    }

    [Fact]
    public void Teams_OwnerMissingFromTheTree_FailsNamingBothFiles()
    {
        var small = temp.Write("small-tree.csv", "team,parent\nmarketing,\n");

        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", ownership, "--team-tree", small, "--conversion", "order"])
            .ShouldFail(1, "--teams", "--team-tree", "Team 'online ads' owns campaign 'search-ads' but is not in the team tree");
    }

    [Fact]
    public void Teams_UsageErrors()
    {
        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", ownership])
            .ShouldFail(2, "several conversion kinds (order, lead)", "--conversion");
        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", ownership, "--conversion", "order,lead"])
            .ShouldFail(2, "--conversion: teams credits teams for one conversion kind");
        CliRun.Of(["teams", "--input", input, "--model", "linear", "--targets", targets, "--conversion", "order"])
            .ShouldFail(2, "--teams");
        CliRun.Of(["report", "--input", input, "--model", "linear", "--targets", targets, "--output", temp.File("r.html")])
            .ShouldFail(2, "--targets applies to --teams");
        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", ownership, "--conversion", "order", "--output", ownership])
            .ShouldFail(2, "are the same file");
        CliRun.Of(["teams", "--input", input, "--model", "linear", "--teams", temp.File("nope.csv"), "--conversion", "order"])
            .ShouldFail(1, "--teams: file", "does not exist");
    }

    [Fact]
    public void Report_WithTeams_HasTheTeamsSection()
    {
        var html = temp.File("report.html");

        CliRun.Of(["report", "--input", input, "--model", "linear", "--teams", ownership, "--team-tree", tree, "--targets", targets, "--conversion", "order", "--from", "2026-01-01", "--to", "2027-01-01", "--output", html])
            .ShouldSucceed();

        var text = File.ReadAllText(html);
        text.Should().Contain("<h2>Teams and targets — order, 2026-01-01 to 2027-01-01</h2>");
        text.Should().Contain("<svg data-chart=\"team-attainment-linear\"").And.Contain("85.0% (17,000,000 of 20,000,000)");
    }
}
