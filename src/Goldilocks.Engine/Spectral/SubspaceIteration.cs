using Goldilocks.Curvature;
using Goldilocks.Runtime;

namespace Goldilocks.Spectral;

/// <summary>
/// Block subspace iteration with Rayleigh–Ritz: a fixed number of block products V ← qr(A V u), each followed by the
/// Ritz pairs of A on span(V), returned in descending order. It spends exactly iterations × b products (b = block
/// width) and reports, without stopping early, whether the pairs met the tolerance. Started from the previous block it
/// tracks the top eigenpairs of a slowly changing operator cheaply (<see cref="WarmStartedSubspaceIteration"/>).
/// </summary>
public static class SubspaceIteration
{
    /// <summary>Runs <paramref name="iterations"/> block products from <paramref name="start"/>.</summary>
    /// <param name="op">A symmetric operator.</param>
    /// <param name="start">The start block [n, b] with orthonormal columns (1 ≤ b ≤ n).</param>
    /// <param name="iterations">Block products to spend (≥ 1).</param>
    /// <param name="tolerance">Relative residual tolerance that <see cref="EigenResult.Converged"/> reports against.</param>
    /// <returns>All b Ritz pairs, descending.</returns>
    public static EigenResult Run(ICurvatureOperator op, Tensor start, int iterations, double tolerance = 1e-8)
    {
        var result = Run(op, start, iterations, tolerance, out var next);
        next.Dispose();
        return result;
    }

    /// <summary>As <see cref="Run(ICurvatureOperator, Tensor, int, double)"/>, also returning the orthonormal block
    /// qr(A V u) of the last iteration (owned by the caller), the warm start of the next solve.</summary>
    internal static EigenResult Run(ICurvatureOperator op, Tensor start, int iterations, double tolerance, out Tensor next)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(start);
        if (start.dim() != 2 || start.shape[0] != op.Size || start.shape[1] < 1 || start.shape[1] > op.Size)
            throw new ArgumentException($"start block must have shape [{op.Size}, b] with 1 ≤ b ≤ {op.Size}, got [{string.Join(", ", start.shape)}]", nameof(start));
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "iterations must be ≥ 1");
        Guard.PositiveFinite(tolerance, nameof(tolerance));
        using var scope = torch.NewDisposeScope();
        var v = start;
        Tensor ritzValues = null!, ritzVectors = null!, residual = null!;
        for (int i = 0; i < iterations; i++)
        {
            var hv = op.ApplyColumns(v);
            var t = v.t().matmul(hv);
            var (values, u) = torch.linalg.eigh(0.5 * (t + t.t()));
            var order = torch.argsort(values, descending: true);
            ritzValues = values[order];
            u = u.index_select(1, order);
            ritzVectors = v.matmul(u);
            var hx = hv.matmul(u); // A(Vu) exactly
            residual = torch.linalg.vector_norm(hx - ritzVectors * ritzValues, dims: new long[] { 0 });
            v = torch.linalg.qr(hx).Q;
        }
        next = v.MoveToOuterDisposeScope();
        var lambdas = ritzValues.cpu().data<double>().ToArray();
        var residuals = residual.cpu().data<double>().ToArray();
        double scale = Math.Max(lambdas.Max(Math.Abs), double.Epsilon);
        bool converged = residuals.All(r => r <= tolerance * scale);
        return new EigenResult(lambdas, ritzVectors.MoveToOuterDisposeScope(), residuals, iterations * (int)v.shape[1], converged);
    }
}
