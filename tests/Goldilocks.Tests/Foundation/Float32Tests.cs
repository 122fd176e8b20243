
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Float32 runs (BENCHMARKS.md: estimates whose own error is ≥ 1e-3 may run in float32): the objective, its gradient,
/// a Hessian-vector product, Lanczos and Hutchinson work on float32 data and parameters and agree with float64 to float32 precision. The
/// library once read float32 scalars with item&lt;double&gt;() and threw (found by the benchmark's float32 profile row).
/// </summary>
public sealed class Float32Tests
{
    [Test]
    public void Objective_gradient_and_hvp_run_in_float32_and_agree_with_float64()
    {
        using var scope = torch.NewDisposeScope();
        var data64 = SyntheticClusters.Generate(40, 6, 3, seed: 0);
        using var data32 = new Dataset(data64.Inputs.to(ScalarType.Float32), data64.Targets, 3, "clusters-float32");
        var model = new Mlp(6, new[] { 8 }, 3);
        var theta64 = model.InitialParameters(0);
        var theta32 = theta64.to(ScalarType.Float32);
        var v64 = torch.randn(new[] { model.ParameterCount }, dtype: ScalarType.Float64, generator: new torch.Generator(3));
        var o64 = new Objective(model, data64, new CrossEntropy());
        var o32 = new Objective(model, data32, new CrossEntropy());

        var (l64, g64) = o64.ValueAndGradient(theta64);
        var (l32, g32) = o32.ValueAndGradient(theta32);
        g32.dtype.Should().Be(ScalarType.Float32);
        ClaimAssert.Close(EngineCases.Engine, "float32 loss vs float64", l32, l64, 1e-5);
        ClaimAssert.Close(EngineCases.Engine, "float32 gradient vs float64", g32, g64, 1e-4);
        ClaimAssert.Close(EngineCases.Engine, "float32 Value vs float64", o32.Value(theta32), o64.Value(theta64), 1e-5);

        using var p64 = new LinearizationPoint(o64, theta64);
        using var p32 = new LinearizationPoint(o32, theta32);
        var h64 = new HessianOperator(p64).Apply(v64);
        var h32 = new HessianOperator(p32).Apply(v64.to(ScalarType.Float32));
        h32.dtype.Should().Be(ScalarType.Float32);
        ClaimAssert.Close(EngineCases.Engine, "float32 HVP vs float64", h32, h64, 1e-4);

        // The spectral estimates BENCHMARKS.md allows in float32: same seeds, so only rounding differs.
        double top64 = Lanczos.Run(new HessianOperator(p64), seed: 5).Top, top32 = Lanczos.Run(new HessianOperator(p32), seed: 5).Top;
        ClaimAssert.Close(EngineCases.Engine, "float32 Lanczos top eigenvalue vs float64", top32, top64, 1e-3);
        var t64 = Hutchinson.Estimate(new HessianOperator(p64), 20, 7).Trace.Value;
        var t32 = Hutchinson.Estimate(new HessianOperator(p32), 20, 7).Trace.Value;
        ClaimAssert.Close(EngineCases.Engine, "float32 Hutchinson trace vs float64 (same probes)", t32, t64, 1e-3);
    }
}
