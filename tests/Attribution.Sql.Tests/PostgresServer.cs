using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Attribution.Sql.Tests;

/// <summary>A throwaway PostgreSQL cluster for the tests: initdb into a temporary directory, a server on a free port that
/// listens on a Unix socket in that directory only, stopped and deleted when the tests end. As root, the server runs as
/// the <c>postgres</c> (or <c>nobody</c>) user, since PostgreSQL refuses to run as root.</summary>
/// <remarks>ATTRIBUTION_POSTGRES, when set, is a connection string to use instead. Without the server binaries the tests
/// skip, unless ATTRIBUTION_REQUIRE_POSTGRES=1 (set by .ci/run), where they fail.</remarks>
public sealed class PostgresServer : IDisposable
{
    private readonly string? directory;
    private readonly string? bin;
    private readonly string? runAs;

    public PostgresServer()
    {
        var given = Environment.GetEnvironmentVariable("ATTRIBUTION_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            Unavailable = "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin";
            return;
        }

        try
        {
            directory = Directory.CreateTempSubdirectory("attribution-pg-").FullName;
            if (Environment.UserName == "root")
            {
                runAs = UserExists("postgres") ? "postgres" : "nobody";
                Run("chown", $"{runAs} {directory}", asUser: false);
            }

            var data = Path.Combine(directory, "data");
            var port = FreePort();
            Run(Path.Combine(bin, "initdb"), $"-D {data} -A trust -U attribution --no-sync -E UTF8 --locale=C", asUser: true);
            Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(directory, "log.txt")} -w -t 60 -o \"-p {port} -k {directory} -c listen_addresses='' -c fsync=off\" start", asUser: true);
            ConnectionString = $"Host={directory};Port={port};Username=attribution;Database=postgres;Pooling=false";
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            // Reported by Open, so that each test skips (or, in CI, fails) with the reason instead of the fixture crashing.
            Unavailable = e.Message;
        }
    }

    /// <summary>Gets the connection string, or null when no server could be started.</summary>
    public string? ConnectionString { get; }

    /// <summary>Gets why no server is available, or null.</summary>
    public string? Unavailable { get; }

    /// <summary>Opens a connection; skips the test (or fails it in CI) when there is no server.</summary>
    public NpgsqlConnection Open()
    {
        if (ConnectionString is null)
        {
            var message = "PostgreSQL is not available: " + Unavailable;
            if (Environment.GetEnvironmentVariable("ATTRIBUTION_REQUIRE_POSTGRES") == "1")
            {
                throw new InvalidOperationException(message + " (ATTRIBUTION_REQUIRE_POSTGRES=1: CI insists on the server)");
            }

            Assert.Skip(message);
        }

        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            if (bin is not null && Directory.Exists(Path.Combine(directory, "data")))
            {
                Run(Path.Combine(bin, "pg_ctl"), $"-D {Path.Combine(directory, "data")} -m immediate -w stop", asUser: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The server never started; there is nothing to stop.
        }

        Directory.Delete(directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool UserExists(string user) => File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));

    private void Run(string program, string arguments, bool asUser)
    {
        var start = asUser && runAs is not null
            ? new ProcessStartInfo("runuser", $"-u {runAs} -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = directory ?? "/";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = directory is null ? "" : Path.Combine(directory, "log.txt");
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Trim()} {output.Result.Trim()} {(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}
