using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using IpsApi.Assets.Processing;

namespace IpsApi.IntegrationTests.Processing;

public sealed class ZipExpanderTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly ZipExpander _expander = new(TestOptions.Create());

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Files_come_out_with_their_folders_and_contents()
    {
        var zip = Zip("upload.zip", z =>
        {
            Add(z, "readme.txt", "hello");
            z.CreateEntry("images/"); // a folder entry
            Add(z, "images/summer/beach.jpg", "not really a jpeg");
            Add(z, "./images/./winter.jpg", "snow");
        });
        var output = _scratch.Folder("out");

        var files = await _expander.ExpandAsync(zip, output, CancellationToken.None);

        Assert.Equal(["readme.txt", "images/summer/beach.jpg", "images/winter.jpg"], files.Select(f => f.EntryPath));
        Assert.Equal(Path.Combine(output, "images", "summer", "beach.jpg"), files[1].FilePath);
        Assert.Equal("hello", File.ReadAllText(files[0].FilePath));
        Assert.Equal("snow", File.ReadAllText(files[2].FilePath));
        Assert.DoesNotContain(Directory.GetFiles(output, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith(".tmp-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("images/../../evil.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("C:\\evil.txt")]
    [InlineData("C:evil.txt")]
    public async Task A_zip_slip_entry_refuses_the_archive_and_writes_nothing(string hostileName)
    {
        var zip = Zip("slip.zip", z =>
        {
            Add(z, "good.txt", "fine");
            Add(z, hostileName, "gotcha");
        });
        var output = _scratch.Folder("deep/out");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(() => _expander.ExpandAsync(zip, output, CancellationToken.None));

        Assert.Contains("outside", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.False(File.Exists(_scratch.File("deep/evil.txt")));
        Assert.False(File.Exists(_scratch.File("evil.txt")));
        Assert.False(File.Exists("/tmp/evil.txt"));
    }

    [Fact]
    public async Task A_highly_compressed_entry_is_refused_as_a_zip_bomb_before_anything_is_written()
    {
        // 64 MiB of zeros deflate to about 64 KiB: a ratio near 1000.
        var zip = Zip("bomb.zip", z =>
        {
            Add(z, "first.txt", "written before the bomb if the checks came late");
            var entry = z.CreateEntry("zeros.bin", CompressionLevel.Optimal);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(zeros);
            }
        });
        var output = _scratch.Folder("out");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(() => _expander.ExpandAsync(zip, output, CancellationToken.None));

        Assert.Contains("zip bomb", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public async Task An_archive_over_the_total_size_limit_is_refused()
    {
        var expander = new ZipExpander(TestOptions.Create(o => o.ZipMaxTotalBytes = 1000));
        var zip = Zip("big.zip", z =>
        {
            Add(z, "a.bin", RandomText(600));
            Add(z, "b.bin", RandomText(600));
        });

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => expander.ExpandAsync(zip, _scratch.Folder("out"), CancellationToken.None));

        Assert.Contains("1000 bytes", e.Message);
    }

    [Fact]
    public async Task An_archive_with_too_many_entries_is_refused()
    {
        var expander = new ZipExpander(TestOptions.Create(o => o.ZipMaxEntries = 5));
        var zip = Zip("many.zip", z =>
        {
            for (var i = 0; i < 6; i++)
            {
                Add(z, $"file{i}.txt", "x");
            }
        });

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => expander.ExpandAsync(zip, _scratch.Folder("out"), CancellationToken.None));

        Assert.Contains("6 entries", e.Message);
    }

    [Fact]
    public async Task An_entry_that_lies_about_its_size_is_refused_and_cleaned_up()
    {
        var zip = Zip("liar.zip", z =>
        {
            Add(z, "honest.txt", "small");
            Add(z, "liar.txt", RandomText(50_000));
        });
        // Make the central directory and local header of liar.txt claim 100 bytes.
        var bytes = File.ReadAllBytes(zip);
        PatchUncompressedSize(bytes, "liar.txt", 100);
        File.WriteAllBytes(zip, bytes);
        var output = _scratch.Folder("out");

        var e = await Assert.ThrowsAsync<MediaRejectedException>(() => _expander.ExpandAsync(zip, output, CancellationToken.None));

        Assert.Contains("liar.txt", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public async Task A_corrupted_entry_is_refused_by_its_checksum()
    {
        var zip = Zip("corrupt.zip", z => Add(z, "photo.txt", RandomText(5000)));
        var bytes = File.ReadAllBytes(zip);
        bytes[30 + "photo.txt".Length + 100] ^= 0x55; // inside the compressed data
        File.WriteAllBytes(zip, bytes);
        var output = _scratch.Folder("out");

        await Assert.ThrowsAsync<MediaRejectedException>(() => _expander.ExpandAsync(zip, output, CancellationToken.None));

        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public async Task Symbolic_links_and_mac_resource_forks_are_skipped()
    {
        var zip = Zip("links.zip", z =>
        {
            Add(z, "photo.jpg", "picture");
            var link = z.CreateEntry("shortcut.jpg");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777, as Info-ZIP stores it
            using (var writer = new StreamWriter(link.Open()))
            {
                writer.Write("/etc/passwd");
            }

            Add(z, "__MACOSX/._photo.jpg", "resource fork");
        });
        var output = _scratch.Folder("out");

        var files = await _expander.ExpandAsync(zip, output, CancellationToken.None);

        Assert.Equal(["photo.jpg"], files.Select(f => f.EntryPath));
        Assert.Equal(["photo.jpg"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_that_is_no_zip_is_refused()
    {
        var path = _scratch.File("archive.zip");
        await File.WriteAllTextAsync(path, "PK but not really");

        await Assert.ThrowsAsync<MediaRejectedException>(() => _expander.ExpandAsync(path, _scratch.Folder("out"), CancellationToken.None));
    }

    [Fact]
    public async Task The_same_path_twice_is_refused()
    {
        var zip = Zip("twice.zip", z =>
        {
            Add(z, "a.txt", "one");
            Add(z, "a.txt", "two");
        });

        var e = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _expander.ExpandAsync(zip, _scratch.Folder("out"), CancellationToken.None));

        Assert.Contains("more than once", e.Message);
    }

    private string Zip(string name, Action<ZipArchive> fill)
    {
        var path = _scratch.File(name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        fill(archive);
        return path;
    }

    private static void Add(ZipArchive archive, string name, string content)
    {
        var entry = archive.CreateEntry(name);
        using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
        writer.Write(content);
    }

    private static string RandomText(int length)
    {
        var random = new Random(42);
        return new string(Enumerable.Range(0, length).Select(_ => (char)random.Next(33, 127)).ToArray());
    }

    /// <summary>Rewrites the uncompressed size of an entry in its local header (offset 22) and its central
    /// directory header (offset 24).</summary>
    private static void PatchUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip.AsSpan(i).StartsWith("PK\u0003\u0004"u8) && zip.AsSpan(i + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
                patched++;
            }
            else if (zip.AsSpan(i).StartsWith("PK\u0001\u0002"u8) && zip.AsSpan(i + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
                patched++;
            }
        }

        Assert.Equal(2, patched);
    }
}
