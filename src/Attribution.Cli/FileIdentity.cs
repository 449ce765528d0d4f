using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Attribution.Cli;

/// <summary>Tells whether two existing paths are one file on disk, hard links included, by the (device, inode) pair
/// that <c>stat</c> gives on Linux and macOS.</summary>
/// <remarks>Paths compare equal after resolving symbolic links (<see cref="FileChecks"/>), but two hard links to one
/// file are two paths. Where <c>stat</c> cannot be called (Windows, another C library), the answer is "not known to be
/// the same", and the path comparison stands alone.</remarks>
internal static class FileIdentity
{
    // Larger than struct stat on every supported platform (144 bytes on x86-64 and arm64 Linux, 144 on macOS).
    private const int StatBufferSize = 256;

    /// <summary>Whether both paths exist and are the same file.</summary>
    public static bool SameFile(string a, string b)
        => TryGetId(a) is { } first && TryGetId(b) is { } second && first == second;

    private static (ulong Device, ulong Inode)? TryGetId(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || !File.Exists(path))
        {
            return null;
        }

        var buffer = new byte[StatBufferSize];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        // Linux (x86-64 and the generic layout of arm64): dev_t st_dev then ino_t st_ino, 8 bytes each.
        // macOS: dev_t (4 bytes) st_dev, mode_t and nlink_t (2 bytes each), then ino_t (8 bytes) st_ino.
        return OperatingSystem.IsMacOS()
            ? (BinaryPrimitives.ReadUInt32LittleEndian(buffer), BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8)))
            : (BinaryPrimitives.ReadUInt64LittleEndian(buffer), BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8)));
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks for this one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "stat", ExactSpelling = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
