using System.Text;
using Attribution.IO;

namespace Attribution.IO.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("attribution-atomic-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathOf(string name) => Path.Combine(directory, name);

    // Everything in the directory but the files the test made itself: a leftover temporary file shows up here.
    private string[] Entries() => [.. Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void WriteText_ReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var target = PathOf("report.csv");
        File.WriteAllText(target, "old\n");

        AtomicFile.WriteText(target, writer => writer.Write("new,é\n"), TestContext.Current.CancellationToken);

        // UTF-8 without a byte order mark: 'é' is the two bytes C3 A9.
        File.ReadAllBytes(target).Should().Equal(Encoding.ASCII.GetBytes("new,").Concat(new byte[] { 0xC3, 0xA9, (byte)'\n' }));
        Entries().Should().Equal("report.csv");
    }

    [Fact]
    public void WriteText_CreatesAFileThatDidNotExist()
    {
        var target = PathOf("new.csv");

        AtomicFile.WriteText(target, writer => writer.Write("a\n"), TestContext.Current.CancellationToken);

        File.ReadAllText(target).Should().Be("a\n");
        Entries().Should().Equal("new.csv");
    }

    [Fact]
    public void AFailureMidWrite_LeavesThePreviousFileAndNoTemporaryFile()
    {
        var target = PathOf("report.csv");
        File.WriteAllText(target, "old\n");

        var write = () => AtomicFile.WriteText(
            target,
            writer =>
            {
                // More than the writer's buffer, so part of it has reached the temporary file when the failure comes.
                writer.Write(new string('x', 200_000));
                writer.Flush();
                throw new IOException("No space left on device");
            },
            TestContext.Current.CancellationToken);

        write.Should().Throw<IOException>().WithMessage("No space left on device");
        File.ReadAllText(target).Should().Be("old\n");
        Entries().Should().Equal("report.csv");
    }

    [Fact]
    public void AFailureMidWrite_OfANewFile_LeavesNoFileAtAll()
    {
        var target = PathOf("new.csv");

        var write = () => AtomicFile.Write(target, stream =>
        {
            stream.Write(new byte[1000]);
            throw new InvalidOperationException("boom");
        });

        write.Should().Throw<InvalidOperationException>();
        Entries().Should().BeEmpty();
    }

    [Fact]
    public void CancellationMidWrite_StopsAtTheNextWriteAndLeavesThePreviousFile()
    {
        var target = PathOf("report.csv");
        File.WriteAllText(target, "old\n");
        using var cancellation = new CancellationTokenSource();
        var chunksWritten = 0;

        var write = () => AtomicFile.Write(
            target,
            stream =>
            {
                for (var i = 0; i < 10; i++)
                {
                    stream.Write(new byte[100]);
                    chunksWritten++;
                    if (i == 2)
                    {
                        cancellation.Cancel();
                    }
                }
            },
            cancellation.Token);

        write.Should().Throw<OperationCanceledException>();
        // Chunks 0, 1 and 2 went through; the write of chunk 3 saw the cancellation.
        chunksWritten.Should().Be(3);
        File.ReadAllText(target).Should().Be("old\n");
        Entries().Should().Equal("report.csv");
    }

    [Fact]
    public void DisposingWithoutCommit_DiscardsTheContent()
    {
        var target = PathOf("report.csv");
        File.WriteAllText(target, "old\n");

        using (var file = AtomicFile.Create(target, TestContext.Current.CancellationToken))
        {
            file.Stream.Write("new\n"u8);
            file.Path.Should().Be(target);
        }

        File.ReadAllText(target).Should().Be("old\n");
        Entries().Should().Equal("report.csv");
    }

    [Fact]
    public void TheTargetIsUntouchedUntilCommit()
    {
        var target = PathOf("report.csv");
        File.WriteAllText(target, "old\n");

        using var file = AtomicFile.Create(target, TestContext.Current.CancellationToken);
        file.Stream.Write("new\n"u8);
        file.Stream.Flush();
        File.ReadAllText(target).Should().Be("old\n");
        Entries().Should().HaveCount(2).And.Contain(e => e.StartsWith(".report.csv.", StringComparison.Ordinal) && e.EndsWith(".tmp", StringComparison.Ordinal));

        file.Commit();

        File.ReadAllText(target).Should().Be("new\n");
        Entries().Should().Equal("report.csv");
    }

    [Fact]
    public void CommitTwice_Throws()
    {
        using var file = AtomicFile.Create(PathOf("a.csv"), TestContext.Current.CancellationToken);
        file.Commit();

        file.Invoking(f => f.Commit()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ASymbolicLink_IsKept_AndTheFileItPointsToIsReplaced()
    {
        var real = PathOf("real.csv");
        File.WriteAllText(real, "old\n");
        var link = PathOf("link.csv");
        File.CreateSymbolicLink(link, real);

        AtomicFile.WriteText(link, writer => writer.Write("new\n"), TestContext.Current.CancellationToken);

        new FileInfo(link).LinkTarget.Should().Be(real);
        File.ReadAllText(real).Should().Be("new\n");
        Entries().Should().Equal("link.csv", "real.csv");
    }

    [Fact]
    public void AReplacedFile_KeepsItsPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var target = PathOf("report.csv");
        File.WriteAllText(target, "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFile.WriteText(target, writer => writer.Write("new\n"), TestContext.Current.CancellationToken);

        File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void ADirectory_IsNotAFileToWrite()
    {
        var create = () => AtomicFile.Create(directory, TestContext.Current.CancellationToken);

        create.Should().Throw<IOException>().WithMessage("*is a directory*");
    }

    [Fact]
    public void AMissingDirectory_IsReportedByEnsureCanCreate_AndNothingIsCreated()
    {
        var check = () => AtomicFile.EnsureCanCreate(Path.Combine(directory, "missing", "report.csv"));

        check.Should().Throw<DirectoryNotFoundException>().WithMessage("*missing*does not exist*");
        Entries().Should().BeEmpty();
    }

    [Fact]
    public void EnsureCanCreate_LeavesNoTrace()
    {
        var target = PathOf("report.csv");

        AtomicFile.EnsureCanCreate(target);

        Entries().Should().BeEmpty();
    }

    [Fact]
    public void ADeviceFile_IsWrittenDirectly()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        AtomicFile.WriteText("/dev/null", writer => writer.Write("gone\n"), TestContext.Current.CancellationToken);

        // /dev/null is still the device: a rename would have replaced it with a regular file.
        new FileInfo("/dev/null").Length.Should().Be(0);
    }

    [Fact]
    public void AFullDevice_FailsWithAnIOException()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var write = () => AtomicFile.WriteText("/dev/full", writer => writer.Write("x\n"), TestContext.Current.CancellationToken);

        write.Should().Throw<IOException>();
    }
}
