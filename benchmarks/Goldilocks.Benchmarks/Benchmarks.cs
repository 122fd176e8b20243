using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Goldilocks.Curvature;

namespace Goldilocks.Benchmarks;

/// <summary>Short in-process job (no generated project to build): one invocation per iteration, no pilot stage.</summary>
internal static class ShortJobs
{
    /// <summary>In-process, with a time limit above the longest benchmark: the default limit aborted the whole run on
    /// LeNet-5's Hutchinson (100 float64 conv products, 155 s per iteration).</summary>
    private static readonly InProcessEmitToolchain Toolchain = new(TimeSpan.FromMinutes(30), logOutput: true);

    public static Job Create(string id, int warmups, int iterations) => Job.Default.WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations).WithToolchain(Toolchain).WithId(id);
}

/// <summary>Single products: 3 warm-ups, 15 measured iterations (3 single invocations left ±30 % noise on the
/// 20-80 ms LeNet-300-100 products, enough to flip a budget between runs).</summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig() => AddJob(ShortJobs.Create("short", 3, 15));
}

/// <summary>Operations of many products each (their first call is warm: graphs are built in the setup): no
/// warm-up, 2 measured iterations.</summary>
public sealed class HeavyConfig : ManualConfig
{
    public HeavyConfig() => AddJob(ShortJobs.Create("heavy", 0, 2));
}

/// <summary>A workload per model parameter with a shared linearisation whose graphs are built outside the timing.</summary>
public abstract class WorkloadBenchmark
{
    protected Workload W { get; private set; } = null!;
    protected LinearizationPoint Point { get; private set; } = null!;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = Workload.LeNet300100;

    /// <summary>Both models by default; <c>BENCH_MODELS</c> (comma-separated) restricts the run, e.g. to
    /// LeNet-300-100, whose budgets BENCHMARKS.md states (a LeNet-5 Hutchinson run alone takes ~10 minutes on 2 cores).</summary>
    public static IEnumerable<string> Models =>
        Environment.GetEnvironmentVariable("BENCH_MODELS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        ?? new[] { Workload.LeNet300100, Workload.LeNet5Name };

    protected void SetUpWorkload()
    {
        W = Workload.Create(Model);
        Point = W.Linearize();
        Operations.Shared(new HessianOperator(Point), W.Vector);
        Operations.Shared(new HTermOperator(Point), W.Vector);
    }

    protected void CleanUpWorkload()
    {
        Point.Dispose();
        W.Dispose();
    }
}

/// <summary>Single products and the matmul ceiling, on LeNet-300-100 and LeNet-5 with 1,000 samples.</summary>
[Config(typeof(ShortConfig))]
public class ProductBenchmarks : WorkloadBenchmark
{
    private Tensor _x = null!, _w1 = null!;

    [GlobalSetup]
    public void Setup()
    {
        SetUpWorkload();
        _x = W.Data.Inputs.reshape(W.Data.Count, -1).narrow(1, 0, 784).contiguous().DetachFromDisposeScope();
        _w1 = torch.randn(new long[] { 300, 784 }, dtype: W.Data.DType, device: W.Data.Device).DetachFromDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        CleanUpWorkload();
        _x.Dispose();
        _w1.Dispose();
    }

    [Benchmark(Baseline = true)] public double LossAndGradient() => Operations.LossAndGradient(W);
    [Benchmark] public double HvpFresh() => Operations.Fresh(W, p => new HessianOperator(p));
    [Benchmark] public double GTermFresh() => Operations.Fresh(W, p => new GTermOperator(p));
    [Benchmark] public double HTermFresh() => Operations.Fresh(W, p => new HTermOperator(p));
    [Benchmark] public double HvpShared() => Operations.Shared(new HessianOperator(Point), W.Vector);
    [Benchmark] public double GTermShared() => Operations.Shared(new GTermOperator(Point), W.Vector);
    [Benchmark] public double HTermShared() => Operations.Shared(new HTermOperator(Point), W.Vector);
    [Benchmark] public double JvpShared() => Operations.JacobianVector(Point, W.Vector);
    [Benchmark] public double HvpAndJvpShared() => Operations.HessianAndJacobian(Point, W.Vector);
    [Benchmark] public double FirstLayerMatmul() => Operations.FirstLayerMatmul(_x, _w1);
    [Benchmark] public double PlainLossAndGradient() => Operations.PlainLossAndGradient(W);
    [Benchmark] public double PlainDoubleBackward() => Operations.PlainDoubleBackward(W);
}

/// <summary>Projection at d = 50, Lanczos top-1 to 1e-6, Hutchinson with 100 probes.</summary>
[Config(typeof(HeavyConfig))]
public class AlgorithmBenchmarks : WorkloadBenchmark
{
    private Tensor _basis = null!;

    [GlobalSetup]
    public void Setup()
    {
        SetUpWorkload();
        _basis = W.Basis(Operations.ProjectionDimension).DetachFromDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        CleanUpWorkload();
        _basis.Dispose();
    }

    [Benchmark] public double Projection50() => Operations.Projection(W, _basis);
    [Benchmark] public double LanczosTop1() => Operations.Lanczos(Point).Top;
    [Benchmark] public double Hutchinson100() => Operations.Hutchinson(Point);
}

/// <summary>Dense Hessian (P column products) of a ~2,000-parameter MLP 24-40-20-10 (P = 1,960) on 256 samples.</summary>
[Config(typeof(HeavyConfig))]
public class DenseHessianBenchmark
{
    private Workload _w = null!;

    [GlobalSetup] public void Setup() => _w = Workload.CreateSmallMlp();
    [GlobalCleanup] public void Cleanup() => _w.Dispose();
    [Benchmark] public double DenseHessian1960() => Operations.DenseHessian(_w);
}
