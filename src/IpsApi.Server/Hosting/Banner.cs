using Microsoft.Extensions.Options;

namespace IpsApi.Server.Hosting;

/// <summary>What a person starting the server needs to see first: where it listens and how to log in.</summary>
public static class Banner
{
    public static void Print(WebApplication app, TextWriter output)
    {
        var listeners = app.Services.GetRequiredService<Listeners>();
        var address = listeners.MainAddress;
        output.WriteLine();
        output.WriteLine($"IPS job server listening on {address}");
        output.WriteLine($"  SOAP endpoint: {address}/scene7/services/IpsApiService");
        output.WriteLine($"  WSDL:          {address}/scene7/webservice/IpsApi.wsdl");
        output.WriteLine($"  Dashboard:     {listeners.OpsAddress}/ops");
        if (app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Demo)
        {
            output.WriteLine($"  Demo company:  {DemoSeed.CompanyHandle} ({DemoSeed.CompanyName})");
            output.WriteLine($"  Demo user:     {DemoSeed.UserEmail}  password: {DemoSeed.UserPassword}");
        }

        output.WriteLine();
    }
}
