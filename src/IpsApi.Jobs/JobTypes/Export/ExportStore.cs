using System.Security.Cryptography;
using Npgsql;

namespace IpsApi.Jobs.JobTypes.Export;

/// <summary>A ZIP a download link points at.</summary>
public sealed record ExportDownload(string StorageKey, string FileName, DateTimeOffset ExpiresAt);

/// <summary>The image_macros and export_downloads tables.</summary>
public sealed class ExportStore(NpgsqlDataSource dataSource)
{
    /// <summary>The modifiers of a company's macro; null when it has none of that name.</summary>
    public async Task<string?> MacroAsync(long companyId, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select modifiers from image_macros where company_id = @company and name = @name");
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Creates or replaces a macro of the company named <paramref name="companyHandle"/>; false when there is no such company.</summary>
    public async Task<bool> SetMacroAsync(string companyHandle, string name, string modifiers, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into image_macros (company_id, name, modifiers)
            select id, @name, @modifiers from companies where handle = @company
            on conflict (company_id, name) do update set modifiers = excluded.modifiers, updated_at = now()
            """);
        command.Parameters.AddWithValue("company", companyHandle);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("modifiers", modifiers);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// A new download link for a stored ZIP: 256 random bits, so a token can't be guessed or derived from the job;
    /// the caller builds the URL from it.
    /// </summary>
    public async Task<string> CreateDownloadAsync(
        long companyId, string storageKey, string fileName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var command = dataSource.CreateCommand(
            "insert into export_downloads (token, company_id, storage_key, file_name, expires_at) values (@token, @company, @key, @file, @expires)");
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("company", companyId);
        command.Parameters.AddWithValue("key", storageKey);
        command.Parameters.AddWithValue("file", fileName);
        command.Parameters.AddWithValue("expires", expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return token;
    }

    /// <summary>The ZIP of a token that has not expired; null for an unknown or expired one (the two look the same).</summary>
    public async Task<ExportDownload?> FindDownloadAsync(string token, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select storage_key, file_name, expires_at from export_downloads where token = @token and expires_at > now()");
        command.Parameters.AddWithValue("token", token);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ExportDownload(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }
}
