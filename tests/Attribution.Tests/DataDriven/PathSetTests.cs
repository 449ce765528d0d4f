using Attribution.DataDriven;
using Attribution.Engine;
using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.DataDriven;

public sealed class PathSetTests
{
    [Fact]
    public void FromJourneys_OnePathPerConversion_TrailingTouchesOneNullPath_IdenticalPathsMerged()
    {
        var set = JourneySet.Create(
        [
            // ann: a, b → 10; c → 20; d trailing. Paths: [a b] conv 10, [c] conv 20, [d] null.
            JourneyOf("ann", [Touch(-6, "a"), Touch(-5, "b"), Touch(-3, "c"), Touch(-1, "d")], Conv(-4, 10), Conv(-2, 20)),

            // bob: a, b → 5: merges with ann's [a b].
            JourneyOf("bob", [Touch(-3, "a"), Touch(-2, "b")], Conv(0, 5)),

            // cid: a, b, never converts: [a b] null.
            new Journey("cid", [Touch(-3, "a"), Touch(-2, "b")]),

            // dan: converts with nothing before → unattributed 7; his later touch c is a trailing [c] null.
            JourneyOf("dan", [Touch(1, "c")], Conv(0, 7)),
        ]);

        var paths = PathSet.FromJourneys(set);

        Describe(paths).Should().Equal(
            ("a > b", 2, 15, 1),
            ("c", 1, 20, 1),
            ("d", 0, 0, 1));
        paths.Count.Should().Be(3);
        paths.TotalConversions.Should().Be(3);
        paths.TotalValue.Should().Be(35);
        paths.TotalNulls.Should().Be(3);
        paths.UnattributedConversions.Should().Be(1);
        paths.UnattributedValue.Should().Be(7);
        paths.Channels.Should().Equal("a", "b", "c", "d");
    }

    [Fact]
    public void FromJourneys_JourneyEndingWithAConversion_GivesNoNullPath()
    {
        var paths = PathSet.FromJourneys(JourneySet.Create([JourneyOf("j", [Touch(-1, "a"), Touch(0, "b")], Conv(0, 3))]));

        Describe(paths).Should().Equal(("a > b", 1, 3, 0));
    }

    [Fact]
    public void FromJourneys_RepeatedChannelsStayInThePath()
    {
        var paths = PathSet.FromJourneys(JourneySet.Create([JourneyOf("j", [Touch(-3, "a"), Touch(-2, "a"), Touch(-1, "b")], Conv(0))]));

        Describe(paths).Should().Equal(("a > a > b", 1, 1, 0));
    }

    [Fact]
    public void FromJourneys_LookbackAndResetApply()
    {
        // Lookback 7 d: a (−20) is too old for the conversion at 0 → path [b]; a is used up, not a null path.
        var set = JourneySet.Create([JourneyOf("j", [Touch(-20, "a"), Touch(-3, "b")], Conv(0, 4))]);

        var paths = PathSet.FromJourneys(set, new AttributionOptions { Lookback = TimeSpan.FromDays(7) });

        Describe(paths).Should().Equal(("b", 1, 4, 0));
    }

    [Fact]
    public void FromJourneys_ExcludedChannels_DroppedUnlessNothingElseIsEligible()
    {
        var set = JourneySet.Create(
        [
            // direct dropped from [search direct email]; the lone direct keeps its place; trailing [direct] too.
            JourneyOf("a", [Touch(-3, "search"), Touch(-2, "direct"), Touch(-1, "email")], Conv(0)),
            JourneyOf("b", [Touch(-1, "direct"), Touch(1, "direct")], Conv(0)),
        ]);

        var paths = PathSet.FromJourneys(set, new AttributionOptions { ExcludedChannels = ["direct"] });

        Describe(paths).Should().Equal(("search > email", 1, 1, 0), ("direct", 1, 1, 1));
    }

    [Fact]
    public void FromJourneys_ExcludedChannelAbsentFromTheData_IsNoError()
    {
        var set = JourneySet.Create([JourneyOf("j", [Touch(-1, "a")], Conv(0))]);

        var paths = PathSet.FromJourneys(set, new AttributionOptions { ExcludedChannels = ["b"] });

        paths.Count.Should().Be(1);
        paths.GetPath(0).ToArray().Should().Equal(0);
        paths.GetConversions(0).Should().Be(1);
    }

    [Fact]
    public void Accessors_IndexOutOfRange_Throw()
    {
        var paths = PathSet.FromJourneys(JourneySet.Create([JourneyOf("j", [Touch(-1, "a")], Conv(0))]));

        paths.Invoking(p => p.GetPath(1).ToArray()).Should().Throw<ArgumentOutOfRangeException>();
        paths.Invoking(p => p.GetConversions(-1)).Should().Throw<ArgumentOutOfRangeException>();
        paths.Invoking(p => p.GetValue(1)).Should().Throw<ArgumentOutOfRangeException>();
        paths.Invoking(p => p.GetNulls(1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    internal static (string Path, double Conversions, double Value, double Nulls)[] Describe(PathSet paths)
        => [.. Enumerable.Range(0, paths.Count).Select(p => (
            string.Join(" > ", paths.GetPath(p).ToArray().Select(id => paths.Channels[id])),
            paths.GetConversions(p),
            paths.GetValue(p),
            paths.GetNulls(p)))];
}
