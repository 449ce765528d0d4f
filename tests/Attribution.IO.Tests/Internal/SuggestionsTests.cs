using Attribution.IO.Internal;

namespace Attribution.IO.Tests.Internal;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("dirct", "direct")]        // one deletion
    [InlineData("Direct", "direct")]       // case only
    [InlineData("emial", "email")]         // one swap of neighbours
    [InlineData("paid-serach", "paid-search")]
    public void Closest_Typo_FindsTheMeantName(string typed, string expected)
        => Suggestions.Closest(typed, ["email", "direct", "paid-search"]).Should().Be(expected);

    [Theory]
    [InlineData("social")]   // 5 edits from every name: another name, not a typo
    [InlineData("x")]
    public void Closest_NothingClose_IsNull(string typed)
        => Suggestions.Closest(typed, ["email", "direct", "paid-search"]).Should().BeNull();
}
