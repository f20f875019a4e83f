using IpsApi.Server.Admin;
using IpsApi.Server.Hosting;

// `serve` runs the server; `admin ...` manages companies and users in the same database.
var command = args.Length > 0 ? args[0] : "serve";
var rest = args.Skip(1).ToArray();
try
{
    return command switch
    {
        "serve" => await Serve(rest),
        "admin" => await AdminCommand.RunAsync(rest, Console.Out, Console.Error),
        _ => Usage(),
    };
}
catch (InvalidSettingsException e)
{
    foreach (var problem in e.Problems)
    {
        await Console.Error.WriteLineAsync($"ipsapi: {problem}");
    }

    return 2;
}

static async Task<int> Serve(string[] args)
{
    var app = ServerApp.Build(args);
    await app.PrepareDatabaseAsync();
    await app.StartAsync();
    Banner.Print(app, Console.Out);
    await app.WaitForShutdownAsync();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: IpsApi.Server serve | admin <company|user|job|doctor> ...");
    return 64;
}
