using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>The d×d matrices VᵀHV, VᵀGV and Vᵀ(H-term)V at one point (paper 000 Sec. 2-3, Fig. 2).</summary>
public sealed record ProjectedMatrices(Tensor Hessian, Tensor GTerm, Tensor HTerm) : IDisposable
{
    public void Dispose()
    {
        Hessian.Dispose();
        GTerm.Dispose();
        HTerm.Dispose();
    }
}

public static class ProjectedCurvature
{
    /// <summary>
    /// Projects H, G-term and H-term onto the columns of <paramref name="basis"/> V ∈ R^{P×d} with one forward pass
    /// per batch (shared through <paramref name="point"/>) and, per batch and column v_j, exactly two backward passes:
    /// <list type="bullet">
    /// <item>G-term (paper 000 Eq. 4): VᵀGV = (1/N) Σ_μ (J_μV)ᵀ M_μ (J_μV) from the d Jacobian-vector products J v_j
    /// alone (no Jᵀ product: the logit-space quadratic form is assembled directly);</item>
    /// <item>H-term: Vᵀ(H-term)V from d second-order products through the Jᵀr graph (r held fixed);</item>
    /// <item>Hessian: H = G + H-term (Eq. 4, exact), so no Hessian-vector product is spent at all.</item>
    /// </list>
    /// An HVP through the gradient graph internally does both a Jacobian product and an H-term product, so this costs
    /// less than d HVPs; the operator-by-operator path (ProjectedOperator over each operator) is the test oracle.
    /// </summary>
    public static ProjectedMatrices Compute(LinearizationPoint point, Tensor basis)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.dim() != 2 || basis.shape[0] != point.Size)
            throw new ArgumentException($"basis must have shape [{point.Size}, d], got [{string.Join(", ", basis.shape)}]", nameof(basis));
        Guard.SameDTypeAndDevice(basis, point.DType, point.Device, nameof(basis));
        Guard.Finite(basis, nameof(basis));
        using var scope = torch.NewDisposeScope();
        long d = basis.shape[1];
        var loss = point.Objective.Loss;
        var columns = Enumerable.Range(0, (int)d).Select(j => basis[.., j].contiguous()).ToArray();
        var g = torch.zeros(d, d, dtype: point.DType, device: point.Device);
        var hterm = torch.zeros(d, d, dtype: point.DType, device: point.Device);
        foreach (var batch in point.Graphs())
        {
            using var inner = torch.NewDisposeScope();
            // [d, n·K]: row j is J_b v_j; M_b applied row by row.
            var jv = torch.stack(columns.Select(v => LinearizationPoint.JacobianProduct(batch, v)).ToList(), 0);
            var mjv = torch.stack(Enumerable.Range(0, (int)d).Select(j => loss.LogitHessianProduct(batch.Logits, jv[j])).ToList(), 0);
            g.add_(jv.flatten(1).matmul(mjv.flatten(1).t()));
            // Column j of Vᵀ(H-term_b)V, projected at once so no [P, d] block is held.
            var vt = basis.t();
            hterm.add_(torch.stack(columns.Select(v => vt.matmul(point.SecondOrderProduct(batch.JacobianTransposeResidual, v))).ToList(), 1));
        }
        g.div_(point.Objective.Count);
        hterm.div_(point.Objective.Count);
        var h = g + hterm;
        return new ProjectedMatrices(h.MoveToOuterDisposeScope(), g.MoveToOuterDisposeScope(), hterm.MoveToOuterDisposeScope());
    }
}
