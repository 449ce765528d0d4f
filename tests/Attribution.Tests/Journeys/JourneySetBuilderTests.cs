using Attribution.Journeys;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

public sealed class JourneySetBuilderTests
{
    [Fact]
    public void Build_InterleavedRows_GroupedByJourneyInOrderOfFirstAppearance()
    {
        var builder = new JourneySetBuilder();
        var bob = builder.JourneyIds.GetOrAdd("bob");
        var ann = builder.JourneyIds.GetOrAdd("ann");
        var email = builder.Channels.GetOrAdd("email");
        var search = builder.Channels.GetOrAdd("search");
        var order = builder.Kinds.GetOrAdd("order");

        builder.AddTouchpoint(ann, Day(-1), search);
        builder.AddTouchpoint(bob, Day(-3), email);
        builder.AddConversion(ann, Day(0), 50, order);
        builder.AddTouchpoint(bob, Day(-5), search);
        builder.AddTouchpoint(ann, Day(-2), email);
        var set = builder.Build();

        set.Count.Should().Be(2);
        set.JourneyIds.Should().Equal("bob", "ann");
        set.TouchpointCount.Should().Be(4);
        set.ConversionCount.Should().Be(1);
        set.MaxTouchpointsPerJourney.Should().Be(2);

        // bob: search(−5), email(−3); ann: email(−2), search(−1) — each sorted by time. Read through global indices:
        // GetJourney builds a Journey, which would sort again and hide a builder that does not.
        Enumerable.Range(0, 4).Select(i => set.GetTouchpoint(i).Channel).Should().Equal("search", "email", "email", "search");
        Enumerable.Range(0, 4).Select(i => set.GetTouchpoint(i).Instant).Should().Equal(Day(-5), Day(-3), Day(-2), Day(-1));
        set.GetTouchpointRange(0).Should().Be(new Range(0, 2));
        set.GetTouchpointRange(1).Should().Be(new Range(2, 4));
        set.GetConversionRange(0).Should().Be(new Range(0, 0));
        set.GetConversionRange(1).Should().Be(new Range(0, 1));
        set.GetConversion(0).Should().Be(new Conversion(Day(0), 50, "order"));
    }

    [Fact]
    public void Build_EqualInstants_KeepInputOrder()
    {
        var builder = new JourneySetBuilder();
        var j = builder.JourneyIds.GetOrAdd("j");
        foreach (var name in new[] { "late", "x", "y", "z" })
        {
            builder.Channels.GetOrAdd(name);
        }

        // late(+1) then x, y, z at the same instant (0): sorting must not reorder x, y, z.
        builder.AddTouchpoint(j, Day(1), 0);
        builder.AddTouchpoint(j, Day(0), 1);
        builder.AddTouchpoint(j, Day(0), 2);
        builder.AddTouchpoint(j, Day(0), 3);

        var set = builder.Build();

        Enumerable.Range(0, 4).Select(i => set.GetTouchpoint(i).Channel).Should().Equal("x", "y", "z", "late");
    }

    [Fact]
    public void Build_JourneyWithoutRows_Throws()
    {
        var builder = new JourneySetBuilder();
        builder.JourneyIds.GetOrAdd("ghost");

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*ghost*");
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new JourneySetBuilder();
        builder.Add(new Journey("j", [Touch(0, "a")]));
        builder.Build();

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.AddTouchpoint(0, T0, 0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Build_FreezesTheTablesTheSetShares()
    {
        // The set is immutable: neither the builder's tables nor the set's own (cast back) may grow after Build.
        var builder = new JourneySetBuilder();
        builder.Add(new Journey("j", [Touch(0, "a", "spring")], [Conv(1)]));
        var set = builder.Build();

        builder.Channels.Invoking(t => t.GetOrAdd("b")).Should().Throw<InvalidOperationException>().WithMessage("*'b'*");
        builder.Campaigns.Invoking(t => t.GetOrAdd("summer".AsSpan())).Should().Throw<InvalidOperationException>();
        builder.Kinds.Invoking(t => t.GetOrAdd("lead"u8)).Should().Throw<InvalidOperationException>();
        ((SymbolTable)set.JourneyIds).Invoking(t => t.GetOrAdd("k")).Should().Throw<InvalidOperationException>();

        builder.Channels.GetOrAdd("a").Should().Be(0, "known names are still looked up");
        set.Channels.Should().Equal("a");
        set.JourneyIds.Should().Equal("j");
    }

    [Fact]
    public void Add_SameJourneyIdTwice_ThrowsNamingJourney()
    {
        var builder = new JourneySetBuilder();
        builder.Add(new Journey("j", [Touch(0, "a")]));

        builder.Invoking(b => b.Add(new Journey("j", [Touch(1, "b")])))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("journey");
    }

    [Theory]
    [InlineData(-1, 0, -1, "journey")]
    [InlineData(1, 0, -1, "journey")]
    [InlineData(0, 1, -1, "channel")]
    [InlineData(0, -1, -1, "channel")]
    [InlineData(0, 0, 0, "campaign")]
    [InlineData(0, 0, -2, "campaign")]
    public void AddTouchpoint_IdNotInTable_ThrowsNamingIt(int journey, int channel, int campaign, string param)
    {
        var builder = new JourneySetBuilder();
        builder.JourneyIds.GetOrAdd("j");
        builder.Channels.GetOrAdd("a");

        builder.Invoking(b => b.AddTouchpoint(journey, T0, channel, campaign))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(param);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.5)]
    public void AddConversion_BadValue_ThrowsNamingValue(double value)
    {
        var builder = new JourneySetBuilder();
        var j = builder.JourneyIds.GetOrAdd("j");
        var kind = builder.Kinds.GetOrAdd("order");

        builder.Invoking(b => b.AddConversion(j, T0, value, kind))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void AddConversion_UnknownKind_ThrowsNamingKind()
    {
        var builder = new JourneySetBuilder();
        var j = builder.JourneyIds.GetOrAdd("j");

        builder.Invoking(b => b.AddConversion(j, T0, 1, 0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("kind");
    }

    [Fact]
    public void AddConversion_IdsOnSomeRowsOnly_KeptPerConversionAfterSorting()
    {
        var builder = new JourneySetBuilder();
        var j = builder.JourneyIds.GetOrAdd("j");
        var kind = builder.Kinds.GetOrAdd("order");
        builder.AddConversion(j, Day(2), 20, kind);
        builder.AddConversion(j, Day(1), 10, kind, "o-1");
        builder.AddConversion(j, Day(3), 30, kind);

        var set = builder.Build();

        // Sorted by time: o-1 (day 1, 10), then day 2 (no id), then day 3 (no id).
        Enumerable.Range(0, 3).Select(i => (set.GetConversion(i).Value, set.GetConversion(i).Id)).Should().Equal((10, "o-1"), (20, null), (30, null));
    }

    [Fact]
    public void Counts_TrackRowsAdded()
    {
        var builder = new JourneySetBuilder();
        builder.Add(new Journey("j", [Touch(-2, "a"), Touch(-1, "b", "spring")], [Conv(0), Conv(1)]));

        builder.TouchpointCount.Should().Be(2);
        builder.ConversionCount.Should().Be(2);
        builder.Campaigns.Should().Equal("spring");
    }
}
