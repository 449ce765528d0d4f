using System.Text;
using Attribution.Reports;

namespace Attribution.IO.Tests.Teams;

public sealed class TeamCsvReaderTests
{
    private static readonly DateTimeOffset July1 = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static MemoryStream Input(string csv) => new(Encoding.UTF8.GetBytes(csv));

    private static AttributionDataException Error(Action read) => read.Should().Throw<AttributionDataException>().Which;

    [Fact]
    public void ReadOwnership_OptionalPeriods_DatesAndTimestamps()
    {
        var rows = TeamCsvReader.ReadOwnership(Input(
            " Team ,CAMPAIGN,from,to\n" +
            "content, blog ,,2026-07-01\n" +
            "online ads,blog,2026-07-01T02:00:00+02:00,\n" +
            "offline,expo,,\n"), "teams.csv");

        // 2026-07-01T02:00:00+02:00 is midnight UTC, the same instant as the date 2026-07-01.
        rows.Should().Equal(
            new CampaignOwnership("blog", "content", null, July1),
            new CampaignOwnership("blog", "online ads", July1, null),
            new CampaignOwnership("expo", "offline"));
    }

    [Fact]
    public void ReadOwnership_CampaignTeamOnly_Works()
    {
        TeamCsvReader.ReadOwnership(Input("campaign,team\nbrand,ads\n")).Should().Equal(new CampaignOwnership("brand", "ads"));
    }

    [Fact]
    public void ReadOwnership_OverlappingPeriods_NamesBothLines()
    {
        var e = Error(() => TeamCsvReader.ReadOwnership(Input(
            "campaign,team,from,to\n" +
            "blog,content,,2026-07-02\n" +
            "expo,offline,,\n" +
            "blog,online ads,2026-07-01,\n"), "teams.csv"));

        e.Line.Should().Be(4);
        e.Message.Should().StartWith("teams.csv:4: campaign 'blog' is owned by 'online ads'").And.Contain("line 4").And.Contain("line 2");
    }

    [Theory]
    [InlineData("campaign,team\n,ads\n", "campaign", "is empty")]
    [InlineData("campaign,team\nbrand,\n", "team", "is empty")]
    [InlineData("campaign,team\n(none),ads\n", "campaign", "built-in row")]
    [InlineData("campaign,team\nbrand,(unassigned)\n", "team", "built-in row of the team report")]
    [InlineData("campaign,team,from\nbrand,ads,2026-07-01T00:00:00\n", "from", "has no UTC offset")]
    [InlineData("campaign,team,from\nbrand,ads,July 1st\n", "from", "is not a date")]
    [InlineData("campaign,team,from,to\nbrand,ads,2026-07-02,2026-07-01\n", "to", "must end after it starts")]
    public void ReadOwnership_BadCell_NamesLineAndColumn(string csv, string column, string detail)
    {
        var e = Error(() => TeamCsvReader.ReadOwnership(Input(csv), "teams.csv"));

        e.Line.Should().Be(2);
        e.Column.Should().Be(column);
        e.Message.Should().Contain(detail);
    }

    [Fact]
    public void ReadOwnership_MissingColumnOrEmpty_Throws()
    {
        Error(() => TeamCsvReader.ReadOwnership(Input("campaign,owner\nbrand,ads\n"))).Message.Should().Contain("no 'team' column");
        Error(() => TeamCsvReader.ReadOwnership(Input(""))).Message.Should().Contain("the input is empty");
        Error(() => TeamCsvReader.ReadOwnership(Input("campaign,team\nbrand,ads,x\n"))).Message.Should().Contain("3 fields but the header has 2");
    }

    [Fact]
    public void ReadTree_EmptyParentIsARoot()
    {
        TeamCsvReader.ReadTree(Input("team,parent\ncompany,\nmarketing,company\n")).Should().Equal(
            new TeamNode("company", null),
            new TeamNode("marketing", "company"));
    }

    [Fact]
    public void ReadTree_UnknownParent_NamesTeamAndLine()
    {
        var e = Error(() => TeamCsvReader.ReadTree(Input("team,parent\nmarketing,\nads,marketting\n"), "tree.csv"));

        e.Message.Should().Be("tree.csv:3: team 'ads' has parent 'marketting', which is not a team of the tree (line 3); list the parent as a team of its own, with an empty parent for a root");
    }

    [Fact]
    public void ReadTree_Cycle_NamesTheTeams()
    {
        var e = Error(() => TeamCsvReader.ReadTree(Input("team,parent\ncompany,\na,b\nb,a\n"), "tree.csv"));

        e.Message.Should().Contain("the teams a → b → a form a cycle");
    }

    [Fact]
    public void ReadTree_TeamTwice_NamesBothLines()
    {
        var e = Error(() => TeamCsvReader.ReadTree(Input("team,parent\nads,\nads,\n"), "tree.csv"));

        e.Message.Should().Be("tree.csv:3: team 'ads' is listed twice (line 2 and line 3); each team has one parent");
    }

    [Fact]
    public void ReadTargets_ReadsEveryColumn()
    {
        TeamCsvReader.ReadTargets(Input("team,from,to,target\nmarketing,2026-01-01,2027-01-01,20000000\n")).Should().Equal(
            new TeamTarget("marketing", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 20_000_000));
    }

    [Theory]
    [InlineData("team,from,to,target\nads,2026-01-01,2027-01-01,-5\n", "target", "is negative")]
    [InlineData("team,from,to,target\nads,2026-01-01,2027-01-01,lots\n", "target", "is not a number")]
    [InlineData("team,from,to,target\nads,,2027-01-01,5\n", "from", "is empty")]
    [InlineData("team,from,to,target\nads,2027-01-01,2026-01-01,5\n", "to", "must end after it starts")]
    public void ReadTargets_BadCell_NamesLineAndColumn(string csv, string column, string detail)
    {
        var e = Error(() => TeamCsvReader.ReadTargets(Input(csv), "targets.csv"));

        e.Line.Should().Be(2);
        e.Column.Should().Be(column);
        e.Message.Should().Contain(detail);
    }

    [Fact]
    public void ReadTargets_OverlappingPeriodsOfOneTeam_NamesBothLines()
    {
        var e = Error(() => TeamCsvReader.ReadTargets(Input("team,from,to,target\nads,2026-01-01,2027-01-01,10\nseo,2026-01-01,2027-01-01,1\nads,2026-06-01,2026-07-01,2\n"), "targets.csv"));

        e.Line.Should().Be(4);
        e.Message.Should().Contain("team 'ads'").And.Contain("line 4").And.Contain("line 2");
    }

    [Fact]
    public void ReadTargets_TargetColumnMissing_SaysWhichColumnsAreRequired()
    {
        Error(() => TeamCsvReader.ReadTargets(Input("team,from,to\nads,2026-01-01,2027-01-01\n"))).Message
            .Should().Contain("no 'target' column; required columns are team, from, to and target");
    }
}
