using IpsApi.Bench;
using IpsApi.Bench.Delivery;
using IpsApi.Bench.Growth;
using IpsApi.Bench.Ingest;
using IpsApi.Bench.Jobs;
using IpsApi.Bench.Optimize;
using IpsApi.Bench.Search;
using IpsApi.Bench.Upload;

// ./ipsapi bench <name> [options]: each benchmark prints one table and records it in bench/RESULTS.md.
// "node", "bare", "bare-upload" and "growth-node" are not benchmarks: they are the roles of the child processes the
// benchmarks start.
switch (args.FirstOrDefault())
{
    case "node":
        return await BenchNode.RunAsync(args.Skip(1).ToArray());
    case "bare":
        return await BareSubmitEndpoint.RunAsync(args.Skip(1).ToArray());
    case "bare-upload":
        return await BareUploadEndpoint.RunAsync(args.Skip(1).ToArray());
    case "growth-node":
        return await GrowthNode.RunAsync(args.Skip(1).ToArray());
    case null or "-h" or "--help" or "help":
        Console.WriteLine(BenchOptions.Usage);
        Console.WriteLine();
        Console.WriteLine(JobsOptions.Usage);
        Console.WriteLine();
        Console.WriteLine(SearchOptions.Usage);
        Console.WriteLine();
        Console.WriteLine(GrowthOptions.Usage);
        return 0;
    case "jobs" or "search" or "growth":
        break;
    case var name when BenchOptions.Benchmarks.Contains(name):
        break;
    default:
        Console.Error.WriteLine($"bench: unknown benchmark '{args[0]}'");
        Console.Error.WriteLine(BenchOptions.Usage);
        Console.Error.WriteLine(JobsOptions.Usage);
        Console.Error.WriteLine(SearchOptions.Usage);
        Console.Error.WriteLine(GrowthOptions.Usage);
        return 2;
}

Func<CancellationToken, Task> benchmark;
try
{
    if (args[0] == "jobs")
    {
        var jobs = JobsOptions.Parse(args.Skip(1).ToArray());
        benchmark = token => JobsBenchmark.RunAsync(jobs, token);
    }
    else if (args[0] == "search")
    {
        var search = SearchOptions.Parse(args.Skip(1).ToArray());
        benchmark = token => SearchBenchmark.RunAsync(search, token);
    }
    else if (args[0] == "growth")
    {
        var growth = GrowthOptions.Parse(args.Skip(1).ToArray());
        benchmark = token => GrowthBenchmark.RunAsync(growth, token);
    }
    else
    {
        var options = BenchOptions.Parse(args[0], args.Skip(1).ToArray());
        benchmark = options.Benchmark switch
        {
            "delivery" => token => DeliveryBenchmark.RunAsync(options, token),
            "optimize" => token => OptimizeBenchmark.RunAsync(options, token),
            "upload" => token => UploadBenchmark.RunAsync(options, token),
            _ => token => IngestBenchmark.RunAsync(options, token),
        };
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the benchmark unwind: it drops its databases, stops its child processes and deletes its files on the way out.
    e.Cancel = true;
    stop.Cancel();
};

try
{
    await benchmark(stop.Token);
    return 0;
}
catch (BenchmarkFailedException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: interrupted");
    return 130;
}
