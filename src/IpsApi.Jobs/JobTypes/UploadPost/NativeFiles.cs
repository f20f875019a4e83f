using System.Runtime.InteropServices;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// The two file system calls .NET does not offer: a hard link (a second name for a file, so the ingest can move one
/// name into the store while the other stays where it was) and flushing a folder's entries to the disk (so a file
/// renamed into it is still there after a power cut). On other systems than Linux and macOS both fall back.
/// </summary>
internal static class NativeFiles
{
    private const int OpenReadOnly = 0;

    /// <summary>Gives <paramref name="existing"/> the further name <paramref name="link"/>; false where the file system cannot.</summary>
    public static bool TryHardLink(string existing, string link) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Link(PathBytes(existing), PathBytes(link)) == 0;

    /// <summary>Flushes the folder's entries to the disk (nothing where that cannot be done).</summary>
    public static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var descriptor = Open(PathBytes(folder), OpenReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"The folder {Path.GetFileName(folder)} could not be opened to flush it (error {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"The folder {Path.GetFileName(folder)} could not be flushed to the disk (error {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
    private static byte[] PathBytes(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(byte[] existing, byte[] link);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
