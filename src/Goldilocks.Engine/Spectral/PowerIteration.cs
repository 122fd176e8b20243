using Goldilocks.Curvature;
using Goldilocks.Runtime;

namespace Goldilocks.Spectral;

/// <summary>Power iteration for the dominant eigenpair (largest |λ|), stopping at ‖Av - λv‖ ≤ tol·|λ|.</summary>
public static class PowerIteration
{
    /// <summary>The dominant eigenpair of <paramref name="op"/> from a seeded Gaussian start: one pair (eigenvector [n, 1]), its residual and the products spent, at most <paramref name="maxIterations"/>.</summary>
    /// <param name="op">A symmetric operator.</param>
    /// <param name="tolerance">Stop when ‖Av − λv‖ ≤ tolerance·|λ| (positive, finite).</param>
    /// <param name="maxIterations">Maximum products (≥ 1).</param>
    /// <param name="seed">Seed of the start vector.</param>
    public static EigenResult Run(ICurvatureOperator op, double tolerance = 1e-8, int maxIterations = 1000, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(op);
        Guard.PositiveFinite(tolerance, nameof(tolerance));
        if (maxIterations < 1) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be ≥ 1");
        using var scope = torch.NewDisposeScope();
        var v = torch.randn(new[] { op.Size }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed)).to(op.DType).to(op.Device);
        v = v / torch.linalg.vector_norm(v);
        double lambda = 0, residual = double.PositiveInfinity;
        int i = 0;
        while (true)
        {
            using var step = torch.NewDisposeScope();
            var av = op.Apply(v);
            i++;
            lambda = av.dot(v).ToDouble();
            residual = torch.linalg.vector_norm(av - lambda * v).ToDouble();
            // Stop with the pair (λ, v) the residual was measured on: on convergence (Av = 0 included: λ = 0 and a zero
            // residual), or when the budget is spent.
            if (residual <= tolerance * Math.Abs(lambda) || i == maxIterations) break;
            v = (av / torch.linalg.vector_norm(av)).MoveToOuterDisposeScope();
        }
        return new EigenResult(new[] { lambda }, v.unsqueeze(1).MoveToOuterDisposeScope(), new[] { residual }, i, residual <= tolerance * Math.Abs(lambda));
    }
}
