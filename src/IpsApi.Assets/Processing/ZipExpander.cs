using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Extensions.Options;

namespace IpsApi.Assets.Processing;

/// <summary>
/// Unpacks an uploaded ZIP so that each file in it can be ingested.
/// <list type="bullet">
/// <item>Zip slip: every entry path must stay inside the output folder. Absolute paths, drive letters, '..'
/// segments and anything else that resolves outside refuse the whole archive: such an entry is an attack,
/// not an accident.</item>
/// <item>Zip bomb: the entry count (read from the end record before the central directory is loaded), the sum of
/// the declared sizes and the compression ratios are checked before anything is written; the bytes actually
/// inflated are counted while writing, so an entry that lies about its size is stopped too. Limits come from
/// <see cref="ProcessingOptions"/>.</item>
/// <item>Each entry's size and CRC-32 are checked after writing: a damaged entry refuses the archive instead of
/// coming out silently cut short.</item>
/// <item>Entries are streamed to disk one buffer at a time, each under a temporary name renamed when complete.</item>
/// <item>Folders, symbolic links and other special entries are skipped, as are macOS resource forks
/// (<c>__MACOSX/</c>), which are no user files.</item>
/// </list>
/// A rejected archive leaves nothing behind in the output folder that this call wrote.
/// </summary>
public sealed class ZipExpander(IOptions<ProcessingOptions> options)
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixRegularFile = 0x8000;
    private const int DosDirectoryAttribute = 0x10;

    private readonly ProcessingOptions _options = options.Value;

    /// <summary>Unpacks <paramref name="zipPath"/> into <paramref name="outputFolder"/> (use a fresh folder).</summary>
    /// <returns>Each file written: its path in the archive ('/' separated) and its path on disk, in archive order.</returns>
    /// <exception cref="MediaRejectedException">Not a readable ZIP, hostile, or over a limit.</exception>
    public async Task<IReadOnlyList<(string EntryPath, string FilePath)>> ExpandAsync(
        string zipPath, string outputFolder, CancellationToken ct)
    {
        var archiveSize = new FileInfo(zipPath).Length;
        CheckDeclaredEntryCount(zipPath, archiveSize);

        var root = OutputFiles.PrepareFolder(outputFolder);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var written = new List<(string EntryPath, string FilePath)>();
        var createdFolders = new List<string>();
        try
        {
            using var archive = OpenArchive(zipPath);
            var plan = Plan(archive, rootWithSeparator, archiveSize);

            var buffer = new byte[81920];
            long totalWritten = 0;
            foreach (var (entry, entryPath, target) in plan)
            {
                ct.ThrowIfCancellationRequested();
                CreateFolders(root, Path.GetDirectoryName(target)!, createdFolders);
                totalWritten = await ExtractAsync(entry, entryPath, target, buffer, totalWritten, ct).ConfigureAwait(false);
                written.Add((entryPath, target));
            }

            return written;
        }
        catch
        {
            foreach (var (_, file) in written)
            {
                OutputFiles.DeleteQuietly(file);
            }

            // Deepest first, and only folders this call created and left empty.
            foreach (var folder in Enumerable.Reverse(createdFolders))
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    OutputFiles.DeleteQuietly(folder);
                }
            }

            throw;
        }
    }

    private static ZipArchive OpenArchive(string zipPath)
    {
        try
        {
            return ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw new MediaRejectedException("The file is not a readable ZIP archive", e.Message, e);
        }
    }

    /// <summary>Every check that the central directory allows, before a byte is written.</summary>
    private List<(ZipArchiveEntry Entry, string EntryPath, string Target)> Plan(
        ZipArchive archive, string rootWithSeparator, long archiveSize)
    {
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new MediaRejectedException("The file is not a readable ZIP archive", e.Message, e);
        }

        if (entries.Count > _options.ZipMaxEntries)
        {
            throw new MediaRejectedException($"The ZIP archive has {entries.Count} entries, over the limit of {_options.ZipMaxEntries}");
        }

        var plan = new List<(ZipArchiveEntry, string, string)>();
        var targets = new HashSet<string>(StringComparer.Ordinal);
        long declaredTotal = 0;
        foreach (var entry in entries)
        {
            var entryPath = NormalisedEntryPath(entry.FullName);
            if (IsSkipped(entry, entryPath))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(rootWithSeparator, entryPath));
            if (!target.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            {
                throw Hostile(entry.FullName);
            }

            if (!targets.Add(target))
            {
                throw new MediaRejectedException($"The ZIP archive has the entry '{Printable(entry.FullName)}' more than once");
            }

            if (entry.Length >= _options.ZipRatioMinBytes
                && entry.Length > _options.ZipMaxRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw new MediaRejectedException(
                    $"The ZIP entry '{Printable(entry.FullName)}' expands {entry.Length / Math.Max(entry.CompressedLength, 1)} times, "
                    + $"over the limit of {_options.ZipMaxRatio} (a zip bomb?)");
            }

            declaredTotal += entry.Length;
            if (declaredTotal > _options.ZipMaxTotalBytes)
            {
                throw TooLarge();
            }

            plan.Add((entry, entryPath, target));
        }

        if (declaredTotal >= _options.ZipRatioMinBytes && declaredTotal > _options.ZipMaxRatio * Math.Max(archiveSize, 1))
        {
            throw new MediaRejectedException(
                $"The ZIP archive expands {declaredTotal / Math.Max(archiveSize, 1)} times, over the limit of {_options.ZipMaxRatio} (a zip bomb?)");
        }

        return plan;
    }

    /// <summary>The entry path with '/' separators and without empty or '.' segments, or an exception when it is
    /// absolute, has a drive letter or climbs with '..'.</summary>
    private static string NormalisedEntryPath(string fullName)
    {
        var unified = fullName.Replace('\\', '/');
        if (unified.StartsWith('/') || unified.Contains(':', StringComparison.Ordinal) || unified.Contains('\0', StringComparison.Ordinal))
        {
            throw Hostile(fullName);
        }

        var segments = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                throw Hostile(fullName);
            }

            segments.Add(segment);
        }

        // A trailing '/' marks a folder entry; keep it visible to IsSkipped.
        var path = string.Join('/', segments);
        return unified.EndsWith('/') && path.Length > 0 ? path + "/" : path;
    }

    private static bool IsSkipped(ZipArchiveEntry entry, string entryPath)
    {
        if (entryPath.Length == 0 || entryPath.EndsWith('/'))
        {
            return true;
        }

        if (entryPath.StartsWith("__MACOSX/", StringComparison.Ordinal))
        {
            return true;
        }

        // Unix tools put the file mode in the top 16 bits; a type other than "regular file" is a link or device.
        var unixType = (entry.ExternalAttributes >> 16) & UnixFileTypeMask;
        if (unixType != 0 && unixType != UnixRegularFile)
        {
            return true;
        }

        return (entry.ExternalAttributes & DosDirectoryAttribute) != 0;
    }

    private async Task<long> ExtractAsync(
        ZipArchiveEntry entry, string entryPath, string target, byte[] buffer, long totalWritten, CancellationToken ct)
    {
        if (Directory.Exists(target))
        {
            throw new MediaRejectedException($"The ZIP archive has a file and a folder both named '{Printable(entryPath)}'");
        }

        var temporary = OutputFiles.TemporaryFor(target);
        try
        {
            var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                Stream input;
                try
                {
                    input = entry.Open();
                }
                catch (InvalidDataException e)
                {
                    throw new MediaRejectedException(
                        $"The ZIP entry '{Printable(entry.FullName)}' can't be read (encrypted or an unsupported compression method)", e.Message, e);
                }

                await using (input.ConfigureAwait(false))
                {
                    long entryWritten = 0;
                    var crc = Crc32.Initial;
                    while (true)
                    {
                        int read;
                        try
                        {
                            read = await input.ReadAsync(buffer, ct).ConfigureAwait(false);
                        }
                        catch (InvalidDataException e)
                        {
                            throw new MediaRejectedException($"The ZIP entry '{Printable(entry.FullName)}' is damaged", e.Message, e);
                        }

                        if (read == 0)
                        {
                            break;
                        }

                        entryWritten += read;
                        totalWritten += read;
                        // The declared sizes were checked already; these catch an archive that lies about them.
                        if (entryWritten > entry.Length)
                        {
                            throw new MediaRejectedException(
                                $"The ZIP entry '{Printable(entry.FullName)}' holds more data than it declares (a zip bomb?)");
                        }

                        if (totalWritten > _options.ZipMaxTotalBytes)
                        {
                            throw TooLarge();
                        }

                        crc = Crc32.Update(crc, buffer.AsSpan(0, read));
                        await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    }

                    // The reader stops at the declared size and does not check the checksum, so a damaged or
                    // doctored entry would otherwise come out silently cut short.
                    if (entryWritten != entry.Length || Crc32.Final(crc) != entry.Crc32)
                    {
                        throw new MediaRejectedException($"The ZIP entry '{Printable(entry.FullName)}' is damaged (its size or checksum is wrong)");
                    }
                }
            }

            OutputFiles.Publish(temporary, target);
            return totalWritten;
        }
        catch (PathTooLongException e)
        {
            throw new MediaRejectedException($"The ZIP entry path '{Printable(entryPath)}' is too long", e.Message, e);
        }
        finally
        {
            OutputFiles.DeleteQuietly(temporary);
        }
    }

    private static void CreateFolders(string root, string folder, List<string> created)
    {
        // Walk down from the root so each folder this call makes is recorded for cleanup.
        var relative = Path.GetRelativePath(root, folder);
        if (relative == ".")
        {
            return;
        }

        var current = root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            if (File.Exists(current))
            {
                throw new MediaRejectedException($"The ZIP archive has a file and a folder both named '{Printable(Path.GetRelativePath(root, current))}'");
            }

            if (!Directory.Exists(current))
            {
                Directory.CreateDirectory(current);
                created.Add(current);
            }
        }
    }

    /// <summary>
    /// Reads the entry count from the end-of-central-directory record (and its ZIP64 twin) so that an archive
    /// claiming millions of entries is refused before <see cref="ZipArchive"/> loads its directory into memory.
    /// Archives whose end record can't be found are left to <see cref="ZipArchive"/> to reject.
    /// </summary>
    private void CheckDeclaredEntryCount(string zipPath, long archiveSize)
    {
        // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
        const int eocdLength = 22;
        var tailLength = (int)Math.Min(archiveSize, eocdLength + 65535);
        var tail = new byte[tailLength];
        using (var stream = File.OpenRead(zipPath))
        {
            stream.Seek(-tailLength, SeekOrigin.End);
            stream.ReadExactly(tail);
        }

        var span = tail.AsSpan();
        var at = span.LastIndexOf("PK\u0005\u0006"u8);
        if (at < 0 || at + eocdLength > span.Length)
        {
            return;
        }

        ulong count = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 10)..]);
        if (count == ushort.MaxValue && at >= 20 && span.Slice(at - 20, 4).SequenceEqual<byte>([(byte)'P', (byte)'K', 0x06, 0x07]))
        {
            // ZIP64: the locator before the end record points at the ZIP64 end record, which holds a 64-bit count.
            var zip64Offset = BinaryPrimitives.ReadInt64LittleEndian(span[(at - 20 + 8)..]);
            var record = new byte[56];
            using var stream = File.OpenRead(zipPath);
            if (zip64Offset >= 0 && zip64Offset + record.Length <= archiveSize)
            {
                stream.Seek(zip64Offset, SeekOrigin.Begin);
                stream.ReadExactly(record);
                if (record.AsSpan(0, 4).SequenceEqual<byte>([(byte)'P', (byte)'K', 0x06, 0x06]))
                {
                    count = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32));
                }
            }
        }

        if (count > (ulong)Math.Max(_options.ZipMaxEntries, 0))
        {
            throw new MediaRejectedException($"The ZIP archive has {count} entries, over the limit of {_options.ZipMaxEntries}");
        }
    }

    /// <summary>The ZIP checksum (CRC-32, polynomial 0xEDB88320).</summary>
    private static class Crc32
    {
        public const uint Initial = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        public static uint Final(uint crc) => ~crc;

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }

    private MediaRejectedException TooLarge() => new(
        $"The ZIP archive expands to more than {_options.ZipMaxTotalBytes} bytes, over the limit (a zip bomb?)");

    private static MediaRejectedException Hostile(string entryName) => new(
        $"The ZIP entry '{Printable(entryName)}' points outside the archive's folder (absolute path, drive letter or '..'); the archive was refused");

    /// <summary>Entry names are the uploader's text; keep control characters and very long names out of the reason.</summary>
    private static string Printable(string name)
    {
        var cleaned = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return cleaned.Length <= 200 ? cleaned : cleaned[..200] + "...";
    }
}
