using System.Text;
using Attribution.Journeys;

namespace Attribution.Tests.Journeys;

public sealed class SymbolTableTests
{
    [Fact]
    public void GetOrAdd_DenseIdsInOrderOfFirstAppearance_SameForStringSpanAndUtf8()
    {
        var table = new SymbolTable();

        table.GetOrAdd("email").Should().Be(0);
        table.GetOrAdd("search".AsSpan()).Should().Be(1);
        table.GetOrAdd("café"u8).Should().Be(2);
        table.GetOrAdd(new string("email".AsSpan())).Should().Be(0);
        table.GetOrAdd("search"u8).Should().Be(1);
        table.GetOrAdd("café".AsSpan()).Should().Be(2);

        table.Count.Should().Be(3);
        table.Should().Equal("email", "search", "café");
        table[2].Should().Be("café");
    }

    [Fact]
    public void GetOrAdd_IsCaseSensitive()
    {
        var table = new SymbolTable();

        table.GetOrAdd("Email").Should().NotBe(table.GetOrAdd("email"));
    }

    [Fact]
    public void GetOrAdd_LongUtf8Name_Works()
    {
        var name = new string('x', 1000) + "é";
        var table = new SymbolTable();

        table.GetOrAdd(Encoding.UTF8.GetBytes(name)).Should().Be(0);
        table[0].Should().Be(name);
    }

    [Fact]
    public void GetOrAdd_InvalidUtf8_ThrowsNamingArgument()
    {
        var table = new SymbolTable();

        var act = () => table.GetOrAdd(new byte[] { 0x61, 0xC3 });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("utf8Name");
    }

    [Fact]
    public void TryGetId_DoesNotAdd()
    {
        var table = new SymbolTable();
        table.GetOrAdd("email");

        table.TryGetId("email", out var found).Should().BeTrue();
        found.Should().Be(0);
        table.TryGetId("search", out var missing).Should().BeFalse();
        missing.Should().Be(-1);
        table.Count.Should().Be(1);
    }
}
