using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Engine;

public sealed class AttributionEngineTests
{
    /// <summary>Three journeys worked by hand below.</summary>
    private static readonly Journey[] Sample =
    [
        // ann: search/spring(−3), email(−2), search/brand(−1) → order 90 at 0.
        JourneyOf("ann", [Touch(-3, "search", "spring"), Touch(-2, "email"), Touch(-1, "search", "brand")], Conv(0, 90)),

        // bob: email(−5) → 30 at −4; display/spring(−1) → 60 at 0.
        JourneyOf("bob", [Touch(-5, "email"), Touch(-1, "display", "spring")], Conv(-4, 30), Conv(0, 60)),

        // cid: converts with nothing before it: unattributed 15.
        new Journey("cid", [Touch(1, "email")], [Conv(0, 15)]),
    ];

    [Fact]
    public void Run_Linear_TotalsPerChannelAndCampaign()
    {
        // ann: ⅓ each of 90 → search ⅔ (60), email ⅓ (30); campaigns spring ⅓ (30), (none) ⅓ (30), brand ⅓ (30).
        // bob: email 1 (30); display 1 (60), campaign spring 1 (60).
        // cid: 15 unattributed; its email touch comes after the conversion and earns nothing.
        // Channels in order of first appearance: search, email, display.
        var result = new AttributionEngine().Run(JourneySet.Create(Sample), AttributionModels.Linear);

        result.Model.Should().Be("linear");
        result.ByChannel.Select(c => c.Key).Should().Equal("search", "email", "display");
        result.Channel("search").Conversions.Should().BeApproximately(2.0 / 3, 1e-15);
        result.Channel("search").Value.Should().BeApproximately(60, 1e-12);
        result.Channel("email").Conversions.Should().BeApproximately(4.0 / 3, 1e-15);
        result.Channel("email").Value.Should().BeApproximately(60, 1e-12);
        result.Channel("display").Should().Be(new CreditTotal("display", 1, 60));

        result.ByCampaign.Select(c => c.Key).Should().Equal("spring", "brand", AttributionResult.NoCampaignKey);
        result.Campaign("spring").Conversions.Should().BeApproximately(4.0 / 3, 1e-15);
        result.Campaign("spring").Value.Should().BeApproximately(90, 1e-12);
        result.Campaign("brand").Value.Should().BeApproximately(30, 1e-12);
        result.Campaign("(none)").Conversions.Should().BeApproximately(4.0 / 3, 1e-15);
        result.Campaign("(none)").Value.Should().BeApproximately(60, 1e-12);

        result.ConversionCount.Should().Be(4);
        result.TotalValue.Should().Be(195);
        result.CreditedConversions.Should().BeApproximately(3, 1e-12);
        result.CreditedValue.Should().BeApproximately(180, 1e-12);
        result.UnattributedConversions.Should().Be(1);
        result.UnattributedValue.Should().Be(15);
        result.Touchpoints.Should().BeEmpty();
    }

    [Fact]
    public void Run_EmptySet_EmptyResult()
    {
        var set = new JourneySetBuilder().Build();

        var result = new AttributionEngine().Run(set, AttributionModels.Linear);

        set.Count.Should().Be(0);
        result.ByChannel.Should().BeEmpty();
        result.ByCampaign.Should().BeEmpty();
        (result.ConversionCount, result.TotalValue, result.CreditedValue, result.UnattributedConversions).Should().Be((0, 0.0, 0.0, 0));
    }

    [Fact]
    public void Run_EveryTouchHasACampaign_NoNoneRow()
    {
        var result = Run(AttributionModels.Linear, null, JourneyOf("j", [Touch(-1, "a", "c1")], Conv(0)));

        result.ByCampaign.Should().Equal(new CreditTotal("c1", 1, 1));
    }

    [Fact]
    public void Run_NoCampaignsAtAll_OneNoneRow()
    {
        var result = Run(AttributionModels.Linear, null, JourneyOf("j", [Touch(-1, "a")], Conv(0, 3)));

        result.ByCampaign.Should().Equal(new CreditTotal("(none)", 1, 3));
    }

    [Fact]
    public void Run_IncludeTouchpointCredits_ListsEveryShareWithGlobalIndices()
    {
        // Global touch indices: ann 0 search, 1 email, 2 search; bob 3 email, 4 display; cid 5 email.
        // Conversions: ann 0 (90); bob 1 (30), 2 (60); cid 3 (15).
        var set = JourneySet.Create(Sample);
        var result = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true }).Run(set, AttributionModels.UShaped());

        // u-shaped over ann's three touches: 0.4, 0.2, 0.4 of 90 → 36, 18, 36.
        result.Touchpoints.Select(t => (t.Journey, t.Touchpoint, t.Conversion)).Should().Equal((0, 0, 0), (0, 1, 0), (0, 2, 0), (1, 3, 1), (1, 4, 2));
        result.Touchpoints.Select(t => t.Value).Should().Equal([36, 18, 36, 30, 60], (a, e) => Math.Abs(a - e) < 1e-12);
        result.Touchpoints.GroupBy(t => t.Conversion)
            .Should().AllSatisfy(g => g.Sum(t => t.Value).Should().BeApproximately(set.GetConversion(g.Key).Value, 1e-9));
        set.GetTouchpoint(result.Touchpoints[4].Touchpoint).Channel.Should().Be("display");
    }

    [Fact]
    public void Run_SeveralModels_SideBySideInTheGivenOrder()
    {
        var models = new[] { AttributionModels.LastTouch, AttributionModels.FirstTouch, AttributionModels.Linear };

        var report = new AttributionEngine().Run(Sample, models);

        report.Results.Select(r => r.Model).Should().Equal("last-touch", "first-touch", "linear");
        report.Journeys.Count.Should().Be(3);

        // ann's 90: first-touch → search, last-touch → search (both ends are search). bob: email 30, display 60.
        report["first-touch"].Channel("search").Value.Should().Be(90);
        report["last-touch"].Channel("search").Value.Should().Be(90);
        report["last-touch"].Channel("email").Value.Should().Be(30);
        report["linear"].Channel("email").Value.Should().BeApproximately(60, 1e-12);
        report.Results.Should().AllSatisfy(r => r.UnattributedValue.Should().Be(15));
    }

    [Fact]
    public void Run_SeveralModels_SameNumbersAsOneByOne()
    {
        var set = JourneySet.Create(Sample);
        var engine = new AttributionEngine();

        var report = engine.Run(set, [AttributionModels.TimeDecay(), AttributionModels.UShaped()]);

        report["time-decay"].ByChannel.Should().Equal(engine.Run(set, AttributionModels.TimeDecay()).ByChannel);
        report["u-shaped"].ByCampaign.Should().Equal(engine.Run(set, AttributionModels.UShaped()).ByCampaign);
    }

    [Fact]
    public void Run_ModelsWithTheSameName_Throw()
    {
        var act = () => new AttributionEngine().Run(Sample, [AttributionModels.Linear, AttributionModels.Custom("linear", _ => 1)]);

        act.Should().Throw<ArgumentException>().WithMessage("*'linear'*").Which.ParamName.Should().Be("models");
    }

    [Fact]
    public void Run_NoModel_Throws()
    {
        var act = () => new AttributionEngine().Run(Sample, []);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("models");
    }

    [Fact]
    public void Run_NullModelInTheList_ThrowsNamingModels()
    {
        var act = () => new AttributionEngine().Run(JourneySet.Create(Sample), [AttributionModels.Linear, null!]);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("models");
    }

    [Fact]
    public void Report_UnknownModel_ThrowsListingTheKnownOnes()
    {
        var report = new AttributionEngine().Run(Sample, [AttributionModels.Linear]);

        report.Invoking(r => r["markov"]).Should().Throw<KeyNotFoundException>().WithMessage("*'markov'*linear*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Options_BadMaxDegreeOfParallelism_ThrowsNamingIt(int degree)
    {
        var act = () => new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = degree });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("MaxDegreeOfParallelism");
    }

    [Fact]
    public void Options_NullExcludedChannels_ThrowsNamingIt()
    {
        var act = () => new AttributionEngine(new AttributionOptions { ExcludedChannels = null! });

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("ExcludedChannels");
    }

    [Fact]
    public void Engine_KeepsItsOptions()
    {
        var options = new AttributionOptions { Lookback = TimeSpan.FromDays(3) };

        new AttributionEngine(options).Options.Should().BeSameAs(options);
        new AttributionEngine().Options.Should().Be(new AttributionOptions());
    }

    [Fact]
    public void Attribute_ObjectApi_CreditsInConversionThenTouchOrder()
    {
        var result = new AttributionEngine().Attribute(Sample[1], AttributionModels.Linear);

        result.Journey.Should().BeSameAs(Sample[1]);
        result.Credits.Should().Equal(
            new Credit(Touch(-5, "email"), Conv(-4, 30), 1, 30),
            new Credit(Touch(-1, "display", "spring"), Conv(0, 60), 1, 60));
        result.Unattributed.Should().BeEmpty();
    }

    [Fact]
    public void Attribute_ObjectApiKeepsTheCallersOffsets()
    {
        // The columnar set stores UTC; the object API hands back the caller's own touchpoint, offset and all.
        var local = new Touchpoint(new DateTimeOffset(2026, 3, 9, 14, 0, 0, TimeSpan.FromHours(2)), "email");

        var credit = AttributionModels.Linear.Attribute(new Journey("j", [local], [Conv(0)])).Credits.Single();

        credit.Touchpoint.Instant.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    public static TheoryData<string> ModelNames => new(AttributionModels.RuleBasedNames);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Attribute_ObjectApi_SameNumbersAsTheColumnarPath(string name)
    {
        var model = name == "custom"
            ? AttributionModels.ChannelWeights(new ChannelWeightsModelOptions { Weights = new Dictionary<string, double> { ["email"] = 0, ["search"] = 3 } })
            : AttributionModels.Create(name);
        // One stage, the data's one kind, so the milestone models run too.
        var options = new AttributionOptions { Lookback = TimeSpan.FromDays(20), ExcludedChannels = ["direct"], Stages = ["conversion"] };
        var journeys = DeterministicJourneys.Generate(300, seed: 11);

        var columnar = new AttributionEngine(options).Run(JourneySet.Create(journeys), model);

        // Add the object API's credits in the engine's order (journey, conversion, touch), so the sums match bit for bit.
        var conversions = new Dictionary<string, double>();
        var values = new Dictionary<string, double>();
        var unattributed = 0;
        foreach (var journey in journeys)
        {
            var attribution = model.Attribute(journey, options);
            unattributed += attribution.Unattributed.Count;
            foreach (var credit in attribution.Credits)
            {
                conversions[credit.Touchpoint.Channel] = conversions.GetValueOrDefault(credit.Touchpoint.Channel) + credit.Share;
                values[credit.Touchpoint.Channel] = values.GetValueOrDefault(credit.Touchpoint.Channel) + credit.Value;
            }
        }

        columnar.UnattributedConversions.Should().Be(unattributed);
        foreach (var total in columnar.ByChannel)
        {
            total.Conversions.Should().Be(conversions.GetValueOrDefault(total.Key), total.Key);
            total.Value.Should().Be(values.GetValueOrDefault(total.Key), total.Key);
        }
    }
}
