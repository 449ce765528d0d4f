using Attribution.Reports;

namespace Attribution.Tests.Reports;

public sealed class TeamStructureTests
{
    private static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_OverlappingOwnershipOfOneCampaign_NamesBothRows()
    {
        var act = () => new TeamStructure(
        [
            new("blog", "content", null, Jan1.AddDays(10)),
            new("expo", "offline"),
            new("blog", "online ads", Jan1.AddDays(9), null),
        ]);

        act.Should().Throw<ArgumentException>()
            .WithMessage("*campaign 'blog' is owned by 'online ads'*row 3*while 'content' owns it*row 1*")
            .Which.ParamName.Should().Be("ownership");
    }

    [Fact]
    public void Create_HandOverAtOneInstant_IsNoOverlap()
    {
        var teams = new TeamStructure([new("blog", "content", null, Jan1), new("blog", "ads", Jan1, null)]);

        teams.Teams.Select(t => t.Team).Should().Equal("content", "ads");
    }

    [Fact]
    public void Create_TreeWithCycle_NamesTheTeamsOfTheCycle()
    {
        var act = () => new TeamStructure([], [new("company", null), new("a", "b"), new("b", "c"), new("c", "a")]);

        act.Should().Throw<ArgumentException>().WithMessage("*teams a → b → c → a form a cycle*");
    }

    [Fact]
    public void Create_TeamItsOwnParent_IsACycle()
    {
        var act = () => new TeamStructure([], [new("a", "a")]);

        act.Should().Throw<ArgumentException>().WithMessage("*a → a form a cycle*");
    }

    [Fact]
    public void Create_UnknownParent_NamesTeamAndParent()
    {
        var act = () => new TeamStructure([], [new("marketing", null), new("ads", "marketting")]);

        act.Should().Throw<ArgumentException>().WithMessage("*team 'ads' has parent 'marketting', which is not a team of the tree*");
    }

    [Fact]
    public void Create_TeamListedTwice_Throws()
    {
        var act = () => new TeamStructure([], [new("ads", null), new("ads", null)]);

        act.Should().Throw<ArgumentException>().WithMessage("*team 'ads' is listed twice (row 1 and row 2)*");
    }

    [Fact]
    public void Create_OwnerNotInTheTree_Throws()
    {
        var act = () => new TeamStructure([new("blog", "contnet")], [new("content", null)]);

        act.Should().Throw<ArgumentException>().WithMessage("*Team 'contnet' owns campaign 'blog' but is not in the team tree*");
    }

    [Fact]
    public void Create_OverlappingTargetsOfOneTeam_Throw()
    {
        var act = () => new TeamStructure([], targets: [new("ads", Jan1, Jan1.AddDays(365), 10), new("ads", Jan1.AddDays(90), Jan1.AddDays(180), 5)]);

        act.Should().Throw<ArgumentException>().WithMessage("*team 'ads' has a target*row 2*overlapping*row 1*");
    }

    [Theory]
    [InlineData(TeamReport.UnassignedKey)]
    [InlineData(TeamReport.NoCampaignKey)]
    [InlineData(" ")]
    public void Ownership_TeamNamedLikeABuiltInRowOrEmpty_Throws(string team)
    {
        var act = () => new CampaignOwnership("blog", team);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("team");
    }

    [Fact]
    public void Ownership_EndingBeforeItStarts_Throws()
    {
        var act = () => new CampaignOwnership("blog", "ads", Jan1, Jan1);

        act.Should().Throw<ArgumentException>().WithMessage("*must end after it starts*");
    }

    [Fact]
    public void Target_Negative_Throws()
    {
        var act = () => new TeamTarget("ads", Jan1, Jan1.AddDays(1), -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Teams_AreInTreeOrder_ParentsBeforeChildren()
    {
        var teams = new TeamStructure([], [new("ads", "marketing"), new("sales", null), new("marketing", null), new("seo", "marketing")]);

        teams.Teams.Select(t => t.Team).Should().Equal("sales", "marketing", "ads", "seo");
    }
}
