using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Server.Admin;
using static IpsApi.IntegrationTests.AssetWork.AssetWorkSteps;

namespace IpsApi.IntegrationTests.AssetWork;

/// <summary>automatedSetGenerationJob end to end: a company's set rule turns asset names into ordered sets.</summary>
[Collection(ServerCollection.Name)]
public sealed class AutomatedSetGenerationTests(ServerFixture server)
{
    [Fact]
    public async Task A_rule_groups_assets_into_ordered_image_sets_and_a_second_run_adds_to_them()
    {
        var tenant = await server.NewTenantAsync();
        var image = TestMedia.SolidImage(20, 20, ".jpg");
        await UploadAsync(server, tenant,
        [
            ("shots/SHOE1_side.jpg", image), ("shots/SHOE1_back.jpg", image), ("shots/SHOE1_front.jpg", image),
            ("shots/BAG2_main.jpg", image), ("shots/random.jpg", image), ("shots/SHOE1_top.jpg", image),
        ]);
        Assert.Equal(0, await AdminCommand.RunAsync(["setscript", "set", tenant.CompanyHandle, "views", @"^(?<set>[A-Z0-9]+)_(?<view>\w+)\.\w+$", "ImageSet"],
            TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString));
        Assert.Equal(64, await AdminCommand.RunAsync(["setscript", "set", tenant.CompanyHandle, "bad", @"^(?<name>\w+)$", "ImageSet"],
            TextWriter.Null, TextWriter.Null, ServerFixture.ConnectionString));
        async Task<string> HandleOf(string name) => Handle(tenant, await AssetAsync(server, tenant, $"shots/{name}"));
        var first = new List<string>();
        foreach (var name in new[] { "SHOE1_side.jpg", "SHOE1_back.jpg", "BAG2_main.jpg", "random.jpg", "SHOE1_front.jpg" })
        {
            first.Add(await HandleOf(name));
        }

        var run = await GenerateAsync(tenant, "sets", first, ["views"]);

        Assert.Equal(("Done", 2, 1), (run.State, run.FileSuccess, run.FileWarning));
        var shoe = await AssetAsync(server, tenant, "sets/SHOE1");
        Assert.Equal(("ImageSet", true), (shoe.Kind, shoe.ReadyForPublish));
        Assert.Equal(["SHOE1_back.jpg", "SHOE1_front.jpg", "SHOE1_side.jpg"], await MembersAsync(server, shoe.Id));
        Assert.Equal(["BAG2_main.jpg"], await MembersAsync(server, (await AssetAsync(server, tenant, "sets/BAG2")).Id));
        var details = await server.DetailsAsync(run.Id);
        Assert.Equal("Set written with 3 members", details.Single(d => d.LogType == "SetGenerationSuccess" && d.AssetName == "sets/SHOE1").Message);
        var warnings = details.Where(d => d.LogType == "SetGenerationWarning").ToList();
        Assert.Equal(("shots/random.jpg", "The name matches no set rule; not put in a set"), (warnings.Single().AssetName, warnings.Single().Message));

        var again = await GenerateAsync(tenant, "more sets", [await HandleOf("SHOE1_top.jpg")], ["views"]);

        Assert.Equal(1, again.FileUpdate);
        var updated = await AssetAsync(server, tenant, "sets/SHOE1");
        Assert.Equal(shoe.Id, updated.Id);
        Assert.Equal(["SHOE1_back.jpg", "SHOE1_front.jpg", "SHOE1_side.jpg", "SHOE1_top.jpg"], await MembersAsync(server, updated.Id));
    }

    private Task<RunRow> GenerateAsync(TestTenant tenant, string jobName, IReadOnlyList<string> handles, IReadOnlyList<string> rules) =>
        RunAsync(server, tenant, jobName,
            $"<automatedSetGenerationJob><assetHandleArray>{Handles(handles)}</assetHandleArray><destFolder>sets/</destFolder>"
            + $"<readyForPublish>true</readyForPublish><autoSetCreationOptions><autoSetsArray>{Handles(rules)}</autoSetsArray></autoSetCreationOptions>"
            + "<emailSetting>None</emailSetting></automatedSetGenerationJob>");
}
