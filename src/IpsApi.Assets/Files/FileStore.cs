using System.Security.Cryptography;

namespace IpsApi.Assets.Files;

/// <summary>A file as stored: its key under the storage root, size and SHA-256.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>
/// The storage root behind a small interface, so a shared folder can later be replaced by an object store.
/// Keys are relative paths with '/' separators; every write is atomic (a temporary file, then a rename).
/// </summary>
public interface IFileStore
{
    /// <summary>Moves a finished file into the store under <paramref name="key"/>, returning its checksum.</summary>
    Task<StoredFile> PutAsync(string key, string sourceFile, CancellationToken cancellationToken);

    Stream OpenRead(string key);

    bool Exists(string key);

    void Delete(string key);

    /// <summary>A local path for tools that read files (libvips, poppler, ffmpeg).</summary>
    string LocalPath(string key);

    /// <summary>A scratch folder of the company on the same file system as the store, so finished files move in by rename.</summary>
    string CreateWorkFolder(CompanyStorage company);
}

/// <summary>The storage root as a local (or mounted, shared) folder.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<StoredFile> PutAsync(string key, string sourceFile, CancellationToken cancellationToken)
    {
        var destination = LocalPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        string hash;
        long size;
        await using (var input = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            size = input.Length;
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken));
        }

        // The source sits in a work folder under the same root: the move is a rename, atomic for readers.
        File.Move(sourceFile, destination, overwrite: true);
        return new StoredFile(key, size, hash);
    }

    public Stream OpenRead(string key) =>
        new FileStream(LocalPath(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string key) => File.Exists(LocalPath(key));

    public void Delete(string key)
    {
        var path = LocalPath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public string LocalPath(string key)
    {
        var full = Path.GetFullPath(Path.Combine(_root, key));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException("The storage key leaves the storage root.", nameof(key));
    }

    public string CreateWorkFolder(CompanyStorage company)
    {
        var folder = LocalPath(company.NewWorkFolder());
        Directory.CreateDirectory(folder);
        return folder;
    }
}
