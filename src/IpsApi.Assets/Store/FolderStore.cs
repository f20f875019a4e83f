using Npgsql;

namespace IpsApi.Assets.Store;

/// <summary>Why a folder operation was refused, said for the caller.</summary>
public sealed class FolderRefusedException(string message) : Exception(message);

/// <summary>
/// The folders table: a company's asset tree. Rows appear with their company (the root) and with every asset
/// written into a folder (the database sees to both), and by <see cref="CreateAsync"/>. Renames and moves change
/// the paths of a folder, its subfolders and their assets in one transaction; ids, and so handles, stay.
/// </summary>
public sealed class FolderStore(NpgsqlDataSource dataSource)
{
    /// <summary>Most folders one tree or list answers with.</summary>
    public const int MaxFolders = 100_000;

    private const string Columns =
        """
        f.id, c.handle, f.parent_id, f.path, f.modified_at,
        greatest(f.modified_at,
                 (select max(s.modified_at) from folders s where s.parent_id = f.id),
                 (select max(a.modified_at) from assets a where a.company_id = f.company_id and a.folder = f.path)),
        exists (select 1 from folders s where s.parent_id = f.id)
        """;

    public async Task<Folder?> FindAsync(long companyId, string path, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from folders f join companies c on c.id = f.company_id where f.company_id = @company and f.path = @path");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("path", path);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The folder a client's handle names, if it is a folder of this company; null otherwise.</summary>
    public async Task<Folder?> FindByHandleAsync(long companyId, string companyHandle, string? handle, CancellationToken cancellationToken)
    {
        if (!FolderHandles.TryParse(handle, out var owner, out var id) || owner != companyHandle)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(
            $"select {Columns} from folders f join companies c on c.id = f.company_id where f.company_id = @company and f.id = @id");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>
    /// The folder at <paramref name="path"/> and the folders below it down to <paramref name="depth"/> levels
    /// (negative: every level), parents before children, each level in name order. Only folders holding a live asset
    /// of one of <paramref name="assetTypes"/> (stored type names, in them or below) when types are given; the top
    /// folder always.
    /// </summary>
    public async Task<IReadOnlyList<Folder>> SubtreeAsync(
        long companyId, string path, int depth, IReadOnlyCollection<string>? assetTypes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             select {Columns} from folders f join companies c on c.id = f.company_id
             where f.company_id = @company
               and (f.path = @path or @prefix = '' or f.path like @prefix || '%')
               and (@depth < 0 or f.path = @path
                    or cardinality(string_to_array(f.path, '/')) - @levels <= @depth)
               and (@types::text[] is null or f.path = @path or exists (
                    select 1 from assets a where a.company_id = f.company_id and a.type_name = any(@types) and a.trash_state = 'NotInTrash'
                      and (a.folder = f.path or a.folder like f.path || '/%')))
             order by f.path collate "C"
             limit @max
             """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("path", path);
        command.Parameters.AddWithValue("prefix", path.Length == 0 ? "" : LikePrefix(path) + "/");
        command.Parameters.AddWithValue("depth", depth);
        command.Parameters.AddWithValue("levels", path.Length == 0 ? 0 : path.Split('/').Length);
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = assetTypes is null ? DBNull.Value : assetTypes.ToArray(),
        });
        command.Parameters.AddWithValue("max", MaxFolders);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Creates the folder (and any missing parent); false when it existed already.</summary>
    public async Task<(Folder Folder, bool Created)> CreateAsync(long companyId, string path, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select exists (select 1 from folders where company_id = @company and path = @path), ensure_folder(@company, @path)
            """);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("path", path);
        bool existed;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            existed = reader.GetBoolean(0);
        }

        return ((await FindAsync(companyId, path, cancellationToken))!, !existed);
    }

    /// <summary>
    /// Deletes an empty folder and the empty folders below it. A folder that holds an asset anywhere below it, in the
    /// trash or not, is refused, and so is the root.
    /// </summary>
    public async Task DeleteAsync(Folder folder, long companyId, CancellationToken cancellationToken)
    {
        if (folder.Path.Length == 0)
        {
            throw new FolderRefusedException("the company's root folder cannot be deleted");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockSubtreeAsync(connection, transaction, companyId, folder.Path, cancellationToken);
        await using (var count = new NpgsqlCommand(
            """
            select count(*), count(*) filter (where trash_state = 'InTrash') from assets
            where company_id = @company and (folder = @path or folder like @prefix || '/%') and trash_state <> 'InEmptiedTrash'
            """, connection, transaction))
        {
            count.Parameters.AddWithValue("company", companyId);
            count.Parameters.AddWithValue("path", folder.Path);
            count.Parameters.AddWithValue("prefix", LikePrefix(folder.Path));
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) is var assets and > 0)
            {
                var trashed = reader.GetInt64(1);
                throw new FolderRefusedException(
                    $"the folder holds {assets} asset{(assets == 1 ? "" : "s")} (in it or its subfolders"
                    + (trashed > 0 ? $", {trashed} of them in the trash" : "") + "); move or delete them first"
                    + (trashed > 0 ? ", and empty them from the trash" : ""));
            }
        }

        // Children before parents: the parent reference would refuse the other order.
        await using var delete = new NpgsqlCommand(
            """
            delete from folders where company_id = @company and (path = @path or path like @prefix || '/%')
            """, connection, transaction);
        delete.Parameters.AddWithValue("company", companyId);
        delete.Parameters.AddWithValue("path", folder.Path);
        delete.Parameters.AddWithValue("prefix", LikePrefix(folder.Path));
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Gives the folder a new name in the same parent; its subfolders and assets follow.</summary>
    public Task RenameAsync(Folder folder, long companyId, string newName, CancellationToken cancellationToken) =>
        folder.Path.Length == 0
            ? throw new FolderRefusedException("the company's root folder cannot be renamed")
            : RepathAsync(folder, companyId, folder.ParentId!.Value, FolderPaths.Join(FolderPaths.ParentOf(folder.Path), newName), cancellationToken);

    /// <summary>Moves the folder into <paramref name="destination"/>, keeping its name; its subfolders and assets follow.</summary>
    public Task MoveAsync(Folder folder, Folder destination, long companyId, CancellationToken cancellationToken)
    {
        if (folder.Path.Length == 0)
        {
            throw new FolderRefusedException("the company's root folder cannot be moved");
        }

        if (destination.Id == folder.Id || destination.Path.StartsWith(folder.Path + "/", StringComparison.Ordinal))
        {
            throw new FolderRefusedException("a folder cannot be moved into itself or one of its subfolders");
        }

        return RepathAsync(folder, companyId, destination.Id, FolderPaths.Join(destination.Path, folder.Name), cancellationToken);
    }

    private async Task RepathAsync(Folder folder, long companyId, long parentId, string newPath, CancellationToken cancellationToken)
    {
        if (newPath == folder.Path)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockSubtreeAsync(connection, transaction, companyId, folder.Path, cancellationToken);
        await using (var taken = new NpgsqlCommand(
            "select exists (select 1 from folders where company_id = @company and path = @path)", connection, transaction))
        {
            taken.Parameters.AddWithValue("company", companyId);
            taken.Parameters.AddWithValue("path", newPath);
            if ((bool)(await taken.ExecuteScalarAsync(cancellationToken))!)
            {
                throw new FolderRefusedException($"a folder {newPath} exists already");
            }
        }

        // Paths of the folder and everything below it, then the assets in them: one prefix swapped.
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            """
            update folders set path = @new || substr(path, length(@old) + 1),
                   parent_id = case when id = @id then @parent else parent_id end,
                   modified_at = case when id = @id then now() else modified_at end
            where company_id = @company and (path = @old or path like @prefix || '/%')
            """));
        batch.BatchCommands.Add(Command(
            """
            update assets set folder = @new || substr(folder, length(@old) + 1)
            where company_id = @company and (folder = @old or folder like @prefix || '/%')
            """));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        NpgsqlBatchCommand Command(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("company", companyId);
            command.Parameters.AddWithValue("old", folder.Path);
            command.Parameters.AddWithValue("new", newPath);
            command.Parameters.AddWithValue("prefix", LikePrefix(folder.Path));
            command.Parameters.AddWithValue("id", folder.Id);
            command.Parameters.AddWithValue("parent", parentId);
            return command;
        }
    }

    /// <summary>Rows of the folder and below, locked for the transaction: two changes of one tree take turns.</summary>
    private static async Task LockSubtreeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long companyId, string path, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select id from folders where company_id = @company and (path = @path or path like @prefix || '/%') for update",
            connection, transaction);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("path", path);
        command.Parameters.AddWithValue("prefix", LikePrefix(path));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
        }
    }

    /// <summary>A path as the start of a LIKE pattern: its own '%', '_' and '\' match themselves.</summary>
    private static string LikePrefix(string path) =>
        path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static async Task<List<Folder>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var folders = new List<Folder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            folders.Add(new Folder(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetBoolean(6)));
        }

        return folders;
    }
}
