using IpsApi.Jobs.Engine.Running;
using IpsApi.Server.Hosting;
using IpsApi.TestHost;

// The real server, plus executors that let tests watch runs from outside: a slow one to kill a node in the
// middle of, and a quick one that counts how often each job ran. Started by the integration tests.
var app = ServerApp.Build(args.Skip(1).ToArray(), new ServerExtras
{
    Services = services =>
    {
        services.AddSingleton<IJobExecutor, SlowStepsExecutor>();
        services.AddSingleton<IJobExecutor, CountingExecutor>();
        FailingExecutor.Register(services);
    },
});
await app.PrepareDatabaseAsync();
await TestExecutorTables.EnsureAsync(app.Services);
await app.RunAsync();
