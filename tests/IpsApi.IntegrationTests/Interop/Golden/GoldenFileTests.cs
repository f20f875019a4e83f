using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.Jobs.Accounts;

namespace IpsApi.IntegrationTests.Interop.Golden;

/// <summary>
/// Replays each request of tests/golden against the running server and holds the answer, byte for byte after
/// <see cref="GoldenNormaliser"/>, against the stored response: any change on the wire (an element renamed,
/// reordered, a namespace prefix, a fault text) fails here first. A deliberate change is recorded by running
/// these tests with IPSAPI_GOLDEN_UPDATE=1, which rewrites the responses, and reviewing their diff.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class GoldenFileTests(ServerFixture server)
{
    /// <param name="Role">The role of the tenant's user ({{user}}): IpsUser unless the operation is for administrators.</param>
    private sealed record GoldenCase(GoldenState State, int Status, string MediaType, UserRole Role = UserRole.IpsUser);

    private static readonly Dictionary<string, GoldenCase> Cases = new(StringComparer.Ordinal)
    {
        ["submitJob"] = new(GoldenState.Empty, 200, "text/xml"),
        ["getActiveJobs"] = new(GoldenState.Running, 200, "text/xml"),
        ["getScheduledJobs"] = new(GoldenState.Scheduled, 200, "text/xml"),
        ["getJobLogs"] = new(GoldenState.Finished, 200, "text/xml"),
        ["getJobLogDetails"] = new(GoldenState.Finished, 200, "text/xml"),
        ["getAssetJobLogs"] = new(GoldenState.Asset, 200, "text/xml"),
        ["stopJob"] = new(GoldenState.Running, 200, "text/xml"),
        ["pauseJob"] = new(GoldenState.Scheduled, 200, "text/xml"),
        ["resumeJob"] = new(GoldenState.Paused, 200, "text/xml"),
        ["executeJob"] = new(GoldenState.Scheduled, 200, "text/xml"),
        ["deleteJob"] = new(GoldenState.Scheduled, 200, "text/xml"),
        ["submitJob-2014-04-03-soap12"] = new(GoldenState.Empty, 200, "application/soap+xml"),
        ["fault-missing-jobName"] = new(GoldenState.Empty, 500, "text/xml"),
        ["fault-soap12-authentication"] = new(GoldenState.Empty, 500, "application/soap+xml"),
        ["plain-xml-submitJob"] = new(GoldenState.Empty, 200, "text/xml"),
        ["plain-xml-getScheduledJobs"] = new(GoldenState.Scheduled, 200, "text/xml"),
        ["plain-xml-fault-authorization"] = new(GoldenState.Empty, 500, "text/xml"),
        ["getAssetsByName"] = new(GoldenState.Assets, 200, "text/xml"),
        ["getAssets"] = new(GoldenState.Assets, 200, "text/xml"),
        ["searchAssets"] = new(GoldenState.Assets, 200, "text/xml"),
        ["searchAssetsByMetadata"] = new(GoldenState.Assets, 200, "text/xml"),
        ["getAssetCounts"] = new(GoldenState.Assets, 200, "text/xml"),
        ["deleteAsset"] = new(GoldenState.Assets, 200, "text/xml"),
        ["deleteAssets"] = new(GoldenState.Assets, 200, "text/xml"),
        ["restoreAssetsFromTrash"] = new(GoldenState.Assets, 200, "text/xml"),
        ["emptyAssetsFromTrash"] = new(GoldenState.Assets, 200, "text/xml"),
        ["renameAsset"] = new(GoldenState.Assets, 200, "text/xml"),
        ["moveAsset"] = new(GoldenState.Assets, 200, "text/xml"),
        ["moveAssets"] = new(GoldenState.Assets, 200, "text/xml"),
        ["getAssociatedAssets"] = new(GoldenState.Assets, 200, "text/xml"),
        ["getMetadataFields"] = new(GoldenState.Assets, 200, "text/xml"),
        ["setAssetMetadata"] = new(GoldenState.Assets, 200, "text/xml"),
        ["batchSetAssetMetadata"] = new(GoldenState.Assets, 200, "text/xml"),
        ["setAssetPublishState"] = new(GoldenState.Assets, 200, "text/xml"),
        ["setAssetsPublishState"] = new(GoldenState.Assets, 200, "text/xml"),
        ["fault-renameAsset-taken"] = new(GoldenState.Assets, 500, "text/xml"),
        ["getCompanyInfo"] = new(GoldenState.Empty, 200, "text/xml"),
        ["getCompanyMembership"] = new(GoldenState.Empty, 200, "text/xml"),
        ["getUserInfo"] = new(GoldenState.Empty, 200, "text/xml"),
        ["checkLogin"] = new(GoldenState.Empty, 200, "text/xml"),
        ["getCompanySettings"] = new(GoldenState.Empty, 200, "text/xml", UserRole.IpsCompanyAdmin),
        ["fault-getCompanyInfo-unknown-company"] = new(GoldenState.Empty, 500, "text/xml"),
        ["plain-xml-getCompanyInfo"] = new(GoldenState.Empty, 200, "text/xml"),
        ["getFolderTree"] = new(GoldenState.Folders, 200, "text/xml"),
        ["getFolders"] = new(GoldenState.Folders, 200, "text/xml"),
        ["createFolder"] = new(GoldenState.Folders, 200, "text/xml"),
        ["deleteFolder"] = new(GoldenState.Folders, 200, "text/xml"),
        ["renameFolder"] = new(GoldenState.Folders, 200, "text/xml"),
        ["moveFolder"] = new(GoldenState.Folders, 200, "text/xml"),
        ["fault-deleteFolder-holding-an-asset"] = new(GoldenState.FolderWithAsset, 500, "text/xml"),
        ["getFolderTree-2014-04-03-soap12"] = new(GoldenState.Folders, 200, "application/soap+xml"),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    private static bool Updating => Environment.GetEnvironmentVariable("IPSAPI_GOLDEN_UPDATE") == "1";

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_answer_to_a_golden_request_is_its_golden_response(string name)
    {
        var golden = Cases[name];
        var tenant = await server.NewTenantAsync(golden.Role);
        await using var scene = new GoldenScene(server, tenant);
        await scene.EnterAsync(golden.State);
        var request = GoldenNormaliser.Fill(await File.ReadAllTextAsync(PathOf(name, "request")), scene.Values);

        var response = await SendAsync(name, request);

        Assert.Equal((golden.Status, golden.MediaType), (response.Status, response.MediaType));
        var actual = GoldenNormaliser.Normalise(response.Text, tenant, scene.Handles);
        var responsePath = PathOf(name, "response");
        if (Updating)
        {
            await File.WriteAllTextAsync(responsePath, actual + "\n");
            return;
        }

        Assert.True(File.Exists(responsePath), $"{responsePath} is missing: run the golden tests with IPSAPI_GOLDEN_UPDATE=1 to write it");
        // The file ends with a newline for editors' sake; the answer itself has none.
        var expected = (await File.ReadAllTextAsync(responsePath)).TrimEnd('\n');
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_golden_request_is_replayed_and_has_its_response()
    {
        var requests = Directory.GetFiles(RepoPaths.Golden, "*.request.xml").Select(f => Path.GetFileName(f)[..^".request.xml".Length]);

        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), requests.Order(StringComparer.Ordinal));
        Assert.All(Cases.Keys, name => Assert.True(File.Exists(PathOf(name, "response")), $"no golden response for {name}"));
    }

    private static string PathOf(string name, string kind) => Path.Combine(RepoPaths.Golden, $"{name}.{kind}.xml");

    private async Task<SoapResponse> SendAsync(string name, string body)
    {
        var plainXml = name.StartsWith("plain-xml-", StringComparison.Ordinal);
        var soap12 = body.Contains("http://www.w3.org/2003/05/soap-envelope", StringComparison.Ordinal);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, plainXml ? "/scene7/api/IpsApiService" : "/scene7/services/IpsApiService"))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8");
        if (!plainXml && !soap12)
        {
            message.Headers.TryAddWithoutValidation("SOAPAction", $"\"{ParamElement().Match(body).Groups[1].Value}\"");
        }

        return await server.SendAsync(message);
    }

    [GeneratedRegex(@"<(?:\w+:)?(\w+)Param\b")]
    private static partial Regex ParamElement();
}
