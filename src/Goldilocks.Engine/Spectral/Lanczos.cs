using Goldilocks.Curvature;

namespace Goldilocks.Spectral;

/// <summary>Which end of the spectrum to return.</summary>
public enum SpectrumEnd
{
    /// <summary>The largest eigenvalues first (the top of the spectrum).</summary>
    LargestAlgebraic,
    /// <summary>The smallest (most negative) eigenvalues first.</summary>
    SmallestAlgebraic,
}

/// <summary>
/// Lanczos with full re-orthogonalisation over any operator. Stops when the k wanted Ritz pairs have residual
/// ≤ tolerance·max(|θ|, tiny) (residuals from the β_m|s_m| bound, exact in exact arithmetic), or at maxIterations.
/// </summary>
public static class Lanczos
{
    /// <summary>The <paramref name="k"/> eigenpairs of <paramref name="op"/> at the <paramref name="end"/> of its spectrum.</summary>
    /// <param name="op">A symmetric operator.</param>
    /// <param name="k">Number of pairs, 1 ≤ k ≤ n.</param>
    /// <param name="end">Which end of the spectrum.</param>
    /// <param name="tolerance">Relative residual tolerance: a pair is converged when ‖Ay − θy‖ ≤ tolerance·max|θ|.</param>
    /// <param name="maxIterations">Maximum products (default max(3k + 20, 100)); capped at n.</param>
    /// <param name="seed">Seed of the Gaussian start vector when <paramref name="start"/> is null.</param>
    /// <param name="start">Start vector [n] (normalised here).</param>
    /// <returns>k pairs ordered from <paramref name="end"/>; <see cref="EigenResult.Converged"/> is false when <paramref name="maxIterations"/> ran out first.</returns>
    public static EigenResult Run(ICurvatureOperator op, int k = 1, SpectrumEnd end = SpectrumEnd.LargestAlgebraic,
        double tolerance = 1e-8, int? maxIterations = null, long seed = 0, Tensor? start = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (k < 1 || k > op.Size) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {op.Size}]");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be > 0");
        int maxIter = (int)Math.Min(op.Size, maxIterations ?? Math.Max(3 * k + 20, 100));
        if (maxIter < k) throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be ≥ k");

        using var scope = torch.NewDisposeScope();
        var q = start is null
            ? torch.randn(new[] { op.Size }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed)).to(op.DType).to(op.Device)
            : op.CheckVector(start, nameof(start)).clone();
        q = q / torch.linalg.vector_norm(q);
        var basis = new List<Tensor> { q };
        var alpha = new List<double>();
        var beta = new List<double>();
        int products = 0;
        double[] ritz = Array.Empty<double>(), residuals = Array.Empty<double>();
        Tensor? s = null;
        bool converged = false;

        for (int j = 0; j < maxIter; j++)
        {
            using (var step = torch.NewDisposeScope())
            {
                var (a, b, w) = Step(op, basis);
                products++;
                alpha.Add(a);
                beta.Add(b);
                (ritz, s) = Tridiagonal(alpha, beta, end);
                s = s.MoveToOuterDisposeScope();
                int kk = Math.Min(k, ritz.Length);
                residuals = Enumerable.Range(0, kk).Select(i => Math.Abs(b * s[alpha.Count - 1, i].ToDouble())).ToArray();
                double scale = Math.Max(ritz.Take(kk).Max(Math.Abs), double.Epsilon);
                converged = kk == k && residuals.All(r => r <= tolerance * scale);
                if (converged || j + 1 == maxIter || b <= 1e-14 * Math.Max(scale, 1e-300))
                {
                    if (kk == k && b <= 1e-14 * Math.Max(scale, 1e-300)) converged = true; // invariant subspace found
                    break;
                }
                basis.Add((w / b).MoveToOuterDisposeScope());
            }
        }

        int m = alpha.Count;
        int take = Math.Min(k, ritz.Length);
        var V = torch.stack(basis.Take(m).ToList(), 1);
        var vectors = V.matmul(s!.narrow(1, 0, take).to(op.DType).to(op.Device));
        return new EigenResult(ritz.Take(take).ToArray(), vectors.MoveToOuterDisposeScope(), residuals.Take(take).ToArray(), products, converged);
    }

    /// <summary>One Lanczos step from the last basis vector: α = qᵀAq, then w = Aq orthogonalised against the whole
    /// basis (classical Gram-Schmidt twice: "twice is enough"), β = ‖w‖.</summary>
    internal static (double Alpha, double Beta, Tensor Residual) Step(ICurvatureOperator op, IReadOnlyList<Tensor> basis)
    {
        var q = basis[^1];
        var w = op.Apply(q);
        double a = w.dot(q).ToDouble();
        var Q = torch.stack(basis, 1);
        for (int pass = 0; pass < 2; pass++) w = w - Q.matmul(Q.t().matmul(w));
        return (a, torch.linalg.vector_norm(w).ToDouble(), w);
    }

    /// <summary>Eigen-pairs of the Lanczos tridiagonal T_m, ordered from the requested end.</summary>
    internal static (double[] Values, Tensor Vectors) Tridiagonal(IReadOnlyList<double> alpha, IReadOnlyList<double> beta, SpectrumEnd end)
    {
        int m = alpha.Count;
        var t = torch.zeros(m, m, dtype: ScalarType.Float64);
        for (int i = 0; i < m; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < m) { t[i, i + 1] = beta[i]; t[i + 1, i] = beta[i]; }
        }
        var (values, vectors) = torch.linalg.eigh(t);
        if (end == SpectrumEnd.LargestAlgebraic)
        {
            values = values.flip(0);
            vectors = vectors.flip(1);
        }
        return (values.data<double>().ToArray(), vectors);
    }
}
