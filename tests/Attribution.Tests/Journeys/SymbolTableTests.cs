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

    [Fact]
    public void Names_are_found_by_every_key_whatever_key_added_them()
    {
        // Non-ASCII, long (past the 128-char stack buffer) and many names (several rehashes of the index).
        var table = new SymbolTable();
        string[] names = ["café", "日本", new string('x', 300), .. Enumerable.Range(0, 5_000).Select(i => $"journey-{i}")];
        for (var i = 0; i < names.Length; i++)
        {
            var id = (i % 3) switch
            {
                0 => table.GetOrAdd(names[i]),
                1 => table.GetOrAdd(names[i].AsSpan()),
                _ => table.GetOrAdd(System.Text.Encoding.UTF8.GetBytes(names[i])),
            };
            id.Should().Be(i);
        }

        for (var i = 0; i < names.Length; i++)
        {
            table.GetOrAdd(System.Text.Encoding.UTF8.GetBytes(names[i])).Should().Be(i);
            table.GetOrAdd(new string(names[i].AsSpan())).Should().Be(i);
            table.TryGetId(names[i], out var id).Should().BeTrue();
            id.Should().Be(i);
            table[i].Should().Be(names[i]);
        }

        table.Count.Should().Be(names.Length);
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_is_kept_apart_from_its_replacement_character()
    {
        // "\uD800" has no UTF-8 spelling; it must not collide with U+FFFD, which is what a lenient encoder would write.
        var table = new SymbolTable();
        table.GetOrAdd("a\uD800").Should().Be(0);
        table.GetOrAdd("a\uFFFD").Should().Be(1);
        table.GetOrAdd("a\uD800".AsSpan()).Should().Be(0);
        table.TryGetId("a\uD800", out var id).Should().BeTrue();
        id.Should().Be(0);
        table.GetOrAdd(System.Text.Encoding.UTF8.GetBytes("a\uFFFD")).Should().Be(1);
    }
}
