using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;

namespace Attribution.Tests.Engine;

/// <summary>Results must not depend on the number of threads, down to the last bit.</summary>
public sealed class DeterminismTests
{
    // 40 000 journeys make three partitions of at most 16 384: enough for partitions to run on different threads.
    private static readonly Lazy<JourneySet> Large = new(() => JourneySet.Create(DeterministicJourneys.Generate(40_000, seed: 2026)));

    public static TheoryData<string> ModelNames => new(AttributionModels.RuleBasedNames);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Run_AnyDegreeOfParallelism_IdenticalBits(string name)
    {
        var set = Large.Value;
        set.Count.Should().BeGreaterThan(2 * 16_384);
        var model = AttributionModels.Create(name);

        var results = new[] { 1, 2, 4, -1 }
            .Select(degree => new AttributionEngine(new AttributionOptions
            {
                MaxDegreeOfParallelism = degree,
                Lookback = TimeSpan.FromDays(30),
                ExcludedChannels = ["direct"],
                Stages = ["conversion"],
            }).Run(set, model))
            .ToArray();

        var baseline = Fingerprint(results[0]);
        baseline.Should().Contain(b => b != 0, "a run that credits nothing would make this test vacuous");
        foreach (var result in results[1..])
        {
            Fingerprint(result).Should().Equal(baseline);
        }
    }

    [Fact]
    public void Run_TouchpointCredits_IdenticalForAnyDegreeOfParallelism()
    {
        var set = Large.Value;
        IReadOnlyList<TouchpointCredit> Credits(int degree)
            => new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = degree, IncludeTouchpointCredits = true })
                .Run(set, AttributionModels.TimeDecay()).Touchpoints;

        var sequential = Credits(1);

        sequential.Should().NotBeEmpty();
        sequential.Select(c => c.Journey).Should().BeInAscendingOrder();
        Credits(4).Should().Equal(sequential);
        Credits(-1).Should().Equal(sequential);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Run_ModelReturningABadWeight_ThrowsTheSameExceptionOnAnyNumberOfThreads(int degree)
    {
        // The documented InvalidOperationException, not an AggregateException from the parallel loop.
        var broken = AttributionModels.Custom("broken", a => a.Channel == "email" ? -1 : 1);
        var engine = new AttributionEngine(new AttributionOptions { MaxDegreeOfParallelism = degree });

        // Caught by hand: FluentAssertions' Throw<T> looks inside an AggregateException and would hide the difference.
        Exception? thrown = null;
        try
        {
            engine.Run(Large.Value, broken);
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }
        catch (AggregateException e)
        {
            thrown = e;
        }

        thrown.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("'broken'");
    }

    /// <summary>Every number of a result as raw bits, so that even −0 versus 0 or a last-bit difference shows.</summary>
    private static long[] Fingerprint(AttributionResult result)
        => [
            .. result.ByChannel.SelectMany(c => new[] { c.Conversions, c.Value }).Select(BitConverter.DoubleToInt64Bits),
            .. result.ByCampaign.SelectMany(c => new[] { c.Conversions, c.Value }).Select(BitConverter.DoubleToInt64Bits),
            BitConverter.DoubleToInt64Bits(result.TotalValue),
            BitConverter.DoubleToInt64Bits(result.UnattributedValue),
            result.UnattributedConversions,
        ];
}
