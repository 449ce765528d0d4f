using Attribution.DataDriven;

namespace Attribution.Tests.DataDriven;

public sealed class PathSetBuilderTests
{
    [Fact]
    public void Add_IdenticalPaths_MergedWithCountsSummed()
    {
        var builder = new PathSetBuilder();
        builder.Add(["search", "email"], conversions: 3, value: 360, nulls: 10);
        builder.Add(["display"], conversions: 0, value: 0, nulls: 25);
        builder.Add(["search", "email"], conversions: 1.5, value: 40, nulls: 5);
        builder.Add(["email", "search"], conversions: 1, value: 1, nulls: 1);

        builder.Count.Should().Be(3);
        var paths = builder.Build();

        // search > email: 3 + 1.5 = 4.5 conversions, 360 + 40 = 400, 10 + 5 = 15 nulls; reversed order is another path.
        PathSetTests.Describe(paths).Should().Equal(
            ("search > email", 4.5, 400, 15),
            ("display", 0, 0, 25),
            ("email > search", 1, 1, 1));
        paths.TotalConversions.Should().Be(5.5);
        paths.TotalValue.Should().Be(401);
        paths.TotalNulls.Should().Be(41);
        paths.UnattributedConversions.Should().Be(0);
    }

    [Fact]
    public void Add_ByIds_SameAsByNames()
    {
        var builder = new PathSetBuilder();
        var a = builder.Channels.GetOrAdd("a");
        var b = builder.Channels.GetOrAdd("b");
        builder.Add([a, b, a], 1, 2, 0);
        builder.Add(["a", "b", "a"], 1, 2, 3);
        builder.Add(["a", "b"], 0, 0, 1);

        PathSetTests.Describe(builder.Build()).Should().Equal(("a > b > a", 2, 4, 3), ("a > b", 0, 0, 1));
    }

    [Fact]
    public void Add_PrefixesAndLongerPaths_StayDistinct()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 1, 0);
        builder.Add(["a", "a"], 1, 1, 0);
        builder.Add(["a"], 1, 1, 0);

        PathSetTests.Describe(builder.Build()).Should().Equal(("a", 2, 2, 0), ("a > a", 1, 1, 0));
    }

    [Fact]
    public void Add_EmptyPath_ThrowsNamingChannels()
    {
        var builder = new PathSetBuilder();

        builder.Invoking(b => b.Add(Array.Empty<string>(), 1, 1, 0))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("channels");
    }

    [Fact]
    public void Add_BlankChannelName_ThrowsNamingChannels()
    {
        var builder = new PathSetBuilder();

        builder.Invoking(b => b.Add(["a", " "], 1, 1, 0))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("channels");
    }

    [Theory]
    [InlineData(-1, 0, 0, "conversions")]
    [InlineData(double.NaN, 0, 0, "conversions")]
    [InlineData(0, -1, 0, "value")]
    [InlineData(0, double.PositiveInfinity, 0, "value")]
    [InlineData(0, 0, -0.5, "nulls")]
    public void Add_BadCount_ThrowsNamingIt(double conversions, double value, double nulls, string param)
    {
        var builder = new PathSetBuilder();

        builder.Invoking(b => b.Add(["a"], conversions, value, nulls))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be(param);
    }

    [Fact]
    public void Add_UnknownChannelId_Throws()
    {
        var builder = new PathSetBuilder();
        builder.Channels.GetOrAdd("a");

        builder.Invoking(b => b.Add([0, 1], 1, 1, 0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("channels");
    }

    [Fact]
    public void Add_AfterBuild_Throws()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 1, 0);
        builder.Build();

        builder.Invoking(b => b.Add(["a"], 1, 1, 0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Build_FreezesTheChannelTableThePathSetShares()
    {
        var builder = new PathSetBuilder();
        builder.Add(["a"], 1, 1, 0);
        var paths = builder.Build();

        builder.Channels.Invoking(t => t.GetOrAdd("b")).Should().Throw<InvalidOperationException>();
        paths.Channels.Should().Equal("a");
    }

    [Fact]
    public void Build_ManyPaths_AllKeptAndMerged()
    {
        // 1000 distinct two-step paths, each added twice: 1000 paths with 2 conversions each.
        var builder = new PathSetBuilder();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 1000; i++)
            {
                builder.Add(["c" + (i % 37), "c" + (i / 37)], 1, i, 0);
            }
        }

        var paths = builder.Build();

        paths.Count.Should().Be(1000);
        Enumerable.Range(0, 1000).Should().AllSatisfy(p => paths.GetConversions(p).Should().Be(2));
        paths.TotalValue.Should().Be(2 * (999 * 1000 / 2));
    }
}
