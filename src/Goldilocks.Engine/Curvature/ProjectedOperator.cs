using Goldilocks.Runtime;

namespace Goldilocks.Curvature;

/// <summary>
/// A restricted to the column space of a basis V ∈ R^{n×d}: the d×d operator VᵀAV (paper 000 Sec. 2, Fort &amp;
/// Scherlis Sec. 3). For an orthonormal V this is the Hessian of w ↦ L(θ₀ + Vw) at w = 0.
/// </summary>
public sealed class ProjectedOperator : ICurvatureOperator
{
    private readonly ICurvatureOperator _inner;
    private readonly Tensor _basis;

    public ProjectedOperator(ICurvatureOperator inner, Tensor basis)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.dim() != 2 || basis.shape[0] != inner.Size || basis.shape[1] == 0)
            throw new ArgumentException($"basis must have shape [{inner.Size}, d], got [{string.Join(", ", basis.shape)}]", nameof(basis));
        Guard.SameDTypeAndDevice(basis, inner.DType, inner.Device, nameof(basis));
        Guard.Finite(basis, nameof(basis));
        _basis = basis;
    }

    public long Size => _basis.shape[1];
    public ScalarType DType => _inner.DType;
    public Device Device => _inner.Device;

    public Tensor Apply(Tensor w)
    {
        this.CheckVector(w);
        using var scope = torch.NewDisposeScope();
        return _basis.t().matmul(_inner.Apply(_basis.matmul(w))).MoveToOuterDisposeScope();
    }
}
