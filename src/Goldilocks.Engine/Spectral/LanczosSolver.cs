using Goldilocks.Curvature;

namespace Goldilocks.Spectral;

/// <summary>
/// <see cref="IEigenSolver"/> running <see cref="Lanczos"/> from the same seeded start vector at every call, to a
/// relative residual tolerance, with at most min(n, max(4k + 40, 120)) products. Stateless: one instance may serve
/// any number of runs.
/// </summary>
/// <param name="tolerance">Relative residual tolerance of each Ritz pair.</param>
/// <param name="seed">Seed of the start vector (the same at every call, so runs are reproducible).</param>
public sealed class LanczosSolver(double tolerance = 1e-9, long seed = 0) : IEigenSolver
{
    /// <summary>Relative residual tolerance of each Ritz pair.</summary>
    public double Tolerance { get; } = tolerance;

    /// <summary>Seed of the Lanczos start vector.</summary>
    public long Seed { get; } = seed;

    /// <summary>The <paramref name="k"/> largest eigenpairs of <paramref name="op"/> (exactly k pairs).</summary>
    public EigenResult Solve(ICurvatureOperator op, int k)
    {
        ArgumentNullException.ThrowIfNull(op);
        var r = Lanczos.Run(op, k, SpectrumEnd.LargestAlgebraic, Tolerance,
            maxIterations: (int)Math.Min(op.Size, Math.Max(4 * k + 40, 120)), seed: Seed);
        return r with { Eigenvectors = r.Eigenvectors.detach().clone() };
    }
}
