namespace Goldilocks.Curvature;

/// <summary>The loss Hessian H = ∇²L(θ), by double backward: Hv = ∂(∇L · v)/∂θ.</summary>
public sealed class HessianOperator(LinearizationPoint point) : ICurvatureOperator
{
    /// <inheritdoc/>
    public long Size => point.Size;
    /// <inheritdoc/>
    public ScalarType DType => point.DType;
    /// <inheritdoc/>
    public Device Device => point.Device;

    /// <summary>Hv = (1/N) Σ_batches ∂(∇Σℓ · v)/∂θ: one backward pass through the batch's gradient graph per batch.</summary>
    public Tensor Apply(Tensor v)
    {
        this.CheckVector(v);
        return point.MeanOverBatches(b => point.SecondOrderProduct(b.Gradient, v));
    }
}
