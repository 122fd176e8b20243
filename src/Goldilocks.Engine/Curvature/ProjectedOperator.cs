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

    /// <summary>VᵀAV for the operator <paramref name="inner"/> = A and a basis <paramref name="basis"/> = V [n, d] checked by <see cref="SubspaceBasis.Validate"/>; the basis is referenced, not copied.</summary>
    public ProjectedOperator(ICurvatureOperator inner, Tensor basis)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _basis = SubspaceBasis.Validate(basis, inner.Size, inner.DType, inner.Device, nameof(basis));
    }

    /// <summary>d, the number of basis columns.</summary>
    public long Size => _basis.shape[1];
    /// <inheritdoc/>
    public ScalarType DType => _inner.DType;
    /// <inheritdoc/>
    public Device Device => _inner.Device;

    /// <summary>VᵀA(Vw) for w of shape [d].</summary>
    public Tensor Apply(Tensor w)
    {
        this.CheckVector(w);
        using var scope = torch.NewDisposeScope();
        return _basis.t().matmul(_inner.Apply(_basis.matmul(w))).MoveToOuterDisposeScope();
    }
}
