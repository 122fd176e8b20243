namespace Goldilocks.Curvature;

/// <summary>The loss Hessian H = ∇²L(θ), by double backward: Hv = ∂(∇L · v)/∂θ.</summary>
public sealed class HessianOperator(LinearizationPoint point) : ICurvatureOperator
{
    public long Size => point.Size;
    public ScalarType DType => point.DType;
    public Device Device => point.Device;

    public Tensor Apply(Tensor v)
    {
        this.CheckVector(v);
        return point.MeanOverBatches(b => point.SecondOrderProduct(b.Gradient, v));
    }
}
