using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Goldilocks.Curvature;

namespace Goldilocks.Benchmarks;

/// <summary>ShortRun (3 warm-ups, 3 measured iterations) in-process: no generated project to build.</summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short"));
}

/// <summary>Operations of seconds each: one invocation per iteration, 1 warm-up, 3 measured iterations.</summary>
public sealed class HeavyConfig : ManualConfig
{
    public HeavyConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
        .WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("heavy"));
}

/// <summary>Single products and the matmul ceiling, on LeNet-300-100 and LeNet-5 with 1,000 samples.</summary>
[Config(typeof(ShortConfig))]
public class ProductBenchmarks
{
    private Workload _w = null!;
    private LinearizationPoint _point = null!;
    private Tensor _x = null!, _w1 = null!;

    [Params(Workload.LeNet300100, Workload.LeNet5Name)]
    public string Model { get; set; } = Workload.LeNet300100;

    [GlobalSetup]
    public void Setup()
    {
        _w = Workload.Create(Model);
        _point = _w.Linearize();
        Operations.Shared(new HessianOperator(_point), _w.Vector); // build the shared graphs outside the timing
        Operations.Shared(new HTermOperator(_point), _w.Vector);
        _x = _w.Data.Inputs.reshape(_w.Data.Count, -1).narrow(1, 0, 784).contiguous().DetachFromDisposeScope();
        _w1 = torch.randn(new long[] { 300, 784 }, dtype: _w.Data.DType, device: _w.Data.Device).DetachFromDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _point.Dispose();
        _w.Dispose();
        _x.Dispose();
        _w1.Dispose();
    }

    [Benchmark(Baseline = true)] public double LossAndGradient() => Operations.LossAndGradient(_w);
    [Benchmark] public double HvpFresh() => Operations.Fresh(_w, p => new HessianOperator(p));
    [Benchmark] public double GTermFresh() => Operations.Fresh(_w, p => new GTermOperator(p));
    [Benchmark] public double HTermFresh() => Operations.Fresh(_w, p => new HTermOperator(p));
    [Benchmark] public double HvpShared() => Operations.Shared(new HessianOperator(_point), _w.Vector);
    [Benchmark] public double GTermShared() => Operations.Shared(new GTermOperator(_point), _w.Vector);
    [Benchmark] public double HTermShared() => Operations.Shared(new HTermOperator(_point), _w.Vector);
    [Benchmark] public double JvpShared() => Operations.JacobianVector(_point, _w.Vector);
    [Benchmark] public double HvpAndJvpShared() => Operations.HessianAndJacobian(_point, _w.Vector);
    [Benchmark] public double FirstLayerMatmul() => Operations.FirstLayerMatmul(_x, _w1);
}

/// <summary>Projection at d = 50, Lanczos top-1 to 1e-6, Hutchinson with 100 probes.</summary>
[Config(typeof(HeavyConfig))]
public class AlgorithmBenchmarks
{
    private Workload _w = null!;
    private LinearizationPoint _point = null!;
    private Tensor _basis = null!;

    [Params(Workload.LeNet300100, Workload.LeNet5Name)]
    public string Model { get; set; } = Workload.LeNet300100;

    [GlobalSetup]
    public void Setup()
    {
        _w = Workload.Create(Model);
        _point = _w.Linearize();
        Operations.Shared(new HessianOperator(_point), _w.Vector);
        _basis = _w.Basis(Operations.ProjectionDimension).DetachFromDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _point.Dispose();
        _basis.Dispose();
        _w.Dispose();
    }

    [Benchmark] public double Projection50() => Operations.Projection(_w, _basis);
    [Benchmark] public double LanczosTop1() => Operations.Lanczos(_point).Top;
    [Benchmark] public double Hutchinson100() => Operations.Hutchinson(_point);
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
