using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>The d×d matrices VᵀHV, VᵀGV and Vᵀ(H-term)V at one point (paper 000 Sec. 2-3, Fig. 2).</summary>
/// <param name="Hessian">VᵀHV [d, d].</param>
/// <param name="GTerm">VᵀGV [d, d] (paper 000 Eq. 4).</param>
/// <param name="HTerm">Vᵀ(H − G)V [d, d].</param>
public sealed record ProjectedMatrices(Tensor Hessian, Tensor GTerm, Tensor HTerm) : IDisposable
{
    /// <summary>Disposes the three matrices.</summary>
    public void Dispose()
    {
        Hessian.Dispose();
        GTerm.Dispose();
        HTerm.Dispose();
    }
}

/// <summary>The three projected curvature matrices of paper 000 (Sec. 2-3) at one linearisation point, computed together.</summary>
public static class ProjectedCurvature
{
    /// <summary>
    /// Projects H, G-term and H-term onto the columns of <paramref name="basis"/> V ∈ R^{P×d} with one forward pass and
    /// one first-order graph per batch (shared through <paramref name="point"/>) and, per batch and column v_j, ONE
    /// backward pass that yields H v_j and J v_j together (<see cref="LinearizationPoint.HessianAndJacobianProduct"/>):
    /// <list type="bullet">
    /// <item>VᵀHV = Vᵀ[H v_1 … H v_d] (one GEMM);</item>
    /// <item>G-term (paper 000 Eq. 4): VᵀGV = (1/N) Σ_μ (J_μV)ᵀ M_μ (J_μV) from the Jacobian products alone;</item>
    /// <item>H-term = H - G (Eq. 4, exact).</item>
    /// </list>
    /// The operator-by-operator path (ProjectedOperator over each operator) is the test oracle.
    /// </summary>
    public static ProjectedMatrices Compute(LinearizationPoint point, Tensor basis)
    {
        ArgumentNullException.ThrowIfNull(point);
        SubspaceBasis.Validate(basis, point.Size, point.DType, point.Device, nameof(basis));
        using var scope = torch.NewDisposeScope();
        long d = basis.shape[1];
        var loss = point.Objective.Loss;
        var columns = Enumerable.Range(0, (int)d).Select(j => basis[.., j].contiguous()).ToArray();
        var g = torch.zeros(d, d, dtype: point.DType, device: point.Device);
        var h = torch.zeros(d, d, dtype: point.DType, device: point.Device);
        foreach (var batch in point.Graphs())
        {
            using var inner = torch.NewDisposeScope();
            var hv = new List<Tensor>((int)d);
            var jv = new List<Tensor>((int)d);
            foreach (var v in columns)
            {
                var (hvj, jvj) = point.HessianAndJacobianProduct(batch, v);
                hv.Add(hvj);
                jv.Add(jvj);
            }
            // Rows H v_j stacked contiguously ([d, P], no strided writes), times V: (Vᵀ H V)ᵀ.
            h.add_(torch.stack(hv, 0).matmul(basis).t());
            // [d, n·K]: row j is J_b v_j; M_b applied row by row.
            var jvs = torch.stack(jv, 0);
            var mjv = torch.stack(jv.Select(u => loss.LogitHessianProduct(batch.Logits, u)).ToList(), 0);
            g.add_(jvs.flatten(1).matmul(mjv.flatten(1).t()));
        }
        g.div_(point.Objective.Count);
        h.div_(point.Objective.Count);
        // VᵀHV from autograd is symmetric only up to round-off relative to ‖H‖; symmetrise both before the
        // subtraction so the H-term, which can be far smaller than H and G (collapse), is exactly symmetric too.
        h = (h + h.t()) / 2;
        g = (g + g.t()) / 2;
        var hterm = h - g;
        return new ProjectedMatrices(h.MoveToOuterDisposeScope(), g.MoveToOuterDisposeScope(), hterm.MoveToOuterDisposeScope());
    }
}
