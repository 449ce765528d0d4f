using System.Text;
using Attribution.Engine;
using Attribution.IO;
using Attribution.Models;

namespace Attribution.IO.Tests.Config;

public sealed class AttributionConfigTests
{
    private static AttributionConfig Load(string json)
        => AttributionConfig.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "team.json");

    [Fact]
    public void Load_FullExample_GivesEveryOptionAndModel()
    {
        var config = Load("""
            {
              // Reviewed by the growth team.
              "lookback": "60d",
              "lookbackByKind": { "order": "365d", "lead": "12h" },
              "reset": "any",
              "exclude": ["direct"],
              "stages": ["lead", "opportunity", "order"],
              "period": { "from": "2026-01-01", "to": "2026-04-01T00:00:00+02:00" },
              "conversions": ["order"],
              "models": [
                { "name": "early", "model": "u-shaped", "positions": [0.5, 0.3, 0.2] },
                { "name": "late", "model": "time-decay", "halfLife": "3d" },
                { "model": "custom", "channelWeights": { "email": 2, "display": 0.5 } },
                { "model": "milestones", "milestoneWeights": { "first": 0.4, "lead": 0.5, "rest": 0.1 } },
                { "name": "chain", "model": "markov", "order": 2 },
                { "model": "Position-Based" },
              ],
            }
            """);

        config.Options.Lookback.Should().Be(TimeSpan.FromDays(60));
        config.Options.LookbackByKind.Should().BeEquivalentTo(new Dictionary<string, TimeSpan> { ["order"] = TimeSpan.FromDays(365), ["lead"] = TimeSpan.FromHours(12) });
        config.Options.Reset.Should().Be(ResetRule.Any);
        config.Options.ExcludedChannels.Should().Equal("direct");
        config.Options.Stages.Should().Equal("lead", "opportunity", "order");
        // A date alone is midnight UTC; 00:00 at +02:00 is 22:00 UTC the day before.
        config.Options.Period.Should().Be(new ReportingPeriod(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero)));
        config.Conversions.Should().Equal("order");
        config.Models.Select(m => (m.Name, m.Model)).Should().Equal(
            ("early", "u-shaped"), ("late", "time-decay"), ("channel-weights", "channel-weights"), ("milestones", "milestones"), ("chain", "markov"), ("u-shaped", "u-shaped"));
        config.Models[0].Settings.UShaped.Should().Be(new UShapedModelOptions { First = 0.5, Middle = 0.3, Last = 0.2 });
        config.Models[1].Settings.TimeDecay.HalfLife.Should().Be(TimeSpan.FromDays(3));
        config.Models[2].Settings.ChannelWeights.Weights.Should().BeEquivalentTo(new Dictionary<string, double> { ["email"] = 2, ["display"] = 0.5 });
        config.Models[3].Settings.Milestones.First.Should().Be(0.4);
        config.Models[3].Settings.Milestones.Rest.Should().Be(0.1);
        config.Models[3].Settings.Milestones.Stages.Should().BeEquivalentTo(new Dictionary<string, double> { ["lead"] = 0.5 });
        config.Models[4].Settings.Markov.Order.Should().Be(2);
        config.Models[4].IsDataDriven.Should().BeTrue();
        config.Models[0].Create().Name.Should().Be("early");
    }

    [Fact]
    public void Load_EmptyObject_GivesTheDefaults()
    {
        var config = Load("{}");

        config.Options.Should().Be(new AttributionOptions());
        config.Conversions.Should().BeNull();
        config.Models.Should().BeEmpty();
    }

    [Fact]
    public void Load_PresetWithPositions_IsAUShapedModelUnderItsName()
    {
        // j-shaped with its own positions 0.1/0.1/0.8 over three touches: 0.1, 0.1, 0.8 (not the preset's 0.2, 0.2, 0.6).
        var model = Load("""{ "models": [ { "name": "steep", "model": "j-shaped", "positions": [0.1, 0.1, 0.8] } ] }""").Models[0];

        model.Model.Should().Be("u-shaped");
        model.Settings.UShaped.Should().Be(new UShapedModelOptions { First = 0.1, Middle = 0.1, Last = 0.8 });
    }

    [Theory]
    [InlineData("""{ "lookbak": "90d" }""", "team.json:1: $.lookbak: unknown property 'lookbak' (did you mean 'lookback'?)*")]
    [InlineData("{\n  \"models\": [\n    { \"model\": \"linear\" },\n    { \"model\": \"linear\", \"halflife\": \"3d\" }\n  ]\n}", "team.json:4: $.models[1].halflife: unknown property 'halflife' (did you mean 'halfLife'?)*")]
    [InlineData("""{ "period": { "form": "2026-01-01" } }""", "*$.period.form: unknown property 'form' (did you mean 'from'?)*")]
    public void Load_UnknownProperty_IsAnErrorNamingItsPath(string json, string expected)
    {
        var act = () => Load(json);

        act.Should().Throw<AttributionDataException>().WithMessage(expected);
    }

    [Fact]
    public void Load_ModelNameTypo_NamesThePathAndSuggestsTheModel()
    {
        var act = () => Load("{\n  \"models\": [\n    { \"model\": \"linear\" },\n    { \"name\": \"early\", \"model\": \"u-shapd\" }\n  ]\n}");

        // The error is on line 4, where models[1] begins.
        act.Should().Throw<AttributionDataException>()
            .WithMessage("team.json:4: $.models[1].model: unknown model 'u-shapd' (did you mean 'u-shaped'?); known models: first-touch, *")
            .Which.Line.Should().Be(4);
    }

    [Theory]
    [InlineData("""{ "lookback": "90x" }""", "*$.lookback: '90x' is not a duration; use a number followed by s, m, h or d*")]
    [InlineData("""{ "lookback": "-1d" }""", "*$.lookback: '-1d' must be longer than zero.")]
    [InlineData("""{ "lookbackByKind": { "order": "0d" } }""", "*$.lookbackByKind.order: '0d' must be longer than zero.")]
    [InlineData("""{ "lookback": 90 }""", "*$.lookback: the value has the wrong type*")]
    [InlineData("""{ "reset": "same_kind" }""", "*$.reset: unknown reset 'same_kind' (did you mean 'same-kind'?)*")]
    [InlineData("""{ "stages": ["lead", "lead"] }""", "*$.stages[1]: 'lead' is listed twice*")]
    [InlineData("""{ "period": { "from": "2026-04-01", "to": "2026-01-01" } }""", "*$.period.to: '2026-01-01' is not after from '2026-04-01'*")]
    [InlineData("""{ "period": { "from": "01/04/2026" } }""", "*$.period.from: '01/04/2026' is no date*")]
    [InlineData("""{ "models": [ { "model": "u-shaped", "positions": [0.5, 0.3] } ] }""", "*$.models[0].positions: 2 numbers; give three*")]
    [InlineData("""{ "models": [ { "model": "u-shaped", "positions": [0.5, 0.3, 0.3] } ] }""", "*$.models[0].positions: the shares add up to 1.1*")]
    [InlineData("""{ "models": [ { "model": "u-shaped", "positions": [0.5, -0.3, 0.8] } ] }""", "*$.models[0].positions[1]: -0.3 is negative*")]
    [InlineData("""{ "models": [ { "model": "linear", "halfLife": "3d" } ] }""", "*$.models[0].halfLife: applies to time-decay, not linear*")]
    [InlineData("""{ "models": [ { "model": "markov", "order": 0 } ] }""", "*$.models[0].order: 0 is no Markov order*")]
    [InlineData("""{ "models": [ { "model": "custom", "channelWeights": { "email": -2 } } ] }""", "*$.models[0].channelWeights.email: -2 is negative*")]
    [InlineData("""{ "models": [ { "name": "a", "model": "linear" }, { "name": "a", "model": "first-touch" } ] }""", "*$.models[1].name: 'a' is the name of an earlier model*")]
    [InlineData("""{ "models": [ { "name": "a" } ] }""", "*$.models[0].model: missing*")]
    [InlineData("""{ "stages": ["lead", "order"], "models": [ { "model": "milestones", "milestoneWeights": { "led": 0.3 } } ] }""", "*$.models[0].milestoneWeights.led: 'led' is neither first, rest nor a stage (did you mean 'lead'?); the keys are first, lead, order, rest.")]
    [InlineData("""[]""", "*$: the value has the wrong type*")]
    [InlineData("""{ "lookback": """, "team.json:1: *")]
    public void Load_BadValue_IsAnErrorNamingItsPath(string json, string expected)
    {
        var act = () => Load(json);

        act.Should().Throw<AttributionDataException>().WithMessage(expected);
    }

    [Fact]
    public void Load_File_ReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"attribution-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "models": [ { "name": "late", "model": "time-decay", "halfLife": "36h" } ] }""");
        try
        {
            AttributionConfig.Load(path).Models.Single().Settings.TimeDecay.HalfLife.Should().Be(TimeSpan.FromHours(36));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
