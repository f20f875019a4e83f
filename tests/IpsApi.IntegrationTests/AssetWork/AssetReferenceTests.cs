using System.Security;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>
/// What an asset job names (assets, a macro, modifiers, set rules): what is wrong at submit time is one 30001 fault
/// with every problem and nothing stored; what goes away between submit and run is a warning of the run.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AssetReferenceTests(ServerFixture server)
{
    private const string FarFuture = "0 0 0 1 1 ? 2099";

    [Fact]
    public async Task Malformed_foreign_and_unknown_handles_and_bad_modifiers_are_one_30001_fault_and_nothing_is_stored()
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("shoe.jpg", TestMedia.SolidImage(60, 40, ".jpg"))]);
        await UploadAsync(server, other, [("theirs.png", TestMedia.SolidImage(10, 10, ".png"))]);
        var theirs = Handle(other, await AssetAsync(server, other, "theirs.png"));
        var unknown = $"a|{tenant.CompanyHandle}|999999999";
        var handles = new[] { Handle(tenant, await AssetAsync(server, tenant, "shoe.jpg")), "shoe.jpg", theirs, unknown };

        var fault = await RefusedAsync(tenant, "export",
            $"<exportJob><assetHandleArray>{Handles(handles)}</assetHandleArray><fmt>convert</fmt>"
            + "<is_modifier>wid=100&amp;blur=3&amp;fmt=gif</is_modifier><emailSetting>None</emailSetting></exportJob>");

        Assert.Equal(("soapenv:Client", 30001), (fault.FaultCodeName, fault.FaultCode));
        Assert.Equal(string.Join("; ",
            "Invalid parameter exportJob/is_modifier: 'blur=3' is not a supported modifier (supported: wid, hei, fit, fmt, qlt, bgc, crop, scl, rotate)",
            "Invalid parameter exportJob/is_modifier: 'fmt=gif' has an invalid value",
            "Invalid parameter exportJob/assetHandleArray/items[1]: 'shoe.jpg' is not an asset handle",
            $"Invalid parameter exportJob/assetHandleArray/items[2]: '{theirs}' is an asset handle of another company",
            $"Invalid parameter exportJob/assetHandleArray/items[3]: '{unknown}' is not an asset of this company"), fault.FaultReason);
        Assert.False(Directory.Exists(Path.Combine(server.FoldersOf(tenant).Root, "exports")));
    }

    [Fact]
    public async Task An_unknown_macro_and_unknown_set_rules_are_30001_with_a_missing_field_reported_in_the_same_fault()
    {
        var tenant = await server.NewTenantAsync();
        await UploadAsync(server, tenant, [("SHOE1_side.jpg", TestMedia.SolidImage(20, 20, ".jpg"))]);
        var handle = Handle(tenant, await AssetAsync(server, tenant, "SHOE1_side.jpg"));
        Assert.Equal(0, await AdminCommand.RunAsync(["setscript", "set", tenant.CompanyHandle, "views", @"^(?<set>[A-Z0-9]+)_(?<view>\w+)\.\w+$", "ImageSet"],
            TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString));

        var macro = await RefusedAsync(tenant, "macro",
            $"<exportJob><assetHandleArray>{Handles([handle])}</assetHandleArray><fmt>convert</fmt><macro>nope</macro><emailSetting>None</emailSetting></exportJob>");
        var sets = await RefusedAsync(tenant, "sets",
            $"<automatedSetGenerationJob><assetHandleArray>{Handles([handle])}</assetHandleArray><readyForPublish>false</readyForPublish>"
            + $"<autoSetCreationOptions><autoSetsArray>{Handles(["views", "colours", "sizes"])}</autoSetsArray></autoSetCreationOptions></automatedSetGenerationJob>");

        Assert.Equal((30001, "Invalid parameter exportJob/macro: the company has no macro 'nope'"), (macro.FaultCode, macro.FaultReason));
        // Missing comes first and gives the code; the unknown rules are in the same reason.
        Assert.Equal(30002, sets.FaultCode);
        Assert.Equal(string.Join("; ",
            "Missing required parameter: automatedSetGenerationJob/emailSetting",
            "Invalid parameter automatedSetGenerationJob/autoSetCreationOptions/autoSetsArray/items[1]: the company has no set rule 'colours'",
            "Invalid parameter automatedSetGenerationJob/autoSetCreationOptions/autoSetsArray/items[2]: the company has no set rule 'sizes'"), sets.FaultReason);
    }

    [Theory]
    [InlineData("ripPdfsJob", "pdfHandleArray")]
    [InlineData("reprocessAssetsJob", "assetHandleArray")]
    public async Task Another_companys_handle_is_30001_for_every_job_over_assets(string element, string array)
    {
        var tenant = await server.NewTenantAsync();
        var other = await server.NewTenantAsync();
        await UploadAsync(server, other, [("docs/theirs.pdf", TestMedia.Pdf("Theirs"))]);
        var theirs = Handle(other, await AssetAsync(server, other, "docs/theirs.pdf"));

        var fault = await RefusedAsync(tenant, element,
            $"<{element}><{array}>{Handles([theirs])}</{array}><createMask>false</createMask><emailSetting>None</emailSetting></{element}>");

        Assert.Equal((30001, $"Invalid parameter {element}/{array}/items[0]: '{theirs}' is an asset handle of another company"),
            (fault.FaultCode, fault.FaultReason));
        Assert.Null(await AssetRow.LoadAsync(server, other.CompanyHandle, "docs/theirs-1"));
    }

    [Fact]
    public async Task What_is_gone_by_the_time_the_job_runs_is_a_warning_of_that_run()
    {
        var tenant = await server.NewTenantAsync();
        var image = TestMedia.SolidImage(20, 20, ".jpg");
        await UploadAsync(server, tenant, [("SHOE1_side.jpg", image), ("SHOE1_back.jpg", image)]);
        var kept = await AssetAsync(server, tenant, "SHOE1_side.jpg");
        var deleted = await AssetAsync(server, tenant, "SHOE1_back.jpg");
        string[] handles = [Handle(tenant, kept), Handle(tenant, deleted)];
        await AdminCommand.RunAsync(["macro", "set", tenant.CompanyHandle, "thumb", "wid=10"], TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString);
        await AdminCommand.RunAsync(["setscript", "set", tenant.CompanyHandle, "views", @"^(?<set>[A-Z0-9]+)_(?<view>\w+)\.\w+$", "ImageSet"],
            TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString);
        var orig = await server.SubmitAsync(tenant, "orig", Scheduled(
            $"<exportJob><assetHandleArray>{Handles(handles)}</assetHandleArray><fmt>orig</fmt><emailSetting>None</emailSetting></exportJob>"));
        var macro = await server.SubmitAsync(tenant, "macro", Scheduled(
            $"<exportJob><assetHandleArray>{Handles(handles)}</assetHandleArray><fmt>convert</fmt><macro>thumb</macro><emailSetting>None</emailSetting></exportJob>"));
        var sets = await server.SubmitAsync(tenant, "sets", Scheduled(
            $"<automatedSetGenerationJob><assetHandleArray>{Handles(handles)}</assetHandleArray><readyForPublish>false</readyForPublish>"
            + $"<autoSetCreationOptions><autoSetsArray>{Handles(["views"])}</autoSetsArray></autoSetCreationOptions><emailSetting>None</emailSetting>"
            + "</automatedSetGenerationJob>"));

        await server.ExecuteAsync("delete from assets where id = @id", ("id", deleted.Id));
        await server.ExecuteAsync("delete from image_macros where name = 'thumb' and company_id = (select id from companies where handle = @c)",
            ("c", tenant.CompanyHandle));
        await server.ExecuteAsync("delete from set_scripts where name = 'views' and company_id = (select id from companies where handle = @c)",
            ("c", tenant.CompanyHandle));
        using var client = new IpsClient(server.ServiceAddress, tenant);
        foreach (var handle in new[] { orig, macro, sets })
        {
            await client.ExecuteAsync(handle);
        }

        var origRun = await server.WaitForRunAsync(tenant, "orig", r => r.EndedAt is not null);
        var macroRun = await server.WaitForRunAsync(tenant, "macro", r => r.EndedAt is not null);
        var setsRun = await server.WaitForRunAsync(tenant, "sets", r => r.EndedAt is not null);

        Assert.Equal(("Done", 1, 1), (origRun.State, origRun.FileSuccess, origRun.FileWarning));
        Assert.Equal($"{handles[1]} is not an asset of this company; skipped",
            (await server.DetailsAsync(origRun.Id)).Single(d => d.LogType == "ExportWarning").Message);
        Assert.Equal(("Done", 0), (macroRun.State, macroRun.FileSuccess));
        Assert.Equal("Nothing was exported: the company has no macro thumb",
            (await server.DetailsAsync(macroRun.Id)).Single(d => d.LogType == "ExportWarning").Message);
        Assert.Equal(("Done", 0), (setsRun.State, setsRun.FileSuccess));
        Assert.Contains((await server.DetailsAsync(setsRun.Id)).Where(d => d.LogType == "SetGenerationWarning"),
            d => d.Message == "There is no set rule views; it was not applied");
        Assert.Null(await AssetRow.LoadAsync(server, tenant.CompanyHandle, "SHOE1"));
    }

    private static string Scheduled(string element) => $"<execSchedule>{SecurityElement.Escape(FarFuture)}</execSchedule>{element}";

    /// <summary>Submits the job, asserts the fault is a valid ipsApiFault, and that the company got no job, run or trigger for it.</summary>
    private async Task<SoapResponse> RefusedAsync(TestTenant tenant, string jobName, string element)
    {
        var jobsBefore = await server.CountJobsAsync(tenant.CompanyHandle);
        var response = await server.PostAsync(Envelopes.Soap11(tenant, Envelopes.SubmitJobBody(tenant.CompanyHandle, jobName, element)));
        Assert.True(response.IsFault, response.Text);
        Assert.Equal("ipsApiFault", response.FaultString);
        WireSchema.AssertValid(response.FaultDetail);
        // Quartz keys its job and triggers by the job row's id: no row, nothing to fire.
        Assert.Equal(jobsBefore, await server.CountJobsAsync(tenant.CompanyHandle));
        Assert.Empty(await server.RunsAsync(tenant, jobName));
        return response;
    }
}
