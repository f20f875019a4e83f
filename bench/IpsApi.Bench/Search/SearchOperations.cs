using System.Globalization;
using System.Text.RegularExpressions;
using IpsApi.Assets.Store;
using Npgsql;

namespace IpsApi.Bench.Search;

/// <summary>
/// One measured operation: the SOAP call a client makes (action, body, and how to tell a right answer) and the
/// statement the server runs for it, built by the server's own <see cref="AssetCatalog"/> with the filter its
/// handler builds from that call. Call and statement take the same random inputs for the same client and count.
/// </summary>
public sealed record SearchOperation(
    string Part,
    string Title,
    Func<int, int, (string Action, string Body, Func<string, bool> Expect)> Call,
    Func<AssetCatalog, int, int, NpgsqlCommand> Statement);

public static partial class SearchOperations
{
    private const string Ips = "http://www.scene7.com/IpsApi/xsd";

    public static IReadOnlyList<SearchOperation> All(SearchOptions options, long companyId, string companyName)
    {
        var company = Jobs.BenchNode.Company;
        var perFolder = options.Assets / options.Folders;
        static Random Inputs(int client, int i) => new(client * 1_000_003 + i);
        string Name(Random random) => "SKU" + random.Next(options.Assets).ToString("D7", CultureInfo.InvariantCulture);
        string Leaf(Random random) => random.Next(options.Folders) is var k ? $"t{k % 100:D2}/f{k:D5}" : "";

        List<string> Names(int client, int i)
        {
            var random = Inputs(client, i);
            return Enumerable.Range(0, 100).Select(_ => Name(random)).Distinct().ToList();
        }

        (string Top, string Prefix, DateTimeOffset From, DateTimeOffset To) Subtree(int client, int i)
        {
            var random = Inputs(client, i);
            var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(550));
            // SKU0d: a tenth of a million assets; fewer assets have fewer such prefixes (SKU00 holds them all up to 100,000).
            return ($"t{random.Next(100):D2}", $"SKU0{random.Next(Math.Clamp(options.Assets / 100_000, 1, 10))}", from, from.AddDays(180));
        }

        return
        [
            new("byname", "getAssetsByName of 100 names",
                (client, i) =>
                {
                    var names = Names(client, i);
                    return ("getAssetsByName",
                        $"<getAssetsByNameParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><nameArray>"
                        + string.Concat(names.Select(n => $"<items>{n}</items>")) + "</nameArray></getAssetsByNameParam>",
                        answer => AssetHandle().Count(answer) == names.Count);
                },
                (catalog, client, i) => catalog.ListCommand(companyId, companyName, new AssetFilter { Names = Names(client, i) }, withMetadata: true,
                    AssetCatalog.MaxAssets)),
            new("folder", "searchAssets of one folder, a page of 100",
                (client, i) => ("searchAssets",
                    $"<searchAssetsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><folder>{Leaf(Inputs(client, i))}</folder>"
                    + "<recordsPerPage>100</recordsPerPage></searchAssetsParam>",
                    answer => answer.Contains($"<totalRows>{perFolder}</totalRows>", StringComparison.Ordinal)
                              && AssetHandle().Count(answer) == Math.Min(100, perFolder)),
                (catalog, client, i) => catalog.SearchCommand(companyId, companyName, new AssetFilter { Folder = Leaf(Inputs(client, i)) },
                    new AssetPage(AssetSort.Name, false, 100, 1), withMetadata: true)),
            new("subtree", "searchAssets of a subtree by name prefix and created date range, by date",
                (client, i) =>
                {
                    var (top, prefix, from, to) = Subtree(client, i);
                    return ("searchAssets",
                        $"<searchAssetsParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><folder>{top}</folder>"
                        + "<includeSubfolders>true</includeSubfolders><systemFieldConditionArray>"
                        + $"<items><field>Name</field><op>StartsWith</op><value>{prefix}</value></items>"
                        + $"<items><field>Created</field><op>Between</op><minDate>{from:yyyy-MM-ddTHH:mm:ssZ}</minDate><maxDate>{to:yyyy-MM-ddTHH:mm:ssZ}</maxDate></items>"
                        + "</systemFieldConditionArray><recordsPerPage>100</recordsPerPage><sortBy>Created</sortBy><sortDirection>Descending</sortDirection>"
                        + "</searchAssetsParam>",
                        answer => answer.Contains("<totalRows>", StringComparison.Ordinal));
                },
                (catalog, client, i) =>
                {
                    var (top, prefix, from, to) = Subtree(client, i);
                    var system = new AssetCondition.Group(
                    [
                        new AssetCondition.TextTest(new AssetField.Text(TextColumn.Name), ComparisonOp.StartsWith, prefix),
                        new AssetCondition.DateTest(new AssetField.Date(DateColumn.Created), ComparisonOp.Between, from, to),
                    ], MatchAny: false);
                    return catalog.SearchCommand(companyId, companyName,
                        new AssetFilter { Folder = top, IncludeSubfolders = true, Condition = new AssetCondition.Group([system], MatchAny: false) },
                        new AssetPage(AssetSort.Created, true, 100, 1), withMetadata: true);
                }),
            new("metadata", "searchAssetsByMetadata on one field",
                (client, i) => ("searchAssetsByMetadata",
                    $"<searchAssetsByMetadataParam xmlns=\"{Ips}\"><companyHandle>{company}</companyHandle><metadataConditionArray>"
                    + $"<items><fieldHandle>sku</fieldHandle><op>Equals</op><value>{Name(Inputs(client, i))}-M</value></items>"
                    + "</metadataConditionArray></searchAssetsByMetadataParam>",
                    answer => answer.Contains("<totalRows>1</totalRows>", StringComparison.Ordinal)),
                (catalog, client, i) => catalog.SearchCommand(companyId, companyName,
                    new AssetFilter
                    {
                        IncludeSubfolders = true,
                        Condition = new AssetCondition.Group(
                            [new AssetCondition.TextTest(new AssetField.Metadata("sku"), ComparisonOp.Equals, $"{Name(Inputs(client, i))}-M")], MatchAny: false),
                    },
                    new AssetPage(AssetSort.Name, false, 1000, 1), withMetadata: false)),
        ];
    }

    [GeneratedRegex("<assetHandle>")]
    private static partial Regex AssetHandle();
}
