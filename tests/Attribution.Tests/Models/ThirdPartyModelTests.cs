using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using static Attribution.Tests.Fixtures;

namespace Attribution.Tests.Models;

/// <summary>What a third-party model author needs: construct <see cref="EligibleTouchpoints"/> in a unit test, and
/// resolve names once per run in <see cref="IAttributionModel.Bind"/>.</summary>
public sealed class ThirdPartyModelTests
{
    /// <summary>Weighs a touch by the length of its channel's name, resolved once per run.</summary>
    private sealed class NameLengthModel : IAttributionModel
    {
        private readonly double[]? byId;

        public NameLengthModel(double[]? byId = null) => this.byId = byId;

        public int Binds { get; private set; }

        public List<NameLengthModel> Bound { get; } = [];

        public int Calls { get; private set; }

        public string Name => "name-length";

        public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
        {
            Calls++;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = byId is null ? touchpoints.ChannelNames[touchpoints.Channels[i]].Length : byId[touchpoints.Channels[i]];
            }
        }

        public IAttributionModel Bind(ModelBindingArguments arguments)
        {
            Binds++;
            var bound = new NameLengthModel([.. arguments.ChannelNames.Select(n => (double)n.Length)]);
            Bound.Add(bound);
            return bound;
        }
    }

    [Fact]
    public void ComputeWeights_OnTouchpointsBuiltInATest_WritesTheModelsWeights()
    {
        string[] channels = ["search", "email"];
        var touches = new EligibleTouchpoints([Day(-2).UtcTicks, Day(-1).UtcTicks], [0, 1], [-1, -1], Day(0).UtcTicks, 100, channels, []);
        Span<double> weights = stackalloc double[2];

        new NameLengthModel().ComputeWeights(touches, weights);

        // "search" has 6 letters, "email" 5.
        weights.ToArray().Should().Equal(6, 5);
        touches.Count.Should().Be(2);
        touches.ConversionValue.Should().Be(100);
    }

    [Fact]
    public void EligibleTouchpoints_InconsistentInput_ThrowsNamingTheProblem()
    {
        string[] channels = ["search"];
        FluentActions.Invoking(() => Count(new EligibleTouchpoints([1, 2], [0], [-1], 3, 1, channels, []))).Should().Throw<ArgumentException>().WithMessage("*2 instants, 1 channels*");
        FluentActions.Invoking(() => Count(new EligibleTouchpoints([], [], [], 3, 1, channels, []))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Count(new EligibleTouchpoints([1], [1], [-1], 3, 1, channels, []))).Should().Throw<ArgumentException>().WithMessage("*Channel id 1*");
        FluentActions.Invoking(() => Count(new EligibleTouchpoints([1], [0], [0], 3, 1, channels, []))).Should().Throw<ArgumentException>().WithMessage("*Campaign id 0*");
        FluentActions.Invoking(() => Count(new EligibleTouchpoints([1], [0], [-1], 3, 1, null!, []))).Should().Throw<ArgumentNullException>();
    }

    private static int Count(in EligibleTouchpoints touches) => touches.Count;

    [Fact]
    public void Run_BindsOncePerRunAndWeighsWithTheBoundModel()
    {
        // 40,000 journeys run as three partitions, possibly in parallel: still one Bind, and only the bound copy is asked for weights.
        var journeys = Enumerable.Range(0, 40_000).Select(j => JourneyOf("j" + j, [Touch(-2, "search"), Touch(-1, "email")], Conv(0, 11))).ToArray();
        var model = new NameLengthModel();

        var result = new AttributionEngine().Run(JourneySet.Create(journeys), model);

        model.Binds.Should().Be(1);
        model.Calls.Should().Be(0);
        model.Bound.Should().ContainSingle().Which.Calls.Should().BeGreaterThan(0);

        // search 6 / 11 and email 5 / 11 of each conversion worth 11: 6 and 5 per journey.
        result.ByChannel.Select(c => (c.Key, c.Value)).Should().Equal(("search", 6.0 * 40_000), ("email", 5.0 * 40_000));
    }
}
