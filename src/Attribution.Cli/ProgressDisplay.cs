using System.Diagnostics;
using System.Globalization;
using Attribution.DataDriven;
using Attribution.Engine;

namespace Attribution.Cli;

/// <summary>One self-overwriting status line on a terminal for long runs: rows read, Markov chains solved, journeys attributed.</summary>
/// <remarks>
/// Only created when standard error is a terminal, so pipes, files and CI logs stay clean. Reports arrive from the
/// reader's thread and from the engine's worker threads; a lock keeps the line whole, and a clock keeps redraws to a
/// few per second so drawing never slows the run down.
/// </remarks>
internal sealed class ProgressDisplay : IProgress<long>, IProgress<AttributionProgress>, IProgress<MarkovProgress>, IDisposable
{
    private static readonly long RedrawTicks = Stopwatch.Frequency / 5;
    private readonly TextWriter writer;
    private readonly Lock gate = new();
    private long lastDraw = long.MinValue / 2;
    private int lastWidth;
    private bool disposed;

    public ProgressDisplay(TextWriter writer, string source)
    {
        this.writer = writer;
        Source = source;
    }

    /// <summary>Gets or sets the name of what is being read, shown with the row count.</summary>
    public string Source { get; set; }

    /// <summary>Rows read so far by the event-log reader.</summary>
    public void Report(long value)
        => Draw(string.Create(CultureInfo.InvariantCulture, $"reading {Source}: {value:N0} rows"), force: false);

    /// <summary>Journeys attributed so far by one model.</summary>
    public void Report(AttributionProgress value)
        => Draw(
            string.Create(CultureInfo.InvariantCulture, $"attributing with {value.Model}: {value.JourneysDone:N0} of {value.JourneyCount:N0} journeys"),
            force: value.JourneysDone == value.JourneyCount);

    /// <summary>Steps of solving a Markov chain (thousands of campaigns take seconds to minutes).</summary>
    public void Report(MarkovProgress value)
        => Draw(
            string.Create(CultureInfo.InvariantCulture, $"fitting markov: {value.StepsDone:N0} of {value.StepCount:N0} steps"),
            force: value.StepsDone == value.StepCount);

    /// <summary>Erases the status line so results and errors start on a clean line; safe to call twice.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            // Work that reports after the display is gone (contributions re-run their models while writing) draws nothing:
            // the line would stay behind the command's last message.
            disposed = true;
            if (lastWidth > 0)
            {
                writer.Write('\r' + new string(' ', lastWidth) + '\r');
                writer.Flush();
                lastWidth = 0;
            }
        }
    }

    private void Draw(string text, bool force)
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (disposed || (!force && now - lastDraw < RedrawTicks))
            {
                return;
            }

            lastDraw = now;
            writer.Write('\r' + text.PadRight(lastWidth));
            writer.Flush();
            lastWidth = text.Length;
        }
    }
}
