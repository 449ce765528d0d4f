using System.Text.Json;
using System.Text.Json.Nodes;
using Attribution.DataDriven;

namespace Attribution.Tests.DataDriven;

public sealed class MarkovModelJsonTests
{
    private static MarkovModel Fitted(int order)
    {
        var builder = new PathSetBuilder();
        builder.Add(["search", "email", "search"], conversions: 3, value: 360.5, nulls: 10);
        builder.Add(["display"], conversions: 0, value: 0, nulls: 25);
        builder.Add(["display", "search", "search", "email"], conversions: 2, value: 99.25, nulls: 4);
        builder.Add(["email"], conversions: 1, value: 0.1, nulls: 7);
        return MarkovChain.Fit(builder.Build(), new MarkovOptions { Order = order });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FromJson_OfToJson_GivesIdenticalOutputs(int order)
    {
        var model = Fitted(order);

        var json = model.ToJson();
        var loaded = MarkovModel.FromJson(json);

        loaded.Name.Should().Be(model.Name);
        loaded.Order.Should().Be(order);
        loaded.Channels.Should().Equal(model.Channels);
        loaded.StateCount.Should().Be(model.StateCount);
        loaded.TotalConversions.Should().Be(model.TotalConversions);
        loaded.TotalValue.Should().Be(model.TotalValue);
        loaded.TotalNulls.Should().Be(model.TotalNulls);
        loaded.ConversionProbability.Should().Be(model.ConversionProbability);
        loaded.ExpectedValue.Should().Be(model.ExpectedValue);
        loaded.Results.Should().Equal(model.Results);
        loaded.Transitions.Should().Equal(model.Transitions);
        loaded.ToJson().Should().Be(json);
    }

    [Fact]
    public void FromJson_SavedEffects_AreUsedAsSavedNotRecomputed()
    {
        // Replace the saved effects by made-up ones: a loader that solved the chain again would return the real ones.
        var node = JsonNode.Parse(Fitted(1).ToJson())!.AsObject();
        node["removalEffects"] = new JsonArray(0.5, 0.25, 0.125);
        node["valueRemovalEffects"] = new JsonArray(0.1, 0.2, 0.3);
        node["conversionProbability"] = 0.75;
        node["expectedValue"] = 12.5;

        var loaded = MarkovModel.FromJson(node.ToJsonString());

        // Attribution follows the saved effects: 6 conversions × 0.5 / 0.875, × 0.25 / 0.875, × 0.125 / 0.875.
        loaded.Results.Select(r => r.RemovalEffect).Should().Equal(0.5, 0.25, 0.125);
        loaded.Results.Select(r => r.ValueRemovalEffect).Should().Equal(0.1, 0.2, 0.3);
        loaded.Results.Select(r => r.AttributedConversions).Should().Equal([6 * 0.5 / 0.875, 6 * 0.25 / 0.875, 6 * 0.125 / 0.875], (x, y) => Math.Abs(x - y) < 1e-12);
        loaded.ConversionProbability.Should().Be(0.75);
        loaded.ExpectedValue.Should().Be(12.5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void FromJson_FileWithoutSavedEffects_ComputesThemOnLoad(int order)
    {
        var model = Fitted(order);
        var node = JsonNode.Parse(model.ToJson())!.AsObject();
        node.Remove("removalEffects");
        node.Remove("valueRemovalEffects");
        node.Remove("conversionProbability");
        node.Remove("expectedValue");

        var loaded = MarkovModel.FromJson(node.ToJsonString());

        loaded.Results.Should().Equal(model.Results);
        loaded.ConversionProbability.Should().Be(model.ConversionProbability);
    }

    [Theory]
    [InlineData("removalEffects", "[0.5, 0.5]", "*one entry per channel (3)*")]
    [InlineData("removalEffects", "[0.5, 1.5, 0]", "'removalEffects'[1] must be from 0 to 1*")]
    [InlineData("conversionProbability", "-1", "'conversionProbability' must be from 0 to 1*")]
    public void FromJson_InvalidSavedEffects_ThrowsNamingTheProperty(string property, string value, string message)
    {
        var node = JsonNode.Parse(Fitted(1).ToJson())!.AsObject();
        node[property] = JsonNode.Parse(value);

        var act = () => MarkovModel.FromJson(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void ToJson_WritesFormatAndCamelCaseNames()
    {
        using var document = JsonDocument.Parse(Fitted(1).ToJson());

        document.RootElement.GetProperty("format").GetString().Should().Be("attribution.markov");
        document.RootElement.GetProperty("version").GetInt32().Should().Be(1);
        document.RootElement.GetProperty("channels").EnumerateArray().Select(e => e.GetString()).Should().Equal("search", "email", "display");
    }

    [Theory]
    [InlineData("null", "*null*")]
    [InlineData("""{"format":"other","version":1}""", "*format*")]
    [InlineData("""{"format":"attribution.markov","version":1,"order":1}""", "*'channels' is missing*")]
    public void FromJson_NotAMarkovModel_ThrowsJsonException(string json, string message)
    {
        var act = () => MarkovModel.FromJson(json);

        act.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void FromJson_EdgeToUnknownState_ThrowsNamingTheEdge()
    {
        var json = Fitted(1).ToJson();
        var tampered = json.Replace("\"edgeTo\":[1", "\"edgeTo\":[99", StringComparison.Ordinal);

        var act = () => MarkovModel.FromJson(tampered);

        act.Should().Throw<JsonException>().WithMessage("Edge 0 goes from state 0 to state 99*");
    }

    [Theory]
    [InlineData("(unattributed)")]
    [InlineData("(none)")]
    [InlineData(" search")]
    [InlineData("se\\u0000arch")]
    public void FromJson_ChannelBreakingTheRuleOfNames_IsAJsonException(string name)
    {
        // The saved chain's first channel is "display" (first appearance in the paths above is search, so swap by text).
        var json = Fitted(1).ToJson().Replace("\"search\"", "\"" + name + "\"", StringComparison.Ordinal);

        var load = () => MarkovModel.FromJson(json);

        load.Should().Throw<JsonException>().Which.Message.Should().Contain("'channels' holds");
    }

    [Fact]
    public void FromJson_CountsWhoseProductsOverflow_StillSolve()
    {
        // Found by the fuzz: an edge count of 1e308 is finite, but 1e308 times a value per walk above 1 is not; the
        // elimination solver scales each row by its largest count, so the chain solves to finite effects.
        var model = Fitted(1);
        using var document = JsonDocument.Parse(model.ToJson());
        var counts = document.RootElement.GetProperty("edgeCounts").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var json = model.ToJson().Replace("\"edgeCounts\":[" + counts[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture), "\"edgeCounts\":[1e308", StringComparison.Ordinal);
        json.Should().Contain("1e308");

        var loaded = MarkovModel.FromJson(json);

        Solved(loaded);
    }

    [Fact]
    public void FromJson_TinyCountCarryingAValue_StillSolves()
    {
        // Found by the fuzz: 12 of value over 4.9e-324 conversions is an infinite value per walk.
        var model = Fitted(1);
        using var document = JsonDocument.Parse(model.ToJson());
        var conversions = document.RootElement.GetProperty("conversions").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var values = document.RootElement.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var nulls = document.RootElement.GetProperty("nulls").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var state = Array.FindIndex(values, v => v > 0);
        conversions[state] = 4.9e-324;
        nulls[state] = 0;
        var json = Replace(Replace(model.ToJson(), "conversions", conversions), "nulls", nulls);

        Solved(MarkovModel.FromJson(json));
    }

    private static void Solved(MarkovModel model)
    {
        model.ConversionProbability.Should().BeInRange(0, 1);
        model.Results.Should().OnlyContain(r => r.RemovalEffect >= 0 && r.RemovalEffect <= 1 && double.IsFinite(r.ValueRemovalEffect));
    }

    private static string Replace(string json, string property, double[] numbers)
    {
        var start = json.IndexOf("\"" + property + "\":[", StringComparison.Ordinal) + property.Length + 4;
        var end = json.IndexOf(']', start);
        return json[..start] + string.Join(',', numbers.Select(n => n.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + json[end..];
    }
}
