using IpsApi.Assets.Store;
using IpsApi.IntegrationTests.Infrastructure;
using static IpsApi.IntegrationTests.AssetOperations.AssetSteps;
using static IpsApi.IntegrationTests.Companies.Calls;

namespace IpsApi.IntegrationTests.AssetOperations;

/// <summary>searchAssets and searchAssetsByMetadata: folders, types, conditions, paging, sorting, and what is refused.</summary>
[Collection(ServerCollection.Name)]
public sealed class SearchAssetsTests(ServerFixture server)
{
    [Fact]
    public async Task A_folder_is_searched_alone_or_with_its_subfolders_and_paged_with_totalRows_right_on_every_page()
    {
        var tenant = await server.NewTenantAsync();
        foreach (var name in new[] { "e", "c", "a", "d", "b" })
        {
            await AddAsync(server, tenant, $"shop/{name}.jpg");
        }

        await AddAsync(server, tenant, "shop/inner/f.jpg");
        await AddAsync(server, tenant, "shopping/g.jpg");
        await AddAsync(server, tenant, "h.jpg");

        Assert.Equal(("a,b,c,d,e", 5), await FoundAsync(server, tenant, Text("folder", "shop")));
        Assert.Equal(("a,b,c,d,e,f", 6),
            await FoundAsync(server, tenant, Text("folder", $"/{tenant.CompanyName}/shop/") + "<includeSubfolders>true</includeSubfolders>"));
        Assert.Equal(("h", 1), await FoundAsync(server, tenant, ""));
        Assert.Equal(8, (await SearchAsync(server, tenant, "<includeSubfolders>true</includeSubfolders>")).Total);

        var pages = new List<(string, int)>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await FoundAsync(server, tenant,
                Text("folder", "shop") + $"<recordsPerPage>2</recordsPerPage><resultsPage>{page}</resultsPage><sortBy>Name</sortBy><sortDirection>Descending</sortDirection>"));
        }

        Assert.Equal([("e,d", 5), ("c,b", 5), ("a", 5), ("", 5)], pages);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "searchAssets", Company(tenant) + Text("folder", "nowhere"))).Code);
        Assert.Equal(30001, (await FaultAsync(server, tenant, "searchAssets", Company(tenant) + "<resultsPage>0</resultsPage>")).Code);
    }

    [Fact]
    public async Task System_field_conditions_test_name_file_name_size_and_dates_and_combine_as_the_match_mode_says()
    {
        var tenant = await server.NewTenantAsync();
        await AddAsync(server, tenant, "p/SKU100_front.jpg", size: 10);
        await AddAsync(server, tenant, "p/SKU100_back.png", size: 2000);
        await AddAsync(server, tenant, "p/SKU200_front.jpg", size: 500);
        await AddAsync(server, tenant, "p/other.pdf", AssetType.Pdf, size: 5);
        var everything = Text("folder", "p");

        static string Condition(string field, string op, string values) =>
            $"<items><field>{field}</field><op>{op}</op>{values}</items>";

        // Elements in the schema's order, as clients write them: the match mode before the conditions, the sort after.
        async Task<List<string>> Find(string conditions, string mode = "", string sort = "") =>
            [.. (await SearchAsync(server, tenant, everything + mode + $"<systemFieldConditionArray>{conditions}</systemFieldConditionArray>{sort}")).Names];

        Assert.Equal(["SKU100_back", "SKU100_front"], await Find(Condition("Name", "StartsWith", "<value>sku100</value>")));
        Assert.Equal(["SKU100_front", "SKU200_front"], await Find(Condition("FileName", "EndsWith", "<value>_front.JPG</value>")));
        Assert.Equal(["other"], await Find(Condition("Name", "NotContains", "<value>sku</value>")));
        Assert.Equal(["SKU100_back", "SKU200_front"], await Find(Condition("FileSize", "GreaterThan", "<longVal>100</longVal>")));
        Assert.Equal(["SKU200_front"], await Find(Condition("FileSize", "Between", "<minLong>100</minLong><maxLong>1000</maxLong>")));
        var now = DateTime.UtcNow;
        Assert.Equal(4, (await Find(Condition("Created", "Between",
            $"<minDate>{now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}</minDate><maxDate>{now.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</maxDate>"))).Count);
        Assert.Empty(await Find(Condition("LastModified", "LessThan", $"<dateVal>{now.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}</dateVal>")));
        Assert.Equal(["SKU100_front"], await Find(Condition("Name", "StartsWith", "<value>SKU1</value>") + Condition("FileSize", "LessThan", "<longVal>100</longVal>")));
        Assert.Equal(["SKU100_front", "other"], await Find(
            Condition("FileSize", "Equals", "<longVal>10</longVal>") + Condition("FileSize", "Equals", "<longVal>5</longVal>"),
            "<systemFieldMatchMode>MatchAny</systemFieldMatchMode>", "<sortBy>FileSize</sortBy><sortDirection>Descending</sortDirection>"));
    }

    [Fact]
    public async Task Metadata_conditions_keywords_types_and_publish_state_narrow_a_search()
    {
        var tenant = await server.NewTenantAsync();
        await AddAsync(server, tenant, "m/red.jpg", metadata: new Dictionary<string, string> { ["color"] = "Red", ["weight"] = "12" }, readyForPublish: true);
        await AddAsync(server, tenant, "m/blue.jpg", metadata: new Dictionary<string, string> { ["color"] = "blue", ["weight"] = "7.5" });
        await AddAsync(server, tenant, "m/plain.pdf", AssetType.Pdf);
        var folder = Text("folder", "m");

        static string Metadata(string field, string op, string values) =>
            $"<metadataConditionArray><items><fieldHandle>{field}</fieldHandle><op>{op}</op>{values}</items></metadataConditionArray>";

        Assert.Equal(["red"], (await SearchAsync(server, tenant, folder + Metadata("color", "Equals", "<value>RED</value>"))).Names);
        Assert.Empty((await SearchAsync(server, tenant, folder + Metadata("color", "Equals", "<value>RED</value><caseSensitive>true</caseSensitive>"))).Names);
        Assert.Equal(["blue", "plain"], (await SearchAsync(server, tenant, folder + Metadata("color", "NotEquals", "<value>red</value>"))).Names);
        Assert.Equal(["blue"], (await SearchAsync(server, tenant, folder + Metadata("weight", "LessThan", "<doubleVal>10</doubleVal>"))).Names);
        Assert.Equal(["red"], (await SearchAsync(server, tenant, folder + Metadata("custom_attributes.weight", "GreaterThanEquals", "<longVal>12</longVal>"))).Names);
        Assert.Equal(["blue"], (await SearchAsync(server, tenant, folder + Array("keywordArray", "BLU"))).Names);
        Assert.Equal(["plain"], (await SearchAsync(server, tenant, folder + Array("assetTypeArray", "Pdf"))).Names);
        Assert.Equal(["blue", "red"], (await SearchAsync(server, tenant, folder + Array("excludeAssetTypeArray", "Pdf"))).Names);
        Assert.Equal(["red"], (await SearchAsync(server, tenant, folder + "<publishState>MarkedForPublish</publishState>")).Names);
        Assert.Equal(["blue", "plain"], (await SearchAsync(server, tenant, folder + "<publishState>NotMarkedForPublish</publishState>")).Names);
        Assert.Equal(["blue", "red"], (await SearchAsync(server, tenant,
            folder + "<conditionMatchMode>MatchAny</conditionMatchMode>" + Array("keywordArray", "blue") + Metadata("color", "Equals", "<value>red</value>"))).Names);
    }

    [Fact]
    public async Task What_this_server_cannot_search_is_refused_with_a_fault_that_says_so()
    {
        var tenant = await server.NewTenantAsync();

        async Task<string> Refused(string inner)
        {
            var (code, reason) = await FaultAsync(server, tenant, "searchAssets", Company(tenant) + inner);
            Assert.Equal(30001, code);
            return reason;
        }

        Assert.Contains("no tag fields", await Refused(
            "<tagConditionArray><items><fieldHandle>t</fieldHandle><op>Matches</op><value>x</value></items></tagConditionArray>"), StringComparison.Ordinal);
        Assert.Contains("Sku", await Refused("<systemFieldConditionArray><items><field>Sku</field><op>Equals</op><value>1</value></items></systemFieldConditionArray>"),
            StringComparison.Ordinal);
        Assert.Contains("no projects", await Refused("<projectHandle>p|1</projectHandle>"), StringComparison.Ordinal);
        Assert.Contains("op 'Like'", await Refused("<systemFieldConditionArray><items><field>Name</field><op>Like</op><value>a</value></items></systemFieldConditionArray>"),
            StringComparison.Ordinal);
        Assert.Contains("trashState", await Refused("<trashState>Binned</trashState>"), StringComparison.Ordinal);
        // Every problem of one request in one fault.
        var both = await Refused("<publishState>Soon</publishState><sortBy>Colour</sortBy>");
        Assert.Contains("sortBy", both, StringComparison.Ordinal);
        Assert.Contains("publishState", both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAssetsByMetadata_finds_by_metadata_and_row_fields_and_answers_summaries_with_the_fields_asked_for()
    {
        var tenant = await server.NewTenantAsync();
        await AddAsync(server, tenant, "cat/test9-1000801.jpg", metadata: new Dictionary<string, string> { ["dc.rights"] = "Per Jessen", ["dc.subject"] = "San Francisco" });
        await AddAsync(server, tenant, "cat/test9-1000802.jpg", metadata: new Dictionary<string, string> { ["dc.rights"] = "Someone Else" });
        await AddAsync(server, tenant, "elsewhere/test9-1000801-copy.jpg", metadata: new Dictionary<string, string> { ["dc.rights"] = "Per Jessen" });

        var answer = await OkAsync(server, tenant, "searchAssetsByMetadata", Company(tenant)
            + "<metadataConditionArray>"
            + "<items><fieldHandle>name</fieldHandle><op>Contains</op><value>1000801</value></items>"
            + "<items><fieldHandle>dc.rights</fieldHandle><op>Equals</op><value>Per Jessen</value></items>"
            + "</metadataConditionArray>"
            + Array("responseMetadataArray", "dc.subject", "xmp.CreatorTool"));

        Assert.Equal(2, (int)answer.Element(Ips + "totalRows")!);
        var summaries = ItemsOf(answer, "assetSummaryArray");
        Assert.Equal(["test9-1000801", "test9-1000801-copy"], summaries.Select(s => Field(s, "name")));
        Assert.Equal("test9-1000801.jpg", Field(summaries[0], "filename"));
        Assert.Equal($"{tenant.CompanyName}/cat/", Field(summaries[0], "folder"));
        var metadata = Assert.Single(summaries[0].Element(Ips + "metadataArray")!.Elements(Ips + "items"));
        Assert.Equal(("dc.subject", "San Francisco"), (Field(metadata, "name"), Field(metadata, "value")));
        Assert.Null(summaries[1].Element(Ips + "metadataArray"));

        var inFolder = await OkAsync(server, tenant, "searchAssetsByMetadata", Company(tenant)
            + "<filter><folder>cat</folder></filter>"
            + "<metadataConditionArray><items><fieldHandle>folder_path</fieldHandle><op>StartsWith</op>"
            + $"<value>{tenant.CompanyName}/cat</value></items></metadataConditionArray><sortBy>Name</sortBy><sortDirection>Descending</sortDirection>");
        Assert.Equal(["test9-1000802", "test9-1000801"], ItemsOf(inFolder, "assetSummaryArray").Select(s => Field(s, "name")));
    }
}
