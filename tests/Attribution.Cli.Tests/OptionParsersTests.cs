namespace Attribution.Cli.Tests;

public sealed class OptionParsersTests
{
    [Theory]
    [InlineData("45s", 45)]
    [InlineData("90m", 5400)]        // 90 × 60
    [InlineData("12h", 43200)]       // 12 × 3600
    [InlineData("1.5d", 129600)]     // 1.5 × 86400
    [InlineData("30d", 2592000)]     // 30 × 86400
    [InlineData(" 7D ", 604800)]     // 7 × 86400; case and surrounding blanks do not matter
    [InlineData("0.5s", 0.5)]
    public void ParseDuration_NumberWithUnit_GivesExactTimeSpan(string text, double seconds)
        => OptionParsers.ParseDuration("--x", text).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void ParseList_SplitsCommasAndRepeats_DropsBlanksAndDuplicates()
        => OptionParsers.ParseList(["direct, referral", "direct", ",email,"]).Should().Equal("direct", "referral", "email");

    [Fact]
    public void ParseChannelWeights_ReadsEveryPair()
        => OptionParsers.ParseChannelWeights("--w", ["email=2,display=0.5", "social=0"]).Should().Equal(
            new Dictionary<string, double> { ["email"] = 2, ["display"] = 0.5, ["social"] = 0 });

    [Fact]
    public void ParsePositions_ReadsFirstMiddleLast()
    {
        var options = OptionParsers.ParsePositions("--p", "0.3,0.4,0.3");

        options.First.Should().Be(0.3);
        options.Middle.Should().Be(0.4);
        options.Last.Should().Be(0.3);
    }
}
