namespace Attribution.Cli;

/// <summary>The process exit codes of the <c>attribution</c> tool.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran.</summary>
    public const int Success = 0;

    /// <summary>An input file is missing, unreadable or malformed, or the output file cannot be written.</summary>
    public const int Data = 1;

    /// <summary>The command line is wrong: unknown command or option, bad option value, unknown model or channel name.</summary>
    public const int Usage = 2;

    /// <summary>A bug: an exception nobody expected.</summary>
    public const int Internal = 3;

    /// <summary>Ctrl+C (SIGINT) stopped the command, as shells report a process ended by SIGINT (128 + 2); after SIGTERM
    /// the process exits with 143 (128 + 15) instead.</summary>
    public const int Cancelled = 130;

    /// <summary>SIGTERM stopped the command (128 + 15).</summary>
    public const int Terminated = 143;
}
