using System.Xml.Linq;
using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.AssetOperations;
using IpsApi.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;
using IpsApi.Jobs.Engine.Running;
using IpsApi.Jobs.Store;
using IpsApi.Jobs.JobLog;

namespace IpsApi.IntegrationTests.Interop.Golden;

/// <summary>The state a golden request finds, in a company of its own: the same every replay.</summary>
public enum GoldenState
{
    /// <summary>An empty company.</summary>
    Empty,

    /// <summary>"golden scheduled": a cron job whose first fire is in 2099 ({{jobHandle}}).</summary>
    Scheduled,

    /// <summary>The same, paused.</summary>
    Paused,

    /// <summary>"golden finished": a serverDirectoryPublishJob over an empty folder, run to its end ({{runHandle}}).</summary>
    Finished,

    /// <summary>Finished, plus one record about asset a|golden-asset, with an aux entry.</summary>
    Asset,

    /// <summary>"golden running": a run of the slow optimizeImagesJob held at its first step ({{runHandle}}).</summary>
    Running,

    /// <summary>
    /// Empty folders made with createFolder: products/ ({{parentFolderHandle}}), products/shoes/ ({{folderHandle}})
    /// and archive/ ({{destFolderHandle}}), beside the company's root folder ({{rootFolderHandle}}).
    /// </summary>
    Folders,

    /// <summary>The folder full/ ({{folderHandle}}) holding one image, full/a.png, put there by an uploadUrlsJob.</summary>
    FolderWithAsset,

    /// <summary>
    /// Assets in folder golden/ ({{folderHandle}}): one.jpg with metadata color=red ({{asset1}}), two.jpg ({{asset2}}),
    /// doc.pdf ({{asset3}}), old.jpg in the trash ({{asset4}}), doc-1.jpg, a page ripped from doc.pdf ({{asset5}}); and
    /// the empty folder golden/archive/ ({{destFolderHandle}}).
    /// </summary>
    Assets,
}

/// <summary>Builds a <see cref="GoldenState"/> and takes it down again.</summary>
public sealed class GoldenScene(ServerFixture server, TestTenant tenant) : IAsyncDisposable
{
    private NpgsqlConnection? _stepLock;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal)
    {
        ["company"] = tenant.CompanyHandle,
        ["user"] = tenant.Email,
        ["password"] = tenant.Password,
        ["companyName"] = tenant.CompanyName,
    };

    /// <summary>The handles of the folders this scene made (the names of <see cref="Values"/> that hold one).</summary>
    public IReadOnlyDictionary<string, string> FolderHandles =>
        Values.Where(v => v.Key == "folderHandle" || v.Key.EndsWith("FolderHandle", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value);

    /// <summary>The handles of the assets this scene made ({{asset1}}, {{asset2}}, ...).</summary>
    public IReadOnlyDictionary<string, string> AssetHandles =>
        Values.Where(v => v.Key.StartsWith("asset", StringComparison.Ordinal) && v.Key.Length > 5 && char.IsAsciiDigit(v.Key[5]))
            .ToDictionary(v => v.Key, v => v.Value);

    /// <summary>The folder and asset handles this scene made, by placeholder name.</summary>
    public IReadOnlyDictionary<string, string> Handles => FolderHandles.Concat(AssetHandles).ToDictionary(v => v.Key, v => v.Value);

    public async Task EnterAsync(GoldenState state)
    {
        switch (state)
        {
            case GoldenState.Scheduled or GoldenState.Paused:
                Values["jobHandle"] = await server.SubmitAsync(tenant, "golden scheduled", $"<execSchedule>{FarFutureCron}</execSchedule>{ImageServingPublish}");
                if (state == GoldenState.Paused)
                {
                    await CallAsync(ControlJob(Unversioned, "pauseJob", tenant.CompanyHandle, Values["jobHandle"]));
                }

                break;
            case GoldenState.Finished or GoldenState.Asset:
                // The company's server folder does not even exist: nothing to publish, nothing that varies.
                await server.SubmitAsync(tenant, "golden finished", ServerDirectoryPublish);
                var finished = await server.WaitForRunAsync(tenant, "golden finished", r => r.EndedAt is not null);
                Values["runHandle"] = $"{tenant.CompanyHandle}|golden finished|{finished.InstanceName}|{finished.Id}";
                if (state == GoldenState.Asset)
                {
                    // A record as an executor writes it about an asset (no executor of the in-process server names assets yet).
                    var writer = new JobLogWriter(finished.Id, server.Services.GetRequiredService<RunStore>());
                    await writer.WriteAsync("ServerDirectoryPublishSuccess", LogText.Of(LogKeys.Published), "golden.jpg", "MasterImage", "a|golden-asset",
                        [new JobLogAux("FileProgress", "copied", DateTimeOffset.UtcNow)]);
                }

                break;
            case GoldenState.Running:
                await HoldRunAtFirstStepAsync();
                break;
            case GoldenState.Folders:
                Values["rootFolderHandle"] = await FolderHandleAsync("");
                Values["folderHandle"] = await CreateFolderAsync("products/shoes");
                Values["parentFolderHandle"] = await FolderHandleAsync("products");
                Values["destFolderHandle"] = await CreateFolderAsync("archive");
                break;
            case GoldenState.FolderWithAsset:
                await AssetWork.AssetWorkSteps.UploadAsync(server, tenant, [("full/a.png", TestMedia.SolidImage(8, 8, ".png"))]);
                Values["rootFolderHandle"] = await FolderHandleAsync("");
                Values["folderHandle"] = await FolderHandleAsync("full");
                break;
            case GoldenState.Assets:
                await AddAssetsAsync();
                break;
        }
    }

    /// <summary>The assets of <see cref="GoldenState.Assets"/>, written through the server's store: the same rows every replay.</summary>
    private async Task AddAssetsAsync()
    {
        Values["asset1"] = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "golden/one.jpg", size: 1000,
            metadata: new Dictionary<string, string> { ["color"] = "red" }));
        Values["asset2"] = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "golden/two.jpg", size: 2000));
        var pdf = await AssetSteps.AddAsync(server, tenant, "golden/doc.pdf", AssetType.Pdf, size: 3000);
        Values["asset3"] = AssetSteps.Handle(tenant, pdf);
        Values["asset5"] = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "golden/doc-1.jpg", size: 500, ripFrom: pdf.Id));
        var old = await AssetSteps.AddAsync(server, tenant, "golden/old.jpg", size: 4000);
        Values["asset4"] = AssetSteps.Handle(tenant, old);
        await CallAsync($"<deleteAssetParam xmlns=\"{Unversioned}\"><companyHandle>{tenant.CompanyHandle}</companyHandle><assetHandle>{Values["asset4"]}</assetHandle></deleteAssetParam>");
        Values["folderHandle"] = await FolderHandleAsync("golden");
        Values["destFolderHandle"] = await CreateFolderAsync("golden/archive");
    }

    private async Task<string> CreateFolderAsync(string path) =>
        (string)(await CallAsync(CreateFolder(Unversioned, tenant.CompanyHandle, path))).Element(SoapResponse.Ips + "folderHandle")!;

    /// <summary>The handle of a folder that exists, as getFolders gives it ("" is the company's root).</summary>
    private async Task<string> FolderHandleAsync(string path) =>
        (string)(await CallAsync(GetFolders(Unversioned, tenant.CompanyHandle, $"{tenant.CompanyName}/{path}")))
            .Element(SoapResponse.Ips + "folderArray")!.Elements(SoapResponse.Ips + "items").First().Element(SoapResponse.Ips + "folderHandle")!;

    /// <summary>
    /// The slow executor records each step in test_side_effects before it reports progress. With that table locked,
    /// its run stops right after writing TotalFileCount: Running, 40 files, progress 0, for as long as the lock lasts.
    /// </summary>
    private async Task HoldRunAtFirstStepAsync()
    {
        _stepLock = await server.Db.OpenConnectionAsync();
        await using (var begin = new NpgsqlCommand("begin; lock table test_side_effects in exclusive mode", _stepLock))
        {
            await begin.ExecuteNonQueryAsync();
        }

        await server.SubmitAsync(tenant, "golden running", SlowOptimizeImages);
        var run = await server.WaitForRunAsync(tenant, "golden running", r => r.State == "Running");
        await Eventually.WaitAsync(() => server.DetailsAsync(run.Id), d => d.Any(x => x.LogType == "TotalFileCount"), "the run's TotalFileCount record");
        Values["runHandle"] = $"{tenant.CompanyHandle}|golden running|{run.InstanceName}|{run.Id}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_stepLock is null)
        {
            return;
        }

        // Stop the held run (the stopJob golden may have done so already), then let it go and wait for its end.
        await CallAsync(ControlJob(Unversioned, "stopJob", tenant.CompanyHandle, Values["runHandle"]), mayFault: true);
        await _stepLock.DisposeAsync();
        await server.WaitForRunAsync(tenant, "golden running", r => r.EndedAt is not null);
    }

    private const string Unversioned = "http://www.scene7.com/IpsApi/xsd";

    private async Task<XElement> CallAsync(string body, bool mayFault = false)
    {
        var response = await server.PostAsync(Envelope(false, AuthHeader(Unversioned, tenant.Email, tenant.Password), body));
        Assert.True(mayFault || !response.IsFault, response.Text);
        return response.BodyElement;
    }
}
