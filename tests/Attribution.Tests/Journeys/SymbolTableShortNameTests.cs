using System.Text;
using Attribution.Journeys;

namespace Attribution.Tests.Journeys;

/// <summary>UTF-8 lookups of names up to 16 bytes go through a cache keyed by the bytes; it must never mix names up.</summary>
public sealed class SymbolTableShortNameTests
{
    [Fact]
    public void GetOrAdd_ShortNamesDifferingInOneByte_GetDistinctIdsEveryTime()
    {
        // Every length from 1 to 17, every position changed: the cache's words must tell each apart.
        var table = new SymbolTable();
        var names = new List<string>();
        for (var length = 1; length <= 17; length++)
        {
            var baseName = new string('a', length);
            names.Add(baseName);
            for (var position = 0; position < length; position++)
            {
                names.Add(string.Concat(baseName.AsSpan(0, position), "b", baseName.AsSpan(position + 1)));
            }
        }

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < names.Count; i++)
            {
                table.GetOrAdd(Encoding.UTF8.GetBytes(names[i])).Should().Be(i, names[i]);
            }
        }

        table.Should().Equal(names);
    }

    [Fact]
    public void GetOrAdd_ManyNamesThroughTheCache_MatchTheirStringIds()
    {
        // 20,000 names collide in a 4,096-entry cache; each lookup by bytes must still find the id its string has.
        var table = new SymbolTable();
        for (var i = 0; i < 20_000; i++)
        {
            table.GetOrAdd(Encoding.UTF8.GetBytes($"j{i}")).Should().Be(i);
        }

        for (var i = 19_999; i >= 0; i--)
        {
            table.GetOrAdd(Encoding.UTF8.GetBytes($"j{i}")).Should().Be(i);
            table.TryGetId($"j{i}", out var id).Should().BeTrue();
            id.Should().Be(i);
        }

        table.Count.Should().Be(20_000);
    }

    [Fact]
    public void GetOrAdd_InvalidShortUtf8_StillThrows()
    {
        var table = new SymbolTable();
        var act = () => table.GetOrAdd([0xC3, 0x28]);

        act.Should().Throw<ArgumentException>();
        table.Count.Should().Be(0);
    }
}
