using System.Globalization;
using System.Text;

namespace Attribution.IO;

/// <summary>A file that appears whole or not at all: written to a temporary file beside the target and renamed over the
/// target only by <see cref="Commit"/>.</summary>
/// <remarks>
/// <para>Until <see cref="Commit"/> the target keeps its previous content (or stays absent). Disposing without committing
/// — after an exception, a full disk or a cancellation — deletes the temporary file, so nothing is left behind; only a
/// process killed outright (<c>kill -9</c>, power loss) can leave a temporary file, named <c>.NAME.PROCESS-N.tmp</c> beside
/// the target, and even then the target itself is whole.</para>
/// <para>The temporary file is flushed to disk before the rename, which is atomic on one file system. When the target
/// is a symbolic link, the file it points to is replaced and the link kept. A new file takes the permissions of the file
/// it replaces. Device files (paths under <c>/dev/</c> or <c>/proc/</c> on Unix, such as <c>/dev/null</c> or
/// <c>/dev/stdout</c>) cannot be renamed over and are written directly.</para>
/// <para>With a cancellation token, every write to <see cref="Stream"/> and the commit throw
/// <see cref="OperationCanceledException"/> once cancellation is requested.</para>
/// </remarks>
/// <example>
/// <code>
/// using (var file = AtomicFile.Create("report.csv"))
/// {
///     using var writer = new StreamWriter(file.Stream);
///     writer.Write("model,channel,conversions,value\n");
///     writer.Flush();
///     file.Commit();
/// }
/// </code>
/// </example>
public sealed class AtomicFile : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static int counter;

    private readonly string? temporaryPath;
    private readonly FileStream file;
    private readonly CancellationToken cancellationToken;
    private bool committed;
    private bool disposed;

    private AtomicFile(string path, string? temporaryPath, FileStream file, CancellationToken cancellationToken)
    {
        Path = path;
        this.temporaryPath = temporaryPath;
        this.file = file;
        this.cancellationToken = cancellationToken;
        Stream = new GuardedStream(file, cancellationToken);
    }

    /// <summary>Gets the full path of the file that <see cref="Commit"/> replaces (a symbolic link's final target).</summary>
    public string Path { get; }

    /// <summary>Gets the stream to write the content to: forward only, and owned by this file (closing it is not needed).</summary>
    public Stream Stream { get; }

    /// <summary>Creates the temporary file beside <paramref name="path"/>; the target is not touched yet.</summary>
    /// <param name="path">The file to write, absolute or relative to the current directory.</param>
    /// <param name="cancellationToken">Cancels the writes and the commit.</param>
    /// <returns>The open file; dispose it (after <see cref="Commit"/>, or to discard the content).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or blank.</exception>
    /// <exception cref="IOException"><paramref name="path"/> is a directory, its directory does not exist, or the
    /// temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static AtomicFile Create(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        var target = Target(path);
        if (Directory.Exists(target))
        {
            throw new IOException($"'{path}' is a directory, not a file.");
        }

        if (IsDevice(target))
        {
            return new AtomicFile(target, null, new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), cancellationToken);
        }

        var directory = System.IO.Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The directory '{directory}' does not exist.");
        }

        // Named after the process and a counter, not a random number: unique among running writers, and a file left by
        // a killed process that had the same id is stepped over.
        string temporary;
        FileStream stream;
        for (var attempt = 0; ; attempt++)
        {
            temporary = System.IO.Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{System.IO.Path.GetFileName(target)}.{Environment.ProcessId}-{Interlocked.Increment(ref counter)}.tmp"));
            try
            {
                stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                break;
            }
            catch (IOException) when (attempt < 100 && File.Exists(temporary))
            {
            }
        }

        try
        {
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Keeping the old permissions is a courtesy; the default ones are not a reason to fail the write.
        }

        return new AtomicFile(target, temporary, stream, cancellationToken);
    }

    /// <summary>Writes a whole file: <paramref name="write"/> fills the stream, then the file replaces <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content; if it throws, <paramref name="path"/> is left as it was.</param>
    /// <param name="cancellationToken">Cancels the write; <paramref name="path"/> is then left as it was.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path, cancellationToken);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes a whole text file in UTF-8 without a byte order mark: <paramref name="write"/> fills the writer,
    /// then the file replaces <paramref name="path"/>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the text; if it throws, <paramref name="path"/> is left as it was.</param>
    /// <param name="cancellationToken">Cancels the write; <paramref name="path"/> is then left as it was.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public static void WriteText(string path, Action<TextWriter> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path, cancellationToken);
        using (var writer = new StreamWriter(file.Stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true))
        {
            write(writer);
        }

        file.Commit();
    }

    /// <summary>Checks that <paramref name="path"/> could be written now, by creating and deleting the temporary file
    /// beside it; the target is not touched. Lets a program refuse a bad output before it does long work.</summary>
    /// <param name="path">The file to check.</param>
    /// <exception cref="IOException"><paramref name="path"/> is a directory, its directory does not exist, or the
    /// temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static void EnsureCanCreate(string path)
    {
        using var file = Create(path);
    }

    /// <summary>Makes the content the target's: flushes it to disk and renames the temporary file over the target.</summary>
    /// <exception cref="IOException">The content cannot be flushed or renamed (for example, the disk is full); the
    /// target is left as it was.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested; the target is left as it was.</exception>
    /// <exception cref="ObjectDisposedException">The file was disposed.</exception>
    /// <exception cref="InvalidOperationException">The file was committed already.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("The file was committed already.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (temporaryPath is null)
        {
            file.Flush();
            committed = true;
            return;
        }

        file.Flush(flushToDisk: true);
        file.Dispose();
        cancellationToken.ThrowIfCancellationRequested();
        File.Move(temporaryPath, Path, overwrite: true);
        committed = true;
    }

    /// <summary>Closes the file; without <see cref="Commit"/>, deletes the temporary file and leaves the target as it was.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            file.Dispose();
        }
        catch (IOException)
        {
            // Flushing the rest of a discarded file can fail (a full disk); the file is deleted next either way.
        }

        if (!committed && temporaryPath is not null)
        {
            try
            {
                File.Delete(temporaryPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Throwing here would hide the failure that got us here; the target is intact either way.
            }
        }
    }

    // The file the content ends up in: a symbolic link's final target, so the link itself stays a link.
    private static string Target(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }

        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    private static bool IsDevice(string fullPath)
        => !OperatingSystem.IsWindows()
            && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal))
            && File.Exists(fullPath);

    /// <summary>The file stream as writers see it: every write first checks for cancellation.</summary>
    private sealed class GuardedStream(FileStream inner, CancellationToken cancellationToken) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
            cancellationToken.ThrowIfCancellationRequested();
            inner.Flush();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inner.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inner.WriteByte(value);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken token)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.WriteAsync(buffer, offset, count, token);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken token = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.WriteAsync(buffer, token);
        }

        public override Task FlushAsync(CancellationToken token)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.FlushAsync(token);
        }
    }
}
