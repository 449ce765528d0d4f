namespace Attribution.Cli;

/// <summary>A mistake the user can fix; the CLI prints <see cref="Exception.Message"/> as one line and exits with <see cref="ExitCode"/>.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : this(message, ExitCodes.Usage)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Data;
    }

    public CliException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.Usage;

    /// <summary>Creates an error about the command line (exit code 2).</summary>
    public static CliException Usage(string message) => new(message, ExitCodes.Usage);

    /// <summary>Creates an error about input data or files (exit code 1).</summary>
    public static CliException BadData(string message) => new(message, ExitCodes.Data);
}
