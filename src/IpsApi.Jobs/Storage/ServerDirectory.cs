using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpsApi.Jobs.Storage;

/// <summary>A file found in a server directory: its path relative to the folder listed, its size and time.</summary>
public sealed record ServerFile(string RelativePath, long Length, DateTime LastWriteTimeUtc)
{
    public string Name => Path.GetFileName(RelativePath);

    /// <summary>The folder part of <see cref="RelativePath"/>, with '/' between names; "" for the folder itself.</summary>
    public string Folder => Path.GetDirectoryName(RelativePath)?.Replace(Path.DirectorySeparatorChar, '/') ?? "";
}

/// <summary>A file of a server directory that could not be read without leaving it or that is not a regular file.</summary>
public sealed class OutsideServerDirectoryException(string relativePath)
    : IOException($"'{relativePath}' is not a regular file inside the server directory")
{
}

/// <summary>
/// A folder of a company's server directory (what uploadDirectoryJob and serverDirectoryPublishJob read), read so
/// that nothing outside that directory is ever read, whatever links anyone with access to it makes:
/// <list type="bullet">
/// <item>the folder asked for is compared by its real path (every link of every component resolved) with the
/// real path of the server directory, so <c>lnk/sub</c> with <c>lnk -&gt; /outside</c> is not inside;</item>
/// <item>listing never descends into a link and never lists one;</item>
/// <item>each file is opened without following a link in its last component (O_NOFOLLOW), without waiting on a
/// FIFO (O_NONBLOCK), and what was opened is checked, by the kernel's name for the open file, to lie inside the
/// server directory and to be a regular file, so a link swapped in after the listing leads nowhere.</item>
/// </list>
/// </summary>
public sealed class ServerDirectory
{
    private ServerDirectory(string realRoot, string realFolder)
    {
        RealRoot = realRoot;
        RealFolder = realFolder;
    }

    /// <summary>The server directory, every link resolved.</summary>
    public string RealRoot { get; }

    /// <summary>The folder listed, every link resolved; inside <see cref="RealRoot"/> or the same.</summary>
    public string RealFolder { get; }

    /// <summary>
    /// The folder <paramref name="relativeFolder"/> ("" for the whole directory) of the server directory
    /// <paramref name="serverRoot"/>; null when it does not exist, is not a folder or lies outside once links are resolved.
    /// </summary>
    public static ServerDirectory? Open(string serverRoot, string relativeFolder)
    {
        var lexical = relativeFolder.Length == 0 ? Path.GetFullPath(serverRoot) : CompanyFolders.Inside(serverRoot, relativeFolder);
        if (lexical is null || RealPath(serverRoot) is not { } realRoot || RealPath(lexical) is not { } realFolder)
        {
            return null;
        }

        return IsWithin(realRoot, realFolder) && Directory.Exists(realFolder) ? new ServerDirectory(realRoot, realFolder) : null;
    }

    /// <summary>
    /// The files of the folder (and of its subfolders when <paramref name="recurse"/>), by relative path in
    /// ordinal order. Links, to files or folders, are neither listed nor entered; with <paramref name="skipHidden"/>,
    /// names starting with '.' are left out too.
    /// </summary>
    public IReadOnlyList<ServerFile> ListFiles(bool recurse, bool skipHidden)
    {
        var found = new List<ServerFile>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(RealFolder));
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos("*", options))
            {
                if ((skipHidden && entry.Name.StartsWith('.')) || entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo folder)
                {
                    if (recurse)
                    {
                        pending.Push(folder);
                    }
                }
                else if (entry is FileInfo file)
                {
                    found.Add(new ServerFile(Path.GetRelativePath(RealFolder, file.FullName), file.Length, file.LastWriteTimeUtc));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return found;
    }

    /// <summary>Opens a listed file for reading, never a link and never anything outside the server directory.</summary>
    /// <exception cref="OutsideServerDirectoryException">The file is a link now, not a regular file, or lies outside.</exception>
    /// <exception cref="IOException">The file could not be opened.</exception>
    public FileStream OpenRead(ServerFile file)
    {
        var path = Path.Combine(RealFolder, file.RelativePath);
        if (!IsWithin(RealRoot, Path.GetFullPath(path)))
        {
            throw new OutsideServerDirectoryException(file.RelativePath);
        }

        var handle = Native.OpenNoFollow(path);
        if (handle.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw errno is Native.ELOOP or Native.ENOTDIR or Native.ENXIO
                ? new OutsideServerDirectoryException(file.RelativePath)
                : errno is Native.EACCES or Native.EPERM
                    ? new UnauthorizedAccessException($"'{file.RelativePath}' could not be opened: permission denied")
                    : new IOException($"'{file.RelativePath}' could not be opened (errno {errno})");
        }

        var stream = new FileStream(handle, FileAccess.Read, 81920);
        // What the kernel opened, whatever happened to the path's folders since they were listed. A FIFO, socket or
        // device (listed like a file) cannot seek: only regular files are read.
        var opened = new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        if (opened is null || !IsWithin(RealRoot, opened) || !stream.CanSeek)
        {
            stream.Dispose();
            throw new OutsideServerDirectoryException(file.RelativePath);
        }

        return stream;
    }

    private static bool IsWithin(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>The path with every link resolved (realpath(3)); null when it does not exist.</summary>
    internal static string? RealPath(string path)
    {
        var resolved = Native.realpath(Native.Utf8(path), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Native.free(resolved);
        }
    }

    private static class Native
    {
        public const int EPERM = 1;
        public const int ENXIO = 6;
        public const int EACCES = 13;
        public const int ENOTDIR = 20;
        public const int ELOOP = 40;

        private const int ReadOnly = 0;
        private const int NonBlocking = 0x800;
        private const int CloseOnExec = 0x80000;

        // The one flag whose value differs between the architectures this server runs on.
        private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 or Architecture.X86 => 0x20000,
            Architecture.Arm64 or Architecture.Arm => 0x8000,
            var other => throw new PlatformNotSupportedException($"O_NOFOLLOW is not known for {other}"),
        };

        public static SafeFileHandle OpenNoFollow(string path) =>
            new((IntPtr)open(Utf8(path), ReadOnly | NoFollow | NonBlocking | CloseOnExec, 0), ownsHandle: true);

        /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
        public static byte[] Utf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libc", SetLastError = true)]
        private static extern int open(byte[] path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr realpath(byte[] path, IntPtr resolved);

        [DllImport("libc")]
        public static extern void free(IntPtr pointer);
    }
}
