namespace Goldilocks.Curvature;

/// <summary>
/// The H-term of paper 000 Eq. 4: (1/N) Σ_μ Σ_k r_μk ∇²z_μk with r = ∂ℓ/∂z (= (p - y)/T for cross-entropy) held
/// fixed. Computed independently of H and G as the Hessian of θ ↦ (1/N) Σ_μ r_μ · f(θ, x_μ) with r frozen.
/// </summary>
public sealed class HTermOperator(LinearizationPoint point) : ICurvatureOperator
{
    /// <inheritdoc/>
    public long Size => point.Size;
    /// <inheritdoc/>
    public ScalarType DType => point.DType;
    /// <inheritdoc/>
    public Device Device => point.Device;

    /// <summary>(H-term)v = (1/N) Σ_μ Σ_k r_μk ∇²z_μk v (paper 000 Eq. 4), the derivative of Jᵀr with r held fixed.</summary>
    public Tensor Apply(Tensor v)
    {
        this.CheckVector(v);
        return point.MeanOverBatches(b => point.SecondOrderProduct(b.JacobianTransposeResidual, v));
    }
}
