using System.Runtime.InteropServices;
using Attribution.Cli;

// The first Ctrl+C or SIGTERM asks the command to stop: it does at its next check, removes any file it was writing and
// exits with 130 (143 after SIGTERM). A second signal ends the process at once, as if no handler were installed.
using var cancellation = new CancellationTokenSource();
var terminated = false;
void Stop(PosixSignalContext signal)
{
    if (cancellation.IsCancellationRequested)
    {
        return;
    }

    signal.Cancel = true;
    terminated = signal.Signal == PosixSignal.SIGTERM;
    cancellation.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// Progress goes to standard error, and only when a person is watching it: redirected runs stay quiet.
var exitCode = CliApp.Run(args, Console.Out, Console.Error, stdoutIsTerminal: !Console.IsOutputRedirected, showProgress: !Console.IsErrorRedirected, cancellationToken: cancellation.Token);
return exitCode == ExitCodes.Cancelled && terminated ? ExitCodes.Terminated : exitCode;
