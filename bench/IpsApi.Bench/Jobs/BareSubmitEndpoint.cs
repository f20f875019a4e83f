using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IpsApi.Bench.Jobs;

/// <summary>
/// The submit baseline: a bare Kestrel endpoint that reads the same submitJob envelope safely (no DTDs), takes
/// the company, job name and job element out of it, INSERTs one row with Npgsql and answers a jobHandle. No
/// authentication, validation, SOAP framework or scheduler: what the database and HTTP alone cost.
/// </summary>
public static class BareSubmitEndpoint
{
    private static readonly XNamespace Ips = "http://www.scene7.com/IpsApi/xsd";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var db = args[0];
        await using var dataSource = NpgsqlDataSource.Create(db);
        await using (var create = dataSource.CreateCommand(
            "create table if not exists bare_jobs (id bigserial primary key, company text not null, name text not null, definition text not null, created_at timestamptz not null default now())"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(dataSource);
        var app = builder.Build();
        app.MapPost("/submit", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
            var envelope = await XDocument.LoadAsync(reader, LoadOptions.None, context.RequestAborted);
            var param = envelope.Descendants(Ips + "submitJobParam").Single();
            var company = (string)param.Element(Ips + "companyHandle")!;
            var name = (string)param.Element(Ips + "jobName")!;
            var job = param.Elements().Last().ToString(SaveOptions.DisableFormatting);

            await using var insert = dataSource.CreateCommand("insert into bare_jobs (company, name, definition) values ($1, $2, $3)");
            insert.Parameters.Add(new NpgsqlParameter { Value = company });
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            insert.Parameters.Add(new NpgsqlParameter { Value = job });
            await insert.ExecuteNonQueryAsync(context.RequestAborted);

            var answer = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + $"<submitJobReturn xmlns=\"{Ips.NamespaceName}\"><jobHandle>{System.Security.SecurityElement.Escape($"{company}|{name}|")}</jobHandle></submitJobReturn>"
                + "</soapenv:Body></soapenv:Envelope>";
            context.Response.ContentType = "text/xml; charset=utf-8";
            await context.Response.WriteAsync(answer, Encoding.UTF8, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(BenchNode.ReadyLine + address);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
