using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using IpsApi.IntegrationTests.Infrastructure;
using IpsApi.IntegrationTests.Interop.PlainXml;
using static IpsApi.IntegrationTests.Interop.Calls.OperationBodies;

namespace IpsApi.IntegrationTests.Interop.Gzip;

/// <summary>
/// Compression both ways, on the SOAP and the plain-XML endpoint: authHeader gzipResponse decides when present,
/// else Accept-Encoding; requests may come gzip-encoded.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GzipTests(ServerFixture server)
{
    private const string Ns = "http://www.scene7.com/IpsApi/xsd/2014-04-03";

    public static TheoryData<bool, string?, bool, bool> Cases()
    {
        // (plain XML, gzipResponse in authHeader, Accept-Encoding: gzip, answer gzipped)
        var cases = new TheoryData<bool, string?, bool, bool>();
        foreach (var plainXml in new[] { false, true })
        {
            cases.Add(plainXml, "true", false, true);
            cases.Add(plainXml, null, true, true);
            cases.Add(plainXml, "false", true, false);
            cases.Add(plainXml, null, false, false);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_answer_is_gzipped_when_authHeader_or_else_Accept_Encoding_asks(bool plainXml, string? gzipResponse, bool acceptGzip, bool gzipped)
    {
        var tenant = await server.NewTenantAsync();
        var extra = gzipResponse is null ? "" : $"<gzipResponse>{gzipResponse}</gzipResponse>";
        using var request = Request(plainXml, AuthHeader(Ns, tenant.Email, tenant.Password, extra), SubmitJob(Ns, tenant.CompanyHandle, "zipped", ImageServingPublish));
        if (acceptGzip)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }

        var response = await server.SendAsync(request);

        Assert.Equal(200, response.Status);
        Assert.Equal(gzipped, response.ContentEncodings.Contains("gzip"));
        if (gzipped)
        {
            // The bytes on the wire really are gzip (magic 1f 8b), not merely labelled so.
            Assert.Equal([0x1f, 0x8b], response.Bytes.Take(2));
        }

        Assert.Contains($"{tenant.CompanyHandle}|zipped|", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_gzip_encoded_request_is_read(bool plainXml)
    {
        var tenant = await server.NewTenantAsync();
        using var request = Request(plainXml, AuthHeader(Ns, tenant.Email, tenant.Password), SubmitJob(Ns, tenant.CompanyHandle, "from gzip", ImageServingPublish));
        request.Content = Gzipped(await request.Content!.ReadAsByteArrayAsync(), request.Content.Headers.ContentType!);

        var response = await server.SendAsync(request);

        Assert.Equal(200, response.Status);
        Assert.Contains($"{tenant.CompanyHandle}|from gzip|", response.Text, StringComparison.Ordinal);
        Assert.Equal(1, await server.CountJobsAsync(tenant.CompanyHandle));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fault_is_gzipped_too_when_asked(bool plainXml)
    {
        var tenant = await server.NewTenantAsync();
        using var request = Request(plainXml, AuthHeader(Ns, tenant.Email, tenant.Password, "<gzipResponse>true</gzipResponse>"),
            SubmitJob(Ns, tenant.CompanyHandle, "", ImageServingPublish));

        var response = await server.SendAsync(request);

        Assert.Equal(500, response.Status);
        Assert.Contains("gzip", response.ContentEncodings);
        Assert.Contains("<ns1:code>30002</ns1:code>", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_on_the_plain_XML_endpoint_is_30003()
    {
        using var request = Request(true, "", GetActiveJobs(Ns, "47"));
        request.Content = new ByteArrayContent([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]);
        request.Content.Headers.ContentEncoding.Add("gzip");

        var response = await server.SendAsync(request);

        Assert.Equal(500, response.Status);
        Assert.Contains("<ns1:code>30003</ns1:code>", response.Text, StringComparison.Ordinal);
        Assert.Contains("gzip-encoded body is corrupt", response.Text, StringComparison.Ordinal);
    }

    private HttpRequestMessage Request(bool plainXml, string authHeader, string body)
    {
        var address = new Uri(server.BaseAddress, plainXml ? "/scene7/api/IpsApiService" : "/scene7/services/IpsApiService");
        var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new StringContent(
                plainXml ? PlainXmlEndpointTests.Request(Ns, authHeader, body) : Envelope(false, authHeader, body), Encoding.UTF8, "text/xml"),
        };
        if (!plainXml)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", "");
        }

        return request;
    }

    private static ByteArrayContent Gzipped(byte[] bytes, MediaTypeHeaderValue contentType)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = contentType;
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
