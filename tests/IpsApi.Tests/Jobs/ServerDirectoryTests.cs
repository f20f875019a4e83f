using System.Diagnostics;
using IpsApi.Jobs.Storage;

namespace IpsApi.Tests.Jobs;

/// <summary>
/// A company's server directory is read without ever leaving it, with real links on the real file system: links
/// made before the listing, and links swapped in between the listing and the read.
/// </summary>
public sealed class ServerDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ipsapi-serverdir-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("ipsapi-outside-").FullName;

    public ServerDirectoryTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "server", "photos"));
        File.WriteAllText(Path.Combine(_root, "server", "photos", "a.jpg"), "ours");
        Directory.CreateDirectory(Path.Combine(_outside, "sub"));
        File.WriteAllText(Path.Combine(_outside, "sub", "a.jpg"), "secret");
        File.WriteAllText(Path.Combine(_outside, "a.jpg"), "secret");
    }

    private string Server => Path.Combine(_root, "server");

    [Fact]
    public void A_folder_below_a_link_that_leaves_is_not_inside_however_it_is_written()
    {
        Directory.CreateSymbolicLink(Path.Combine(Server, "lnk"), _outside);

        Assert.Null(ServerDirectory.Open(Server, "lnk"));
        Assert.Null(ServerDirectory.Open(Server, "lnk/sub"));
        Assert.Null(ServerDirectory.Open(Server, "./lnk/sub"));
        Assert.Null(ServerDirectory.Open(Server, "photos/../lnk/sub"));
        Assert.NotNull(ServerDirectory.Open(Server, "photos"));
    }

    [Fact]
    public void Links_are_neither_listed_nor_entered()
    {
        Directory.CreateSymbolicLink(Path.Combine(Server, "photos", "elsewhere"), _outside);
        File.CreateSymbolicLink(Path.Combine(Server, "photos", "b.jpg"), Path.Combine(_outside, "a.jpg"));

        var files = ServerDirectory.Open(Server, "")!.ListFiles(recurse: true, skipHidden: false);

        Assert.Equal(["photos/a.jpg"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void A_file_swapped_for_a_link_after_the_listing_is_not_opened()
    {
        var directory = ServerDirectory.Open(Server, "photos")!;
        var file = directory.ListFiles(recurse: false, skipHidden: false).Single();
        File.Delete(Path.Combine(Server, "photos", "a.jpg"));
        File.CreateSymbolicLink(Path.Combine(Server, "photos", "a.jpg"), Path.Combine(_outside, "a.jpg"));

        Assert.Throws<OutsideServerDirectoryException>(() => directory.OpenRead(file));
    }

    [Fact]
    public void A_folder_swapped_for_a_link_after_the_listing_is_not_read_through()
    {
        var directory = ServerDirectory.Open(Server, "")!;
        var file = directory.ListFiles(recurse: true, skipHidden: false).Single();
        Directory.Delete(Path.Combine(Server, "photos"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(Server, "photos"), _outside);

        Assert.Throws<OutsideServerDirectoryException>(() => directory.OpenRead(file));
    }

    [Fact]
    public void A_regular_file_inside_is_read()
    {
        var directory = ServerDirectory.Open(Server, "")!;

        using var reader = new StreamReader(directory.OpenRead(directory.ListFiles(recurse: true, skipHidden: false).Single()));

        Assert.Equal("ours", reader.ReadToEnd());
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(Server, "photos", "pipe.jpg")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var directory = ServerDirectory.Open(Server, "photos")!;
        var pipe = directory.ListFiles(recurse: false, skipHidden: false).Single(f => f.Name == "pipe.jpg");

        Assert.Throws<OutsideServerDirectoryException>(() => directory.OpenRead(pipe));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
