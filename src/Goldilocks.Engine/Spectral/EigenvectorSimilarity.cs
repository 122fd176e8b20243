namespace Goldilocks.Spectral;

/// <summary>
/// Similarity of Hessian eigenvectors and eigen-subspaces across training (Wang &amp; Roberts Sec. 2.2, 3.2, Fig. 2):
/// |cos| between single eigenvectors (sign-free), principal angles between subspaces, and the Grassmann similarity
/// (mean squared cosine of the principal angles, ‖Q_UᵀQ_V‖_F²/min(k, m) ∈ [0, 1]; 1 iff one subspace contains the
/// other) with the Grassmann distance √(Σ θ_i²) of Ye &amp; Lim (2016).
/// </summary>
public static class EigenvectorSimilarity
{
    /// <summary>uᵀv/(‖u‖‖v‖), signed; throws for a zero vector.</summary>
    public static double Cosine(Tensor u, Tensor v)
    {
        Check(u, v);
        using var scope = torch.NewDisposeScope();
        var a = u.flatten().to(ScalarType.Float64);
        var b = v.flatten().to(ScalarType.Float64).to(a.device);
        if (a.shape[0] != b.shape[0]) throw new ArgumentException($"cosine needs vectors of equal length, got {a.shape[0]} and {b.shape[0]}");
        double nu = a.norm().ToDouble(), nv = b.norm().ToDouble();
        if (nu == 0 || nv == 0) throw new ArgumentException("cosine of a zero vector is undefined");
        return a.dot(b).ToDouble() / (nu * nv);
    }

    /// <summary>|uᵀv|/(‖u‖‖v‖) (sign-free, for eigenvectors), at most 1.</summary>
    public static double AbsCosine(Tensor u, Tensor v) => Math.Min(1.0, Math.Abs(Cosine(u, v)));

    /// <summary>Cosines of the principal angles between span(U) and span(V) (columns), descending.</summary>
    public static double[] PrincipalCosines(Tensor u, Tensor v)
    {
        Check(u, v);
        if (u.dim() != 2 || v.dim() != 2 || u.shape[0] != v.shape[0])
            throw new ArgumentException($"subspaces need bases [P, k] and [P, m] with equal P, got [{string.Join(", ", u.shape)}] and [{string.Join(", ", v.shape)}]");
        using var scope = torch.NewDisposeScope();
        var qu = Orthonormal(u, nameof(u));
        var qv = Orthonormal(v, nameof(v)).to(qu.device);
        var s = torch.linalg.svdvals(qu.t().matmul(qv));
        return s.cpu().data<double>().Select(c => Math.Clamp(c, 0.0, 1.0)).ToArray();
    }

    /// <summary>Principal angles θ_i = arccos σ_i, ascending.</summary>
    public static double[] PrincipalAngles(Tensor u, Tensor v) => PrincipalCosines(u, v).Select(Math.Acos).ToArray();

    /// <summary>Mean of cos²θ_i over the min(k, m) principal angles.</summary>
    public static double GrassmannSimilarity(Tensor u, Tensor v)
    {
        var c = PrincipalCosines(u, v);
        return c.Sum(x => x * x) / c.Length;
    }

    /// <summary>√(Σ θ_i²) (Ye &amp; Lim 2016).</summary>
    public static double GrassmannDistance(Tensor u, Tensor v) => Math.Sqrt(PrincipalAngles(u, v).Sum(a => a * a));

    private static Tensor Orthonormal(Tensor basis, string name)
    {
        var (q, r) = torch.linalg.qr(basis.to(ScalarType.Float64));
        var diag = r.diagonal().abs();
        double max = diag.max().ToDouble();
        if (!(max > 0) || diag.min().ToDouble() <= 1e-12 * max)
            throw new ArgumentException($"{name}: the basis columns are linearly dependent", name);
        return q;
    }

    private static void Check(Tensor u, Tensor v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.IsInvalid || v.IsInvalid) throw new ObjectDisposedException(nameof(Tensor));
    }
}
