using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using IpsApi.IntegrationTests.AssetOperations;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Accounts;
using IpsApi.Wire;
using Microsoft.Extensions.DependencyInjection;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// A .NET System.ServiceModel client over SOAP 1.1 (BasicHttpBinding) and SOAP 1.2 (a custom binding, as
/// svcutil writes one for the WSDL's IpsApiSoap12Port): every operation of the server, and each fault caught typed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ServiceModelStackTests(ServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ServiceModel_client_calls_every_operation(bool soap12)
    {
        var tenant = await server.NewTenantAsync();
        using var factory = Factory(soap12);
        var channel = factory.CreateChannel();
        var api = RecordingApi.Around(channel);
        var auth = new AuthHeader { User = tenant.Email, Password = tenant.Password, AppName = "wcf" };

        await JobOperationsAsync(api, tenant, auth);
        await CompanyOperationsAsync(api, tenant, auth);
        await FolderOperationsAsync(api, tenant, auth);
        await AssetOperationsAsync(api, tenant, auth);

        Assert.Equal(Operations, ((RecordingApi)(object)api).Called.Distinct().Order(StringComparer.Ordinal));
        ((IClientChannel)channel).Close();
    }

    private async Task JobOperationsAsync(IIpsApi api, TestTenant tenant, AuthHeader auth)
    {
        var company = tenant.CompanyHandle;

        var handle = (await api.SubmitJobAsync(new SubmitJobRequest
        {
            AuthHeader = auth,
            SubmitJobParam = new SubmitJobParam
            {
                CompanyHandle = company,
                JobName = "wcf scheduled",
                ExecSchedule = FarFutureCron,
                ImageServingPublishJob = new ImageServingPublishJob { PublishType = "Full", EmailSetting = "None" },
            },
        })).SubmitJobReturn.JobHandle;
        Assert.Equal($"{company}|wcf scheduled|", handle);

        var scheduled = (await api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = company, JobHandle = handle },
        })).GetScheduledJobsReturn.JobArray!.Items.Single();
        Assert.Equal(("Normal", 2099), (scheduled.TriggerState, scheduled.NextFireTime!.Value.Year));

        await api.PauseJobAsync(new PauseJobRequest { AuthHeader = auth, PauseJobParam = new PauseJobParam { CompanyHandle = company, JobHandle = handle } });
        await api.ResumeJobAsync(new ResumeJobRequest { AuthHeader = auth, ResumeJobParam = new ResumeJobParam { CompanyHandle = company, JobHandle = handle } });
        await api.ExecuteJobAsync(new ExecuteJobRequest { AuthHeader = auth, ExecuteJobParam = new ExecuteJobParam { CompanyHandle = company, JobHandle = handle } });
        await server.WaitForRunAsync(tenant, "wcf scheduled", r => r.EndedAt is not null);

        var logs = (await api.GetJobLogsAsync(new GetJobLogsRequest
        {
            AuthHeader = auth,
            GetJobLogsParam = new GetJobLogsParam { CompanyHandle = company },
        })).GetJobLogsReturn.JobLogArray!.Items;
        Assert.Equal("wcf scheduled", Assert.Single(logs).JobName);
        var details = (await api.GetJobLogDetailsAsync(new GetJobLogDetailsRequest
        {
            AuthHeader = auth,
            GetJobLogDetailsParam = new GetJobLogDetailsParam { CompanyHandle = company, OriginalName = "wcf scheduled" },
        })).GetJobLogDetailsReturn.JobLogArray!.Items.Single();
        Assert.Equal(details.DetailTotalRows, details.DetailArray!.Items.Count);
        var assets = (await api.GetAssetJobLogsAsync(new GetAssetJobLogsRequest
        {
            AuthHeader = auth,
            GetAssetJobLogsParam = new GetAssetJobLogsParam { CompanyHandle = company, AssetHandle = "a|never-named" },
        })).GetAssetJobLogsReturn.JobLogArray!.Items;
        Assert.Empty(assets);

        await api.SubmitJobAsync(new SubmitJobRequest
        {
            AuthHeader = auth,
            SubmitJobParam = new SubmitJobParam { CompanyHandle = company, JobName = "wcf running", OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "None" } },
        });
        await server.WaitForRunAsync(tenant, "wcf running", r => r.State == "Running");
        var running = (await api.GetActiveJobsAsync(new GetActiveJobsRequest
        {
            AuthHeader = auth,
            GetActiveJobsParam = new GetActiveJobsParam { CompanyHandle = company },
        })).GetActiveJobsReturn.JobArray!.Items.Single();
        Assert.Equal(("wcf running", "Running", "ImageOptimization"), (running.Name, running.State, running.Type));
        await api.StopJobAsync(new StopJobRequest { AuthHeader = auth, StopJobParam = new StopJobParam { CompanyHandle = company, JobHandle = running.JobHandle } });
        await server.WaitForRunAsync(tenant, "wcf running", r => r.EndedAt is not null);

        await api.DeleteJobAsync(new DeleteJobRequest { AuthHeader = auth, DeleteJobParam = new DeleteJobParam { CompanyHandle = company, JobHandle = handle } });
        Assert.Empty((await api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = company },
        })).GetScheduledJobsReturn.JobArray!.Items);
    }

    /// <summary>The company by its name, the caller, its membership and login, and (as a company admin) the settings.</summary>
    private async Task CompanyOperationsAsync(IIpsApi api, TestTenant tenant, AuthHeader auth)
    {
        var company = tenant.CompanyHandle;
        await server.ExecuteAsync("update companies set expires = '2101-01-31T23:00:00Z' where handle = @handle", ("handle", company));

        var info = (await api.GetCompanyInfoAsync(new GetCompanyInfoRequest
        {
            AuthHeader = auth,
            GetCompanyInfoParam = new GetCompanyInfoParam { CompanyName = tenant.CompanyName },
        })).GetCompanyInfoReturn.CompanyInfo!;
        Assert.Equal((company, tenant.CompanyName, $"{tenant.CompanyName}/"), (info.CompanyHandle, info.Name, info.RootPath));
        Assert.Equal(new DateTime(2101, 1, 31, 23, 0, 0, DateTimeKind.Utc), info.Expires!.Value.ToUniversalTime());

        var membership = (await api.GetCompanyMembershipAsync(new GetCompanyMembershipRequest
        {
            AuthHeader = auth,
            GetCompanyMembershipParam = new GetCompanyMembershipParam(),
        })).GetCompanyMembershipReturn.MembershipArray!.Items.Single();
        Assert.Equal((company, "IpsUser", true), (membership.Company!.CompanyHandle, membership.Role, membership.IsActive));

        var user = (await api.GetUserInfoAsync(new GetUserInfoRequest
        {
            AuthHeader = auth,
            GetUserInfoParam = new GetUserInfoParam { Email = tenant.Email },
        })).GetUserInfoReturn.UserInfo!;
        Assert.Equal((tenant.UserHandle, tenant.Email, "IpsUser", true), (user.UserHandle, user.Email, user.DefaultRole, user.IsValid));

        async Task<string?> LoginAsync(string password) => (await api.CheckLoginAsync(new CheckLoginRequest
        {
            AuthHeader = auth,
            CheckLoginParam = new CheckLoginParam { CompanyHandle = company, Email = tenant.Email, Password = password },
        })).CheckLoginReturn.Status;
        Assert.Equal(("ValidLogin", "InvalidLogin"), (await LoginAsync(tenant.Password), await LoginAsync("not the password")));

        var admin = await server.NewColleagueAsync(tenant, UserRole.IpsCompanyAdmin);
        var settings = (await api.GetCompanySettingsAsync(new GetCompanySettingsRequest
        {
            AuthHeader = new AuthHeader { User = admin.Email, Password = admin.Password, AppName = "wcf" },
            GetCompanySettingsParam = new GetCompanySettingsParam { CompanyHandle = company },
        })).GetCompanySettingsReturn.Settings!;
        Assert.Equal(server.Services.GetRequiredService<ServerTimeZone>().Zone.Id, settings.TimeZone);
    }

    /// <summary>Folders created in two path forms, listed, renamed and moved under the same handle, shown as a tree, deleted.</summary>
    private static async Task FolderOperationsAsync(IIpsApi api, TestTenant tenant, AuthHeader auth)
    {
        var company = tenant.CompanyHandle;
        var root = tenant.CompanyName;

        async Task<string> CreateAsync(string path) => (await api.CreateFolderAsync(new CreateFolderRequest
        {
            AuthHeader = auth,
            CreateFolderParam = new CreateFolderParam { CompanyHandle = company, FolderPath = path },
        })).CreateFolderReturn.FolderHandle!;

        async Task<Folder> TreeAsync(string? path, int depth) => (await api.GetFolderTreeAsync(new GetFolderTreeRequest
        {
            AuthHeader = auth,
            GetFolderTreeParam = new GetFolderTreeParam { CompanyHandle = company, FolderPath = path, Depth = depth },
        })).GetFolderTreeReturn.Folders!.Items.Single();

        var shoes = await CreateAsync($"/{root}/products/shoes/");
        var archive = await CreateAsync("archive");

        var products = (await api.GetFoldersAsync(new GetFoldersRequest
        {
            AuthHeader = auth,
            GetFoldersParam = new GetFoldersParam { CompanyHandle = company, FolderPath = "products" },
        })).GetFoldersReturn.FolderArray!.Items;
        Assert.Equal([$"{root}/products/", $"{root}/products/shoes/"], products.Select(f => f.Path));
        Assert.Equal((shoes, false), (products[1].FolderHandle, products[1].HasSubfolders));
        Assert.NotNull(products[1].LastModified);

        var renamed = (await api.RenameFolderAsync(new RenameFolderRequest
        {
            AuthHeader = auth,
            RenameFolderParam = new RenameFolderParam { CompanyHandle = company, FolderHandle = shoes, FolderName = "boots" },
        })).RenameFolderReturn.FolderHandle;
        var moved = (await api.MoveFolderAsync(new MoveFolderRequest
        {
            AuthHeader = auth,
            MoveFolderParam = new MoveFolderParam { CompanyHandle = company, FolderHandle = shoes, DestFolderHandle = archive },
        })).MoveFolderReturn.FolderHandle;
        Assert.Equal((shoes, shoes), (renamed, moved));

        var tree = await TreeAsync(null, -1);
        Assert.Equal(($"{root}/", true), (tree.Path, tree.HasSubfolders));
        Assert.Equal([$"{root}/archive/", $"{root}/products/"], tree.SubfolderArray!.Items.Select(f => f.Path));
        var boots = tree.SubfolderArray.Items[0].SubfolderArray!.Items.Single();
        Assert.Equal((shoes, $"{root}/archive/boots/"), (boots.FolderHandle, boots.Path));

        await api.DeleteFolderAsync(new DeleteFolderRequest
        {
            AuthHeader = auth,
            DeleteFolderParam = new DeleteFolderParam { CompanyHandle = company, FolderHandle = shoes },
        });
        var emptied = await TreeAsync($"{root}/archive/", 1);
        Assert.Equal((false, null), (emptied.HasSubfolders, emptied.SubfolderArray));
    }

    /// <summary>
    /// Assets written through the server's store found by name, handle, folder and metadata, counted, given metadata
    /// and a publish state, renamed, moved and sent through the trash; and a fault of one, typed.
    /// </summary>
    private async Task AssetOperationsAsync(IIpsApi api, TestTenant tenant, AuthHeader auth)
    {
        var company = tenant.CompanyHandle;
        var one = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "sm/one.jpg"));
        var two = AssetSteps.Handle(tenant, await AssetSteps.AddAsync(server, tenant, "sm/two.pdf", IpsApi.Assets.Store.AssetType.Pdf));
        var folder = (await api.CreateFolderAsync(new CreateFolderRequest
        {
            AuthHeader = auth, CreateFolderParam = new CreateFolderParam { CompanyHandle = company, FolderPath = "sm/archive" },
        })).CreateFolderReturn.FolderHandle!;

        var byName = (await api.GetAssetsByNameAsync(new GetAssetsByNameRequest
        {
            AuthHeader = auth, GetAssetsByNameParam = new GetAssetsByNameParam { CompanyHandle = company, NameArray = new StringArray { Items = ["one", "two"] } },
        })).GetAssetsByNameReturn.AssetArray!.Items;
        Assert.Equal([(one, "Image"), (two, "Pdf")], byName.Select(a => (a.AssetHandle, a.Type)));
        var asked = (await api.GetAssetsAsync(new GetAssetsRequest
        {
            AuthHeader = auth,
            GetAssetsParam = new GetAssetsParam
            {
                CompanyHandle = company, AssetHandleArray = new HandleArray { Items = [two] }, ResponseFieldArray = new StringArray { Items = ["name", "pdfInfo"] },
            },
        })).GetAssetsReturn.AssetArray!.Items.Single();
        Assert.Equal(("two", null, 100), (asked.Name, asked.AssetHandle, asked.PdfInfo!.FileSize));
        await api.RenameAssetAsync(new RenameAssetRequest
        {
            AuthHeader = auth, RenameAssetParam = new RenameAssetParam { CompanyHandle = company, AssetHandle = one, NewName = "uno", ValidateName = true },
        });
        var page = (await api.SearchAssetsAsync(new SearchAssetsRequest
        {
            AuthHeader = auth,
            SearchAssetsParam = new SearchAssetsParam { CompanyHandle = company, Folder = "sm", RecordsPerPage = 1, ResultsPage = 2, SortBy = "Name" },
        })).SearchAssetsReturn;
        Assert.Equal((2, "uno.jpg"), (page.TotalRows, page.AssetArray!.Items.Single().FileName));

        var counts = (await api.GetAssetCountsAsync(new GetAssetCountsRequest { AuthHeader = auth, GetAssetCountsParam = new GetAssetCountsParam { CompanyHandle = company } }))
            .GetAssetCountsReturn.CountArray!.Items;
        Assert.Equal(["Image:1", "Pdf:1"], counts.Select(c => $"{c.AssetType}:{c.Count}"));

        await api.SetAssetMetadataAsync(new SetAssetMetadataRequest
        {
            AuthHeader = auth,
            SetAssetMetadataParam = new SetAssetMetadataParam
            {
                CompanyHandle = company, AssetHandle = one,
                UpdateArray = new MetadataUpdateArray { Items = [new MetadataUpdate { FieldHandle = "sku", Value = "A-100" }] },
            },
        });
        var batch = (await api.BatchSetAssetMetadataAsync(new BatchSetAssetMetadataRequest
        {
            AuthHeader = auth,
            BatchSetAssetMetadataParam = new BatchSetAssetMetadataParam
            {
                CompanyHandle = company,
                UpdateArray = new BatchMetadataUpdateArray
                {
                    Items =
                    [
                        new BatchMetadataUpdate
                        {
                            AssetHandleArray = new HandleArray { Items = [one, two] },
                            UpdateArray = new MetadataUpdateArray { Items = [new MetadataUpdate { FieldHandle = "season", BoolVal = true }] },
                        },
                    ],
                },
            },
        })).BatchSetAssetMetadataReturn;
        Assert.Equal((2, 0, 0), (batch.SuccessCount, batch.WarningCount, batch.ErrorCount));
        var fields = (await api.GetMetadataFieldsAsync(new GetMetadataFieldsRequest
        {
            AuthHeader = auth, GetMetadataFieldsParam = new GetMetadataFieldsParam { CompanyHandle = company, AssetType = "Image" },
        })).GetMetadataFieldsReturn.FieldArray!.Items;
        Assert.Equal(["season", "sku"], fields.Select(f => f.FieldHandle));

        var found = (await api.SearchAssetsByMetadataAsync(new SearchAssetsByMetadataRequest
        {
            AuthHeader = auth,
            SearchAssetsByMetadataParam = new SearchAssetsByMetadataParam
            {
                CompanyHandle = company,
                MetadataConditionArray = new MetadataConditionArray { Items = [new MetadataCondition { FieldHandle = "sku", Op = "StartsWith", Value = "a-1" }] },
                ResponseMetadataArray = new StringArray { Items = ["sku"] },
            },
        })).SearchAssetsByMetadataReturn;
        Assert.Equal(1, found.TotalRows);
        Assert.Equal(("uno", "A-100"), (found.AssetSummaryArray!.Items[0].Name, found.AssetSummaryArray.Items[0].MetadataArray!.Items[0].Value));

        await api.SetAssetPublishStateAsync(new SetAssetPublishStateRequest
        {
            AuthHeader = auth, SetAssetPublishStateParam = new SetAssetPublishStateParam { CompanyHandle = company, AssetHandle = one, PublishState = "MarkedForPublish" },
        });
        var states = (await api.SetAssetsPublishStateAsync(new SetAssetsPublishStateRequest
        {
            AuthHeader = auth,
            SetAssetsPublishStateParam = new SetAssetsPublishStateParam
            {
                CompanyHandle = company,
                PublishStateUpdateArray = new PublishStateUpdateArray { Items = [new PublishStateUpdate { AssetHandle = two, PublishState = "MarkedForPublish" }] },
            },
        })).SetAssetsPublishStateReturn;
        Assert.Equal(1, states.SuccessCount);

        await api.MoveAssetAsync(new MoveAssetRequest
        {
            AuthHeader = auth, MoveAssetParam = new MoveAssetParam { CompanyHandle = company, AssetHandle = one, FolderHandle = folder },
        });
        var moved = (await api.MoveAssetsAsync(new MoveAssetsRequest
        {
            AuthHeader = auth,
            MoveAssetsParam = new MoveAssetsParam
            {
                CompanyHandle = company, AssetMoveArray = new AssetMoveArray { Items = [new AssetMove { AssetHandle = two, FolderHandle = folder }] },
            },
        })).MoveAssetsReturn;
        Assert.Equal(1, moved.SuccessCount);

        var associated = (await api.GetAssociatedAssetsAsync(new GetAssociatedAssetsRequest
        {
            AuthHeader = auth, GetAssociatedAssetsParam = new GetAssociatedAssetsParam { CompanyHandle = company, AssetHandle = one },
        })).GetAssociatedAssetsReturn;
        Assert.Null(associated.ContainerArray);

        await api.DeleteAssetAsync(new DeleteAssetRequest
        {
            AuthHeader = auth, DeleteAssetParam = new DeleteAssetParam { CompanyHandle = company, AssetHandle = two },
        });
        var handles = new HandleArray { Items = [one, two] };
        var deleted = (await api.DeleteAssetsAsync(new DeleteAssetsRequest
        {
            AuthHeader = auth, DeleteAssetsParam = new DeleteAssetsParam { CompanyHandle = company, AssetHandleArray = handles },
        })).DeleteAssetsReturn;
        var restored = (await api.RestoreAssetsFromTrashAsync(new RestoreAssetsFromTrashRequest
        {
            AuthHeader = auth, RestoreAssetsFromTrashParam = new RestoreAssetsFromTrashParam { CompanyHandle = company, AssetHandleArray = new HandleArray { Items = [one] } },
        })).RestoreAssetsFromTrashReturn;
        var emptied = (await api.EmptyAssetsFromTrashAsync(new EmptyAssetsFromTrashRequest
        {
            AuthHeader = auth, EmptyAssetsFromTrashParam = new EmptyAssetsFromTrashParam { CompanyHandle = company, AssetHandleArray = handles },
        })).EmptyAssetsFromTrashReturn;
        Assert.Equal((2, 1, 1, 1), (deleted.SuccessCount, restored.SuccessCount, emptied.SuccessCount, emptied.ErrorCount));
        Assert.Equal(one, emptied.ErrorDetailArray!.Items.Single().AssetHandle);

        var fault = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => api.RenameAssetAsync(new RenameAssetRequest
        {
            AuthHeader = auth, RenameAssetParam = new RenameAssetParam { CompanyHandle = company, AssetHandle = two, NewName = "x", ValidateName = false },
        }));
        Assert.Equal(30001, fault.Detail.Code);
        Assert.Contains("no asset", fault.Detail.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ServiceModel_client_catches_each_fault_typed_with_code_and_reason(bool soap12)
    {
        var tenant = await server.NewTenantAsync();
        using var factory = Factory(soap12);
        var api = factory.CreateChannel();
        var auth = new AuthHeader { User = tenant.Email, Password = tenant.Password };
        var callerCode = soap12 ? "Sender" : "Client";

        var missing = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => api.SubmitJobAsync(new SubmitJobRequest
        {
            AuthHeader = auth,
            SubmitJobParam = new SubmitJobParam { CompanyHandle = tenant.CompanyHandle, JobName = "", OptimizeImagesJob = new OptimizeImagesJob { EmailSetting = "None" } },
        }));
        var company = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => api.GetScheduledJobsAsync(new GetScheduledJobsRequest
        {
            AuthHeader = auth,
            GetScheduledJobsParam = new GetScheduledJobsParam { CompanyHandle = "no-such-company" },
        }));
        var notRunning = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => api.StopJobAsync(new StopJobRequest
        {
            AuthHeader = auth,
            StopJobParam = new StopJobParam { CompanyHandle = tenant.CompanyHandle, JobHandle = $"{tenant.CompanyHandle}|no such job|" },
        }));
        var password = await Assert.ThrowsAsync<FaultException<AuthenticationFault>>(() => api.GetActiveJobsAsync(new GetActiveJobsRequest
        {
            AuthHeader = new AuthHeader { User = tenant.Email, Password = "not the password" },
            GetActiveJobsParam = new GetActiveJobsParam { CompanyHandle = tenant.CompanyHandle },
        }));
        var unknownCompany = await Assert.ThrowsAsync<FaultException<AuthorizationFault>>(() => api.GetCompanyInfoAsync(new GetCompanyInfoRequest
        {
            AuthHeader = auth,
            GetCompanyInfoParam = new GetCompanyInfoParam { CompanyName = "No Such Company" },
        }));
        var badPath = await Assert.ThrowsAsync<FaultException<IpsApiFault>>(() => api.CreateFolderAsync(new CreateFolderRequest
        {
            AuthHeader = auth,
            CreateFolderParam = new CreateFolderParam { CompanyHandle = tenant.CompanyHandle, FolderPath = "products/../../escape" },
        }));

        Assert.Equal((callerCode, "ipsApiFault", 30002, "Missing required parameter: jobName"),
            (missing.Code.Name, missing.Reason.ToString(), missing.Detail.Code, missing.Detail.Reason));
        Assert.Equal((callerCode, "AuthorizationException", 20006, "Illegal company: the user is not a member of company no-such-company"),
            (company.Code.Name, company.Reason.ToString(), company.Detail.Code, company.Detail.Reason));
        Assert.Equal((callerCode, 30001), (notRunning.Code.Name, notRunning.Detail.Code));
        Assert.Equal((callerCode, "AuthenticationException", 10001, "Invalid credentials"),
            (password.Code.Name, password.Reason.ToString(), password.Detail.Code, password.Detail.Reason));
        Assert.Equal((callerCode, "AuthorizationException", 20006, "Illegal company: the user is not a member of company No Such Company"),
            (unknownCompany.Code.Name, unknownCompany.Reason.ToString(), unknownCompany.Detail.Code, unknownCompany.Detail.Reason));
        Assert.Equal((callerCode, "ipsApiFault", 30001, "Invalid parameter folderPath: 'products/../../escape' ('..' is not allowed)"),
            (badPath.Code.Name, badPath.Reason.ToString(), badPath.Detail.Code, badPath.Detail.Reason));
        ((IClientChannel)api).Abort();
    }

    private sealed class DisposableFactory(ChannelFactory<IIpsApi> factory) : IDisposable
    {
        public IIpsApi CreateChannel() => factory.CreateChannel();

        public void Dispose()
        {
            if (factory.State == CommunicationState.Opened)
            {
                factory.Close();
            }
            else
            {
                factory.Abort();
            }
        }
    }

    private DisposableFactory Factory(bool soap12)
    {
        Binding binding = soap12
            ? new CustomBinding(new TextMessageEncodingBindingElement(MessageVersion.Soap12, Encoding.UTF8), new HttpTransportBindingElement())
            : new BasicHttpBinding();
        return new DisposableFactory(new ChannelFactory<IIpsApi>(binding, new EndpointAddress(server.ServiceAddress)));
    }
}
