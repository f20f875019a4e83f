using IpsApi.Bench;
using IpsApi.Bench.Delivery;
using IpsApi.Bench.Ingest;
using IpsApi.Bench.Optimize;

// ./ipsapi bench <name> [options]: each benchmark prints one table and records it in bench/RESULTS.md.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

if (!BenchOptions.Benchmarks.Contains(args[0]))
{
    Console.Error.WriteLine($"bench: unknown benchmark '{args[0]}'");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args[0], args.Skip(1).ToArray());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the benchmark unwind: it drops its database and deletes its files on the way out.
    e.Cancel = true;
    stop.Cancel();
};

try
{
    await (options.Benchmark switch
    {
        "delivery" => DeliveryBenchmark.RunAsync(options, stop.Token),
        "optimize" => OptimizeBenchmark.RunAsync(options, stop.Token),
        _ => IngestBenchmark.RunAsync(options, stop.Token),
    });
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
