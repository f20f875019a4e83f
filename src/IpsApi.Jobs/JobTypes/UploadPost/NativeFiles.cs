using System.Runtime.InteropServices;

namespace IpsApi.Jobs.JobTypes.UploadPost;

/// <summary>
/// The two file system calls .NET does not offer: a hard link (a second name for a file, so the ingest can move one
/// name into the store while the other stays where it was) and flushing a folder's entries to the disk (so a file
/// made in it is still there after a power cut), which goes with flushing a file by its path. On other systems than
/// Linux and macOS both fall back.
/// </summary>
internal static class NativeFiles
{
    private const int OpenReadOnly = 0;

    /// <summary>Gives <paramref name="existing"/> the further name <paramref name="link"/>; false where the file system cannot.</summary>
    public static bool TryHardLink(string existing, string link) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Link(PathBytes(existing), PathBytes(link)) == 0;

    /// <summary>
    /// Flushes a file's bytes, or a folder's entries, to the disk. Where the C library is not at hand a file is flushed
    /// through .NET and a folder not at all.
    /// </summary>
    public static void Sync(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            if (File.Exists(path))
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                file.Flush(flushToDisk: true);
            }

            return;
        }

        var descriptor = Open(PathBytes(path), OpenReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"{Path.GetFileName(path)} could not be opened to flush it (error {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"{Path.GetFileName(path)} could not be flushed to the disk (error {Marshal.GetLastPInvokeError()}).");
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
