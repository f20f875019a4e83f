using IpsApi.Assets.Files;
using Npgsql;

namespace IpsApi.Assets.Store;

/// <summary>
/// The trash of a company's assets. deleteAsset moves an asset there: searches leave it out unless asked, jobs that
/// name it skip it with a warning, publishes leave it out, its files stay. restoreAssetsFromTrash brings it back
/// (unless a new asset has taken its path meanwhile). emptyAssetsFromTrash marks it emptied: from then on no operation
/// or job sees it, and <see cref="PurgeAsync"/> removes its row and files once every run that was in progress when it
/// was emptied has ended, so a run that read the asset before never loses its files midway.
/// </summary>
public sealed class AssetTrash(NpgsqlDataSource dataSource, IFileStore files)
{
    /// <summary>Moves the live assets among <paramref name="ids"/> to the trash; one outcome per id, in order.</summary>
    public async Task<IReadOnlyList<AssetChange>> DeleteAsync(long companyId, IReadOnlyList<long> ids, string user, CancellationToken cancellationToken)
    {
        var moved = await UpdateAsync(
            """
            update assets set trash_state = 'InTrash', trashed_at = now(), last_modified = now(), last_modified_by = @user
            where company_id = @company and id = any(@ids) and trash_state = 'NotInTrash'
            returning id
            """, companyId, ids, user, cancellationToken);
        var states = await StatesAsync(companyId, ids, cancellationToken);
        return ids.Select(id => moved.Contains(id) ? AssetChange.Ok(id)
            : states.GetValueOrDefault(id) == TrashStates.InTrash ? AssetChange.Remark(id, "the asset is in the trash already")
            : AssetChange.Refused(id, AssetChangeReasons.NoAsset)).ToList();
    }

    /// <summary>
    /// Brings the assets among <paramref name="ids"/> back from the trash, each into its folder under its file name,
    /// unless a live asset has that path now; one outcome per id, in order.
    /// </summary>
    public async Task<IReadOnlyList<AssetChange>> RestoreAsync(long companyId, IReadOnlyList<long> ids, string user, CancellationToken cancellationToken)
    {
        var outcomes = new List<AssetChange>(ids.Count);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var id in ids)
        {
            // Each asset on its own: two trashed assets of one path cannot both come back, and the second says why.
            await using var restore = new NpgsqlCommand(
                """
                update assets a set trash_state = 'NotInTrash', trashed_at = null, last_modified = now(), last_modified_by = @user
                where a.company_id = @company and a.id = @id and a.trash_state = 'InTrash'
                  and not exists (select 1 from assets o where o.company_id = a.company_id and o.folder = a.folder
                                  and o.file_name = a.file_name and o.trash_state = 'NotInTrash')
                returning a.id
                """, connection);
            restore.Parameters.AddWithValue("user", user);
            restore.Parameters.AddWithValue("company", companyId);
            restore.Parameters.AddWithValue("id", id);
            try
            {
                if (await restore.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    outcomes.Add(AssetChange.Ok(id));
                    continue;
                }
            }
            catch (PostgresException e) when (e.SqlState == "23505")
            {
                // Another asset took the path between the check and the update.
            }

            var state = (await StatesAsync(companyId, [id], cancellationToken)).GetValueOrDefault(id);
            outcomes.Add(state switch
            {
                TrashStates.NotInTrash => AssetChange.Remark(id, "the asset is not in the trash"),
                TrashStates.InTrash => AssetChange.Refused(id, "another asset has its folder and file name now; move or rename that one first"),
                _ => AssetChange.Refused(id, AssetChangeReasons.NoAsset),
            });
        }

        return outcomes;
    }

    /// <summary>
    /// Empties the assets among <paramref name="ids"/> that are in the trash; one outcome per id, in order. Their rows
    /// and files go with the next <see cref="PurgeAsync"/> that finds no run they wait for.
    /// </summary>
    public async Task<IReadOnlyList<AssetChange>> EmptyAsync(long companyId, IReadOnlyList<long> ids, string user, CancellationToken cancellationToken)
    {
        var emptied = await UpdateAsync(
            """
            update assets set trash_state = 'InEmptiedTrash', last_modified = now(), last_modified_by = @user
            where company_id = @company and id = any(@ids) and trash_state = 'InTrash'
            returning id
            """, companyId, ids, user, cancellationToken);
        var states = await StatesAsync(companyId, ids, cancellationToken);
        return ids.Select(id => emptied.Contains(id) ? AssetChange.Ok(id)
            : states.GetValueOrDefault(id) == TrashStates.NotInTrash ? AssetChange.Refused(id, "the asset is not in the trash (delete it first)")
            : AssetChange.Refused(id, AssetChangeReasons.NoAsset)).ToList();
    }

    /// <summary>
    /// Removes emptied assets, rows and files, whose waiting is over. An emptied asset first waits for the runs of its
    /// company among <paramref name="openRuns"/>: the runs in progress now, which the caller read after the emptying
    /// committed, so any run that could have read the asset is among them (a run only reads its own company's assets).
    /// It goes once none of those is open any more. Returns how many assets were removed.
    /// </summary>
    public async Task<int> PurgeAsync(IReadOnlyCollection<(long RunId, long CompanyId)> openRuns, CancellationToken cancellationToken)
    {
        var open = openRuns.Select(r => r.RunId).ToArray();
        await using (var note = dataSource.CreateCommand(
            """
            update assets a
            set empty_waits_for = coalesce((select array_agg(o.run) from unnest(@runs::bigint[], @companies::bigint[]) o(run, company)
                                            where o.company = a.company_id), array[]::bigint[])
            where a.trash_state = 'InEmptiedTrash' and a.empty_waits_for is null
            """))
        {
            note.Parameters.AddWithValue("runs", open);
            note.Parameters.AddWithValue("companies", openRuns.Select(r => r.CompanyId).ToArray());
            await note.ExecuteNonQueryAsync(cancellationToken);
        }

        var removed = 0;
        while (true)
        {
            var ready = new List<(long Id, string[] Keys)>();
            await using (var find = dataSource.CreateCommand(
                """
                select a.id, array_remove(array_append(coalesce((select array_agg(r.storage_key) from asset_renditions r where r.asset_id = a.id),
                                                                array[]::text[]), a.original_key), '')
                from assets a
                where a.trash_state = 'InEmptiedTrash' and a.empty_waits_for is not null and not (a.empty_waits_for && @open)
                limit 500
                """))
            {
                find.Parameters.AddWithValue("open", open);
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ready.Add((reader.GetInt64(0), reader.GetFieldValue<string[]>(1)));
                }
            }

            if (ready.Count == 0)
            {
                return removed;
            }

            // Files first: a purge cut short here leaves rows that the next one finds and finishes.
            foreach (var key in ready.SelectMany(r => r.Keys))
            {
                files.Delete(key);
            }

            await using var delete = dataSource.CreateCommand("delete from assets where id = any(@ids) and trash_state = 'InEmptiedTrash'");
            delete.Parameters.AddWithValue("ids", ready.Select(r => r.Id).ToArray());
            removed += await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<HashSet<long>> UpdateAsync(string sql, long companyId, IReadOnlyList<long> ids, string user, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
        command.Parameters.AddWithValue("user", user);
        var done = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            done.Add(reader.GetInt64(0));
        }

        return done;
    }

    private async Task<Dictionary<long, string>> StatesAsync(long companyId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id, trash_state from assets where company_id = @company and id = any(@ids)");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
        var states = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states[reader.GetInt64(0)] = reader.GetString(1);
        }

        return states;
    }
}
