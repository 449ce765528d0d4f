using Attribution.DataDriven;
using Attribution.Journeys;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Journeys;

/// <summary>The one rule for names (trimmed, no control character, no built-in key for channels and campaigns), as every
/// object and builder applies it.</summary>
public sealed class NamesTests
{
    public static TheoryData<string> ReservedKeys => [AttributionResult.UnattributedKey, AttributionResult.NoCampaignKey, ReturnOnSpend.TotalKey];

    [Fact]
    public void Touchpoint_NamesWithWhiteSpaceAround_AreTrimmed()
    {
        var touch = new Touchpoint(T0, " email\t", "\u00A0spring ");

        touch.Should().Be(new Touchpoint(T0, "email", "spring"));
        touch.Channel.Should().Be("email");
        touch.Campaign.Should().Be("spring");
    }

    [Fact]
    public void Conversion_KindWithWhiteSpaceAround_IsTrimmed()
        => new Conversion(T0, 1, " order ").Kind.Should().Be("order");

    [Fact]
    public void Journey_IdWithWhiteSpaceAround_IsTrimmed()
        => new Journey(" j1 ", [new Touchpoint(T0, "email")]).Id.Should().Be("j1");

    [Theory]
    [InlineData("e\u0000mail")]
    [InlineData("e\nmail")]
    [InlineData("e\u007Fmail")]
    [InlineData("e\u009Fmail")]
    public void Touchpoint_ControlCharacterInAName_ThrowsNamingIt(string name)
    {
        var channel = () => new Touchpoint(T0, name);
        var campaign = () => new Touchpoint(T0, "email", name);

        channel.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("channel");
        campaign.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("campaign");
    }

    [Fact]
    public void Conversion_And_Journey_ControlCharacter_Throw()
    {
        var kind = () => new Conversion(T0, 1, "or\u0001der");
        var id = () => new Journey("j\u00001", [new Touchpoint(T0, "email")]);

        kind.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("kind");
        id.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
    }

    [Theory]
    [MemberData(nameof(ReservedKeys))]
    public void Touchpoint_ChannelOrCampaignNamedLikeABuiltInRow_Throws(string key)
    {
        var channel = () => new Touchpoint(T0, key);
        var campaign = () => new Touchpoint(T0, "email", $" {key} ");

        channel.Should().Throw<ArgumentException>().Which.Message.Should().Contain($"'{key}' is the key of a built-in row");
        campaign.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("campaign");
    }

    [Theory]
    [MemberData(nameof(ReservedKeys))]
    public void SpendLine_ChannelOrCampaignNamedLikeABuiltInRow_Throws(string key)
    {
        var channel = () => new SpendLine(key, null, null, 1);
        var campaign = () => new SpendLine("search", key, null, 1);

        channel.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("channel");
        campaign.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("campaign");
    }

    [Fact]
    public void SpendLine_NamesAreTrimmed_AndNegativeZeroCostIsZero()
    {
        var line = new SpendLine(" search ", " brand ", null, -0.0);

        line.Should().Be(new SpendLine("search", "brand", null, 0));
        double.IsNegative(line.Cost).Should().BeFalse();
    }

    [Fact]
    public void BuiltInKeys_AreAllowedAsKindOrJourneyId()
    {
        var journey = new Journey(AttributionResult.NoCampaignKey, [new Touchpoint(T0, "email")], [new Conversion(T0, 1, AttributionResult.UnattributedKey)]);

        journey.Id.Should().Be("(none)");
        journey.Conversions[0].Kind.Should().Be("(unattributed)");
    }

    [Theory]
    [InlineData("email ", "white space around it")]
    [InlineData("(unattributed)", "is the key of a built-in row")]
    [InlineData("e\u0000mail", "control character U+0000")]
    public void JourneySetBuilder_ChannelAddedThroughItsTableBreakingTheRule_FailsAtBuild(string name, string expected)
    {
        var builder = new JourneySetBuilder();
        builder.AddTouchpoint(builder.JourneyIds.GetOrAdd("j"), T0, builder.Channels.GetOrAdd(name));

        var build = () => builder.Build();

        build.Should().Throw<ArgumentException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void JourneySetBuilder_CampaignNamedNone_FailsAtBuild()
    {
        var builder = new JourneySetBuilder();
        builder.AddTouchpoint(builder.JourneyIds.GetOrAdd("j"), T0, builder.Channels.GetOrAdd("email"), builder.Campaigns.GetOrAdd("(none)"));

        var build = () => builder.Build();

        build.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Campaigns");
    }

    [Fact]
    public void JourneySetBuilder_NegativeZeroValue_IsStoredAsZero()
    {
        var builder = new JourneySetBuilder();
        builder.AddConversion(builder.JourneyIds.GetOrAdd("j"), T0, -0.0, builder.Kinds.GetOrAdd("order"));

        var value = builder.Build().GetConversion(0).Value;

        value.Should().Be(0);
        double.IsNegative(value).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(ReservedKeys))]
    public void PathSetBuilder_ChannelNamedLikeABuiltInRow_Throws(string key)
    {
        var byName = () => new PathSetBuilder().Add(["search", key], 1, 0, 0);
        var builder = new PathSetBuilder();
        builder.Add([builder.Channels.GetOrAdd(key)], 1, 0, 0);
        var byId = () => builder.Build();

        byName.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("channels");
        byId.Should().Throw<ArgumentException>().Which.Message.Should().Contain("is the key of a built-in row");
    }

    [Fact]
    public void PathSetBuilder_NamesAreTrimmed_AndNegativeZeroCountsAreZero()
    {
        var builder = new PathSetBuilder();
        builder.Add([" search ", "email"], -0.0, -0.0, 1);
        builder.Add(["search", "email\t"], 1, 2, 0);

        var paths = builder.Build();

        // One path: 0 + 1 conversions, 0 + 2 value, 1 + 0 nulls.
        paths.Channels.Should().Equal("search", "email");
        paths.Count.Should().Be(1);
        paths.GetConversions(0).Should().Be(1);
        paths.GetValue(0).Should().Be(2);
    }
}
