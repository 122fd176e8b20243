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
    /// Projects H, G-term and H-term onto the columns of <paramref name="basis"/> sharing one linearisation (one
    /// forward pass, one first-order graph per batch). H and G are computed by their own products and the H-term
    /// as H - G (exact by Eq. 4; the independent <see cref="HTermOperator"/> is what the tests check this against).
    /// </summary>
    public static ProjectedMatrices Compute(LinearizationPoint point, Tensor basis)
    {
        ArgumentNullException.ThrowIfNull(point);
        using var scope = torch.NewDisposeScope();
        var h = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), basis));
        var g = DenseMaterializer.Materialize(new ProjectedOperator(new GTermOperator(point), basis));
        var hterm = h - g;
        return new ProjectedMatrices(h.MoveToOuterDisposeScope(), g.MoveToOuterDisposeScope(), hterm.MoveToOuterDisposeScope());
    }
}
