using Attribution.Engine;

namespace Attribution.Cli;

/// <summary>Stops a read or an engine run when the user asks to, through the progress reports both make as they go.</summary>
/// <remarks>The event-log reader reports every 100,000 rows and the engine after each partition of journeys; throwing
/// <see cref="OperationCanceledException"/> from a report ends the work there (the engine rethrows a partition's
/// exception as itself). Reports are passed on to the terminal's progress line when there is one.</remarks>
internal sealed class CancellationCheck(ProgressDisplay? display, CancellationToken cancellation) : IProgress<long>, IProgress<AttributionProgress>
{
    public void Report(long value)
    {
        cancellation.ThrowIfCancellationRequested();
        display?.Report(value);
    }

    public void Report(AttributionProgress value)
    {
        cancellation.ThrowIfCancellationRequested();
        display?.Report(value);
    }
}
