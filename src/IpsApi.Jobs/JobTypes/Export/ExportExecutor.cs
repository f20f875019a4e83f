using System.Globalization;
using System.IO.Compression;
using IpsApi.Assets.Files;
using IpsApi.Assets.Rendering;
using IpsApi.Assets.Store;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.JobLog;
using IpsApi.Jobs.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpsApi.Jobs.JobTypes.Export;

/// <summary>
/// exportJob: the listed assets, as stored (<c>fmt=orig</c>) or rendered with image-serving modifiers or a macro
/// (<c>fmt=convert</c>), packed into one ZIP written straight to disk and moved into
/// <c>&lt;company&gt;/exports/</c>. The download link, unguessable and expiring, is the assetName of an
/// ExportDownload record, where clients look for an address starting with <c>http</c>. Unknown handles and
/// assets that can't be converted are ExportWarnings; an unknown macro or modifier refuses the whole export
/// before anything is written. A conversion larger than <see cref="RenderLimits"/> (those of <c>/is/image</c>) is
/// refused at submit and, should the asset or macro have changed since, that asset is an ExportError here.
/// </summary>
public sealed class ExportExecutor(
    AssetStore assets, ExportStore exports, IFileStore files, PublicAddress address, IOptions<ExportOptions> options,
    IOptions<RenderLimits> limits, TimeProvider clock, ILogger<ExportExecutor> logger)
    : JobExecutor<ExportSpec>
{
    public override JobType Type => JobType.Export;

    protected override async Task ExecuteAsync(JobRun run, ExportSpec spec, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        ImageModifiers? modifiers = null;
        if (spec.Format == ExportFormat.convert)
        {
            modifiers = await ModifiersAsync(run, spec, cancellationToken);
            if (modifiers is null)
            {
                return;
            }
        }

        var handles = spec.AssetHandles ?? [];
        var work = files.CreateWorkFolder(company.Storage);
        try
        {
            var zipPath = Path.Combine(work, "export.zip");
            var added = 0;
            await using (var stream = new FileStream(zipPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                await run.ForEachItemAsync(handles, new ItemLoop("Export", "assets"), async (handle, _, cancellationToken) =>
                {
                    if (await AddAsync(run, zip, names, handle, modifiers, work, cancellationToken))
                    {
                        added++;
                    }
                }, cancellationToken);
            }

            if (added == 0)
            {
                await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.ExportEmpty), cancellationToken: cancellationToken);
                return;
            }

            // The finished ZIP moves in by rename: a link never points at a half-written file.
            var key = company.Storage.Export(run.RunId);
            await files.PutAsync(key, zipPath, cancellationToken);
            var expires = clock.GetUtcNow().AddHours(options.Value.LinkHours);
            var token = await exports.CreateDownloadAsync(company.Id, key, $"export-{run.RunId.ToString(CultureInfo.InvariantCulture)}.zip", expires,
                cancellationToken);
            await run.Log.WriteAsync(JobLogTypes.ExportDownload,
                LogText.Of(LogKeys.ExportReady, added.ToString(CultureInfo.InvariantCulture), expires.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                address.UrlOf($"/exports/{token}"), "Zip", cancellationToken: cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The modifiers of the macro (it wins) or of is_modifier; null after logging why the export is refused.</summary>
    private async Task<ImageModifiers?> ModifiersAsync(JobRun run, ExportSpec spec, CancellationToken cancellationToken)
    {
        var text = spec.IsModifier;
        if (!string.IsNullOrWhiteSpace(spec.Macro))
        {
            text = await exports.MacroAsync(run.Job.Company.Id, spec.Macro, cancellationToken);
            if (text is null)
            {
                await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.ExportRefused, LogText.Of(LogKeys.MacroUnknown, spec.Macro)),
                    cancellationToken: cancellationToken);
                return null;
            }
        }

        var modifiers = ImageModifiers.Parse(text, out var problems);
        foreach (var problem in problems)
        {
            await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.ExportRefused,
                LogText.Of(problem.UnknownName ? LogKeys.ModifierUnknown : LogKeys.ModifierInvalid, problem.Modifier)), cancellationToken: cancellationToken);
        }

        return problems.Count == 0 ? modifiers : null;
    }

    /// <summary>Adds one asset to the ZIP; false (after logging why) when it isn't added.</summary>
    private async Task<bool> AddAsync(
        JobRun run, ZipArchive zip, HashSet<string> names, string handle, ImageModifiers? modifiers, string work, CancellationToken cancellationToken)
    {
        var company = run.Job.Company;
        var asset = await assets.FindByHandleAsync(company.Id, company.Handle, handle, cancellationToken);
        if (asset is null)
        {
            await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.UnknownAssetHandle, handle), assetHandle: handle, cancellationToken: cancellationToken);
            return false;
        }

        if (asset.InTrash)
        {
            await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.AssetInTrash, handle), asset.Path, asset.Type.ToString(), asset.Handle,
                cancellationToken: cancellationToken);
            return false;
        }

        if (asset.IsSet)
        {
            await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.NoOwnFile, asset.Type.ToString()), asset.Path, asset.Type.ToString(), asset.Handle,
                cancellationToken: cancellationToken);
            return false;
        }

        if (modifiers is not null && asset.Type != AssetType.Image)
        {
            await run.Log.WriteAsync(JobLogTypes.ExportWarning, LogText.Of(LogKeys.ExportNotConvertible, asset.Type.ToString()), asset.Path, asset.Type.ToString(),
                asset.Handle, cancellationToken: cancellationToken);
            return false;
        }

        var entryName = UniqueName(names, modifiers is null ? asset.Path : Path.ChangeExtension(asset.Path, modifiers.Extension));
        var rendered = Path.Combine(work, $"render-{asset.Id.ToString(CultureInfo.InvariantCulture)}{modifiers?.Extension}");
        try
        {
            if (modifiers is not null)
            {
                // libvips works on files; the rendering is written beside the ZIP and copied in.
                var source = files.LocalPath(asset.OriginalKey);
                await Task.Run(() => modifiers.Render(source, rendered, limits.Value), cancellationToken);
            }

            var entry = zip.CreateEntry(entryName, modifiers is null ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            entry.LastWriteTime = asset.Modified;
            await using (var target = await entry.OpenAsync(cancellationToken))
            await using (var source = modifiers is null ? files.OpenRead(asset.OriginalKey) : File.OpenRead(rendered))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            await run.Log.WriteAsync(JobLogTypes.ExportSuccess, LogText.Of(LogKeys.Exported, entryName), asset.Path, asset.Type.ToString(), asset.Handle,
                cancellationToken: cancellationToken);
            return true;
        }
        catch (RenderTooLargeException e)
        {
            // The asset grew since submit, or the macro changed: the same limit as /is/image, checked before rendering.
            await run.Log.WriteAsync("ExportError", LogText.Of(LogKeys.NotExported, LogText.Of(LogKeys.ReasonRenderTooLarge,
                    Number(e.Size.Width), Number(e.Size.Height), Number(limits.Value.MaxSide), Number(limits.Value.MaxPixels))),
                asset.Path, asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NetVips.VipsException)
        {
            // A failure before the entry was made leaves the ZIP as it was; one while copying would leave a broken
            // entry, and that is a store that lost a file, which the server log shows.
            logger.LogWarning(e, "Exporting {Handle} failed", asset.Handle);
            await run.Log.WriteAsync(JobLogTypes.ExportError, LogText.Of(LogKeys.NotExported, LogText.Of(LogKeys.ReasonNotProcessable, e.GetType().Name)),
                asset.Path, asset.Type.ToString(), asset.Handle, cancellationToken: cancellationToken);
            return false;
        }
        finally
        {
            File.Delete(rendered);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string UniqueName(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var n = 2; !names.Add(candidate); n++)
        {
            candidate = $"{Path.ChangeExtension(name, null)}-{n.ToString(CultureInfo.InvariantCulture)}{Path.GetExtension(name)}";
        }

        return candidate;
    }
}
