using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

/// <summary>Touch types on <see cref="Touchpoint"/>, in <see cref="JourneySet"/>, and campaign-member statuses in
/// <see cref="JourneySetBuilder"/> (issue 10 §2).</summary>
public sealed class TouchTypeTests
{
    [Fact]
    public void Touchpoint_NoTouchType_IsOnline()
    {
        var touch = new Touchpoint(T0, "email");

        touch.TouchType.Should().Be("online");
        Touchpoint.DefaultTouchType.Should().Be("online");
        new Touchpoint(T0, "email", null, "  ").TouchType.Should().Be("online");
        default(Touchpoint).TouchType.Should().Be("online");
    }

    [Fact]
    public void Touchpoint_TouchType_IsTrimmedAndOnlineEqualsNone()
    {
        new Touchpoint(T0, "events", "expo", " offline ").TouchType.Should().Be("offline");
        new Touchpoint(T0, "email", null, "online").Should().Be(new Touchpoint(T0, "email"));
        new Touchpoint(T0, "email", null, "offline").Should().NotBe(new Touchpoint(T0, "email"));
    }

    [Theory]
    [InlineData("(none)")]
    [InlineData("(unattributed)")]
    [InlineData("off\u0001line")]
    public void Touchpoint_TouchTypeBreakingTheRuleOfNames_Throws(string touchType)
    {
        var create = () => new Touchpoint(T0, "email", null, touchType);

        create.Should().Throw<ArgumentException>().WithParameterName(nameof(touchType));
    }

    [Fact]
    public void JourneySet_OneTouchType_NeedsNoColumnAndReadsBackOnline()
    {
        var set = JourneySet.Create([JourneyOf("a", [Touch(-2, "email"), Touch(-1, "search")], Conv(0))]);

        set.TouchTypes.Should().Equal("online");
        set.TouchTypeKeys.Should().BeNull("a set whose touches all have one type spends no memory on it");
        set.GetTouchpoint(1).TouchType.Should().Be("online");
        set.NotCountedByStatus.Should().BeEmpty();
    }

    [Fact]
    public void JourneySet_SeveralTouchTypes_RoundTripThroughTheColumns()
    {
        // Touches out of time order; journey b's touch comes after a's in the set.
        var touches = new[]
        {
            new Touchpoint(Day(-1), "sales-call", null, "sales"),
            new Touchpoint(Day(-3), "email", "spring"),
            new Touchpoint(Day(-2), "trade-show", "expo", "offline"),
        };
        var set = JourneySet.Create([new Journey("a", touches, [Conv(0)]), JourneyOf("b", [Touch(-1, "search", "spring")], Conv(0))]);

        // A Journey sorts its touches by time before the builder sees them: the types appear as online, offline, sales.
        set.TouchTypes.Should().Equal("online", "offline", "sales");
        Enumerable.Range(0, 4).Select(i => set.GetTouchpoint(i).TouchType).Should().Equal("online", "offline", "sales", "online");
        Enumerable.Range(0, 4).Select(i => set.GetTouchpoint(i).Campaign).Should().Equal("spring", "expo", null, "spring");
        set.GetJourney(0).Touchpoints.Should().Equal(touches.OrderBy(t => t.Instant));
    }

    [Fact]
    public void Builder_InterleavedRowsOutOfTimeOrder_EachTouchKeepsItsType()
    {
        var builder = new JourneySetBuilder();
        var a = builder.JourneyIds.GetOrAdd("a");
        var b = builder.JourneyIds.GetOrAdd("b");
        var events = builder.Channels.GetOrAdd("events");
        var expo = builder.Campaigns.GetOrAdd("expo");
        var offline = builder.TouchTypes.GetOrAdd("offline");
        var sales = builder.TouchTypes.GetOrAdd("sales");

        builder.AddTouchpoint(b, Day(-1), events, expo, sales);
        builder.AddTouchpoint(a, Day(-1), events);
        builder.AddTouchpoint(b, Day(-3), events, -1, offline);
        builder.AddTouchpoint(a, Day(-2), events, expo, offline);
        var set = builder.Build();

        // Grouped (a, then b) and sorted: a −2 offline/expo, a −1 online/none, b −3 offline/none, b −1 sales/expo.
        set.TouchTypes.Should().Equal("offline", "sales", "online");
        Enumerable.Range(0, 4).Select(i => (set.GetTouchpoint(i).TouchType, set.GetTouchpoint(i).Campaign))
            .Should().Equal(("offline", "expo"), ("online", null), ("offline", null), ("sales", "expo"));
    }

    [Fact]
    public void Builder_FirstTouchesOfAnotherTypeThanTypeZero_StillReadBack()
    {
        // "offline" is interned first but only "online" touches are added: the one type is id 1, not 0.
        var builder = new JourneySetBuilder();
        builder.TouchTypes.GetOrAdd("offline");
        var a = builder.JourneyIds.GetOrAdd("a");
        builder.AddTouchpoint(a, Day(-1), builder.Channels.GetOrAdd("email"));
        var set = builder.Build();

        set.GetTouchpoint(0).TouchType.Should().Be("online");
    }

    [Fact]
    public void Builder_CountedStatuses_LeavesOtherStatusesOutAndCountsThemPerStatus()
    {
        var builder = new JourneySetBuilder { CountedStatuses = ["attended", "responded"] };
        var a = builder.JourneyIds.GetOrAdd("a");
        var events = builder.Channels.GetOrAdd("events");
        var sent = builder.Statuses.GetOrAdd("Sent");
        var attended = builder.Statuses.GetOrAdd("Attended");
        var registered = builder.Statuses.GetOrAdd("registered");

        builder.AddTouchpoint(a, Day(-5), events, status: sent).Should().BeFalse();
        builder.AddTouchpoint(a, Day(-4), events, status: attended).Should().BeTrue("statuses compare ignoring case");
        builder.AddTouchpoint(a, Day(-3), events, status: sent).Should().BeFalse();
        builder.AddTouchpoint(a, Day(-2), events, status: registered).Should().BeFalse();
        builder.AddTouchpoint(a, Day(-1), events).Should().BeTrue("a touch with no status always counts");
        builder.Counts(-1).Should().BeTrue();
        var set = builder.Build();

        set.TouchpointCount.Should().Be(2);
        set.NotCountedByStatus.Should().Equal(new KeyValuePair<string, int>("Sent", 2), new KeyValuePair<string, int>("registered", 1));
    }

    [Fact]
    public void Builder_JourneyWhoseOnlyTouchDidNotCount_BuildSaysWhy()
    {
        var builder = new JourneySetBuilder { CountedStatuses = ["attended"] };
        var dan = builder.JourneyIds.GetOrAdd("dan");
        builder.AddTouchpoint(dan, Day(-1), builder.Channels.GetOrAdd("email"), status: builder.Statuses.GetOrAdd("sent")).Should().BeFalse();

        var build = () => builder.Build();

        build.Should().Throw<InvalidOperationException>().WithMessage("Journey 'dan' has neither touchpoints nor conversions (intern a journey only for rows that count: see Counts).");
    }

    [Fact]
    public void Builder_NoCountedStatuses_CountsEveryStatus()
    {
        var builder = new JourneySetBuilder();
        var a = builder.JourneyIds.GetOrAdd("a");

        builder.AddTouchpoint(a, Day(-1), builder.Channels.GetOrAdd("events"), status: builder.Statuses.GetOrAdd("sent")).Should().BeTrue();
        builder.Build().NotCountedByStatus.Should().BeEmpty();
    }

    [Fact]
    public void Builder_CountedStatuses_EmptyOrBlank_Throws()
    {
        var empty = () => new JourneySetBuilder { CountedStatuses = [] };
        var blank = () => new JourneySetBuilder { CountedStatuses = ["attended", " "] };

        empty.Should().Throw<ArgumentException>().WithParameterName("CountedStatuses");
        blank.Should().Throw<ArgumentException>().WithParameterName("CountedStatuses");
    }

    [Fact]
    public void Builder_StatusNotInItsTable_Throws()
    {
        var builder = new JourneySetBuilder();
        var a = builder.JourneyIds.GetOrAdd("a");
        var email = builder.Channels.GetOrAdd("email");

        var add = () => builder.AddTouchpoint(a, T0, email, status: 0);
        var type = () => builder.AddTouchpoint(a, T0, email, touchType: 3);

        add.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("status");
        type.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("touchType");
    }
}
