using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using Goldilocks.Benchmarks;

// Steps of scripts/bench.sh: probe | metrics | bdn | scaling | profile | dtype | check, each with the output directory.
string mode = args.Length > 0 ? args[0] : "probe";
string outDir = args.Length > 1 ? args[1] : "benchmarks/results";
int Option(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), out int v) && v > 0 ? v : fallback;

// BENCH_THREADS overrides the library's thread count (Environment.ProcessorCount) for a whole step: on a machine
// shared by many processes one intra-op thread avoids OpenMP barrier stalls (see BENCHMARKS.md, "threads").
if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_THREADS"), out int threads) && threads > 0)
{
    Goldilocks.Runtime.TorchRuntime.EnsureLoaded();
    TorchSharp.torch.set_num_threads(threads);
}

switch (mode)
{
    case "probe":
        Probe.Run(args.Length > 1 ? args[1] : Workload.LeNet300100);
        return 0;
    case "metrics":
        Metrics.Run(outDir, Option("BENCH_FLAT_PRODUCTS", 10_000), Option("BENCH_FLAT_SAMPLES", 100));
        return 0;
    case "bdn":
        var config = ManualConfig.CreateEmpty()
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(JsonExporter.Full, CsvExporter.Default, MarkdownExporter.GitHub)
            .WithArtifactsPath(outDir)
            .WithOptions(ConfigOptions.JoinSummary);
        BenchmarkRunner.Run(new[] { typeof(ProductBenchmarks), typeof(AlgorithmBenchmarks), typeof(DenseHessianBenchmark) }, config);
        return 0;
    case "scaling":
        Scaling.Run(outDir, Option("BENCH_REPEATS", 3));
        return 0;
    case "profile":
        Profile.Run(outDir, Option("BENCH_PAIRS", 7));
        return 0;
    case "dtype":
        DtypeComparison.Run(outDir, Option("BENCH_SAMPLES", 200), Option("BENCH_PAIRS", 3));
        return 0;
    case "check":
        return BudgetCheck.Run(outDir);
    default:
        Console.Error.WriteLine($"unknown step '{mode}' (probe | metrics | bdn | scaling | profile | dtype | check)");
        return 2;
}
