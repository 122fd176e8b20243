namespace Goldilocks.Curvature;

/// <summary>
/// The G-term (Gauss-Newton part) of paper 000 Eq. 4: G = (1/N) Σ_μ J_μᵀ M_μ J_μ with M = ∂²ℓ/∂z²
/// (= [diag(p) - ppᵀ]/T² for cross-entropy). Gv = Jᵀ(M(Jv)), with Jv from two reverse passes.
/// </summary>
public sealed class GTermOperator(LinearizationPoint point) : ICurvatureOperator
{
    /// <inheritdoc/>
    public long Size => point.Size;
    /// <inheritdoc/>
    public ScalarType DType => point.DType;
    /// <inheritdoc/>
    public Device Device => point.Device;

    /// <summary>Gv = (1/N) Σ_μ J_μᵀ M_μ J_μ v (paper 000 Eq. 4): a Jacobian product, the logit Hessian, a transposed Jacobian product.</summary>
    public Tensor Apply(Tensor v)
    {
        this.CheckVector(v);
        var loss = point.Objective.Loss;
        return point.MeanOverBatches(b =>
            point.JacobianTransposeProduct(b, loss.LogitHessianProduct(b.Logits, LinearizationPoint.JacobianProduct(b, v))));
    }
}
