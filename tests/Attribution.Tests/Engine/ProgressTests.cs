using Attribution.Engine;
using Attribution.Journeys;
using Attribution.Models;
using FluentAssertions;
using Xunit;

namespace Attribution.Tests.Engine;

public sealed class ProgressTests
{
    // Collects reports on the reporting thread itself; Progress<T> would post them to the thread pool, out of order.
    private sealed class Recorder : IProgress<AttributionProgress>
    {
        public List<AttributionProgress> Reports { get; } = [];

        public void Report(AttributionProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Reports_every_block_once_and_end_at_the_journey_count(int threads)
    {
        // 40,000 journeys → ceil(40000 / 16384) = 3 blocks of 13,333 / 13,333 / 13,334 journeys.
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var builder = new JourneySetBuilder();
        var channel = builder.Channels.GetOrAdd("email");
        var kind = builder.Kinds.GetOrAdd("order");
        for (var j = 0; j < 40_000; j++)
        {
            var id = builder.JourneyIds.GetOrAdd($"j{j}");
            builder.AddTouchpoint(id, t0, channel);
            builder.AddConversion(id, t0.AddDays(1), 1, kind);
        }

        var recorder = new Recorder();
        var engine = new AttributionEngine(new AttributionOptions { Progress = recorder, MaxDegreeOfParallelism = threads });
        var result = engine.Run(builder.Build(), AttributionModels.Linear);

        recorder.Reports.Should().HaveCount(3);
        recorder.Reports.Select(r => r.JourneysDone).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        recorder.Reports.Should().OnlyContain(r => r.Model == "linear" && r.JourneyCount == 40_000);
        recorder.Reports.Max(r => r.JourneysDone).Should().Be(40_000);
        result.CreditedConversions.Should().Be(40_000);
    }
}

public sealed class ResultImmutabilityTests
{
    [Fact]
    public void Result_lists_cannot_be_changed_through_a_cast()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var journey = new Journey("j", [new Touchpoint(t0, "email", "spring")], [new Conversion(t0.AddDays(1), 10)]);
        var result = new AttributionEngine(new AttributionOptions { IncludeTouchpointCredits = true })
            .Run(JourneySet.Create([journey]), AttributionModels.Linear);

        ((Action)(() => ((IList<Attribution.Reports.CreditTotal>)result.ByChannel)[0] = default)).Should().Throw<NotSupportedException>();
        ((Action)(() => ((IList<Attribution.Reports.CreditTotal>)result.ByCampaign).Clear())).Should().Throw<NotSupportedException>();
        ((Action)(() => ((IList<Attribution.Reports.TouchpointCredit>)result.Touchpoints).Clear())).Should().Throw<NotSupportedException>();
        result.ByChannel.Should().ContainSingle().Which.Value.Should().Be(10);
    }
}
