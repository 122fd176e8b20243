
namespace Goldilocks.FuzzHost;

/// <summary>
/// A seeded end-to-end computation whose every double is printed as its IEEE-754 bit pattern (16 hex digits), one line
/// per quantity: <c>DET name hex hex …</c>. The problem (bias-free ReLU MLP 24-48-48-10 on 192 synthetic samples, P = 3,936)
/// is large enough that intra-op parallelism splits the work, so thread counts can change summation order.
/// </summary>
public static class DeterminismProbe
{
    public static IEnumerable<string> Run(long seed)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(24, new[] { 48, 48 }, 10);
        using var data = SyntheticClusters.Generate(192, 24, 10, seed);
        var objective = new Objective(model, data, new CrossEntropy(), batchSize: 100);
        var theta = model.InitialParameters(seed);
        var (loss, gradient) = objective.ValueAndGradient(theta);
        yield return Line("loss", loss);
        yield return Line("gradient", gradient.data<double>().ToArray());
        using var point = new LinearizationPoint(objective, theta);
        using var projected = ProjectedCurvature.Compute(point, SubspaceBasis.Create(model.ParameterCount, 4, seed + 1));
        yield return Line("projected-hessian", projected.Hessian.data<double>().ToArray());
        yield return Line("projected-gterm", projected.GTerm.data<double>().ToArray());
        var lanczos = Lanczos.Run(new HessianOperator(point), k: 3, maxIterations: 15, seed: seed + 2);
        yield return Line("lanczos-top3", lanczos.Eigenvalues);
        var hutchinson = Hutchinson.Estimate(new GTermOperator(point), probes: 4, seed: seed + 3);
        yield return Line("hutchinson-trace-frob2", hutchinson.Trace.Value, hutchinson.FrobeniusSquared.Value);
    }

    private static string Line(string name, params double[] values) =>
        $"DET {name} {string.Join(" ", values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("X16")))}";
}
