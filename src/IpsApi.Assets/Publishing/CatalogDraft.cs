using System.Security.Cryptography;
using System.Text;
using IpsApi.Assets.Files;
using Npgsql;

namespace IpsApi.Assets.Publishing;

/// <summary>
/// The next version of one catalog while a publish builds it. It starts from nothing (a full publish) or from the
/// current version (<see cref="KeepCurrent"/>); the publish puts and removes entries in <see cref="Next"/>, places
/// their files, and <see cref="CommitAsync"/> makes the version current in one transaction. Until then readers
/// keep seeing the current version; a publish that fails leaves it as it was.
/// <para>
/// Published files are named after their source, so an unchanged source keeps its file as it is (not even its
/// modification time changes) and a changed one gets a new file beside the old; files the new version no longer
/// names are removed once it is current.
/// </para>
/// </summary>
public sealed class CatalogDraft : IAsyncDisposable
{
    private const string TemporaryPrefix = ".publishing-";

    private readonly NpgsqlConnection _connection;
    private readonly IFileStore _files;
    private readonly long _companyId;
    private readonly CompanyStorage _company;

    internal CatalogDraft(
        NpgsqlConnection connection, IFileStore files, long companyId, CompanyStorage company, CatalogKind kind, long version,
        DateTimeOffset? lastPublished, bool currentSearchable, Dictionary<string, PublishedEntry> current)
    {
        _connection = connection;
        _files = files;
        _companyId = companyId;
        _company = company;
        Kind = kind;
        Version = version;
        LastPublished = lastPublished;
        CurrentSearchable = currentSearchable;
        Current = current;
    }

    public CatalogKind Kind { get; }

    /// <summary>The version this draft becomes.</summary>
    public long Version { get; }

    /// <summary>When the current version was published; null before the first publish.</summary>
    public DateTimeOffset? LastPublished { get; }

    /// <summary>Whether the current version carries a search index.</summary>
    public bool CurrentSearchable { get; }

    /// <summary>The current version's entries by name key.</summary>
    public IReadOnlyDictionary<string, PublishedEntry> Current { get; }

    /// <summary>The entries of the version being built, by name key.</summary>
    public Dictionary<string, PublishedEntry> Next { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the new version carries a search index (FullWithSearch).</summary>
    public bool WithSearch { get; set; }

    /// <summary>Starts the new version from the current entries that <paramref name="keep"/> accepts.</summary>
    public void KeepCurrent(Func<PublishedEntry, bool> keep)
    {
        foreach (var (key, entry) in Current)
        {
            if (keep(entry))
            {
                Next[key] = entry;
            }
        }
    }

    /// <summary>
    /// Puts a copy of <paramref name="localPath"/> into the catalog's folder under a name derived from
    /// <paramref name="source"/> and returns that name; a file already there for the same source is left alone.
    /// </summary>
    public Task<string> PlaceFileAsync(string localPath, string source, string extension, CancellationToken cancellationToken) =>
        PlaceFileAsync(() => new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), source, extension,
            cancellationToken);

    /// <summary>
    /// Puts a copy of what <paramref name="open"/> opens into the catalog's folder under a name derived from
    /// <paramref name="source"/>, for files a caller must open its own way; see the overload above.
    /// </summary>
    public async Task<string> PlaceFileAsync(Func<Stream> open, string source, string extension, CancellationToken cancellationToken)
    {
        var name = FileNameOf(source, extension);
        var destination = _files.LocalPath(_company.Published(Kind.Folder(), name));
        if (File.Exists(destination))
        {
            return name;
        }

        var folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var input = open())
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await input.CopyToAsync(output, cancellationToken);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return name;
    }

    /// <summary>
    /// Makes the draft the current version: its rows, the pointer and the removal of the old rows in one
    /// transaction. Then removes the files no entry names any more. Returns how many files were removed.
    /// </summary>
    public async Task<int> CommitAsync(CancellationToken cancellationToken)
    {
        await using (var transaction = await _connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var importer = await _connection.BeginBinaryImportAsync(
                "copy publish_entries (company_id, kind, version, name, display_name, asset_id, asset_type, folder, source, file, content_type, "
                + "size_bytes, width, height, modified, members, metadata, search_text) from stdin (format binary)", cancellationToken))
            {
                foreach (var entry in Next.Values)
                {
                    PublishCatalogs.WriteEntry(importer, _companyId, Kind, Version, entry);
                }

                await importer.CompleteAsync(cancellationToken);
            }

            await using (var flip = new NpgsqlCommand(
                """
                insert into publish_catalogs (company_id, kind, version, published_at, search) values (@company, @kind, @version, now(), @search)
                on conflict (company_id, kind) do update set version = excluded.version, published_at = excluded.published_at, search = excluded.search;
                delete from publish_entries where company_id = @company and kind = @kind and version <> @version;
                """, _connection, transaction))
            {
                flip.Parameters.AddWithValue("company", _companyId);
                flip.Parameters.AddWithValue("kind", Kind.ToString());
                flip.Parameters.AddWithValue("version", Version);
                flip.Parameters.AddWithValue("search", WithSearch);
                await flip.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return RemoveUnreferencedFiles();
    }

    /// <summary>
    /// Lets the next publish of this catalog go ahead. The lock is released explicitly: a pooled connection keeps
    /// its session, and with it the lock, until it is used again.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", _connection);
            unlock.Parameters.AddWithValue("key", LockKey(_companyId, Kind));
            await unlock.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A broken connection has ended its session, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    internal static long LockKey(long companyId, CatalogKind kind) => (companyId << 4) | (long)kind;

    /// <summary>
    /// Files of the catalog's folder that the current version does not name. A reader that found an entry of the
    /// old version just before the switch may miss its file now; delivery looks the name up again then.
    /// </summary>
    private int RemoveUnreferencedFiles()
    {
        var folder = _files.LocalPath(_company.Published(Kind.Folder(), "x"));
        folder = Path.GetDirectoryName(folder)!;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var named = Next.Values.Where(e => e.File is not null).Select(e => e.File!).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!named.Contains(name))
            {
                File.Delete(file);
                removed += name.StartsWith(TemporaryPrefix, StringComparison.Ordinal) ? 0 : 1;
            }
        }

        return removed;
    }

    /// <summary>The source's hash, with the extension kept when it is a plain one (content types are told by it).</summary>
    private static string FileNameOf(string source, string extension)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
        var plain = extension.Length is > 1 and <= 10 && extension[0] == '.' && extension.Skip(1).All(char.IsAsciiLetterOrDigit);
        return plain ? hash + extension.ToLowerInvariant() : hash;
    }
}
