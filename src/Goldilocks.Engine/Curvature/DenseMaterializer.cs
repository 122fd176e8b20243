namespace Goldilocks.Curvature;

/// <summary>Builds the explicit n×n matrix of an operator column by column (A e_j); for small n only.</summary>
public static class DenseMaterializer
{
    /// <summary>Largest n materialised without <c>allowLarge</c> (a 4,096² float64 matrix is 128 MiB).</summary>
    public const long DefaultLimit = 4096;

    /// <summary>The n×n matrix [A e_1 … A e_n] of <paramref name="op"/>; refuses n &gt; <see cref="DefaultLimit"/> unless <paramref name="allowLarge"/>.</summary>
    public static Tensor Materialize(ICurvatureOperator op, bool allowLarge = false)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.Size > DefaultLimit && !allowLarge)
            throw new ArgumentException($"operator of size {op.Size} is too large to materialise densely (limit {DefaultLimit}; pass allowLarge)", nameof(op));
        using var scope = torch.NewDisposeScope();
        var eye = torch.eye(op.Size, dtype: op.DType, device: op.Device);
        return op.ApplyColumns(eye).MoveToOuterDisposeScope();
    }

    /// <summary>The dense loss Hessian of <paramref name="objective"/> at <paramref name="theta"/> (its <see cref="HessianOperator"/> materialised).</summary>
    public static Tensor Hessian(Objectives.Objective objective, Tensor theta, bool allowLarge = false)
    {
        using var point = new LinearizationPoint(objective, theta);
        return Materialize(new HessianOperator(point), allowLarge);
    }
}
