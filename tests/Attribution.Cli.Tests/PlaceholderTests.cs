namespace Attribution.Cli.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void Assembly_References_TheCore() =>
        typeof(Attribution.Journeys.JourneySet).Assembly.GetName().Name.Should().Be("Attribution");
}
