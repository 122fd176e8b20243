
namespace Goldilocks.Papers.FortScherlis;

/// <summary>How a random direction v ∈ R^D is drawn.</summary>
public enum DirectionKind
{
    /// <summary>v ~ N(0, I/D): Fort &amp; Scherlis's Wick-theorem model (E v_i² = 1/D, components independent).</summary>
    Gaussian,

    /// <summary>v uniform on the unit sphere S^{D-1}: a "uniformly-random direction".</summary>
    UniformSphere,
}

/// <summary>
/// Fort &amp; Scherlis Sec. 2.4: the curvature vᵀHv along random directions and the trace of H restricted to random
/// subspaces, with the closed-form moments the paper derives (and the exact unit-sphere variance it glosses over).
/// </summary>
public static class RandomDirections
{
    /// <summary>E[vᵀHv] = Tr(H)/D for both direction kinds (the average principal curvature).</summary>
    public static double ExpectedCurvature(double trace, long dimension) => trace / Positive(dimension);

    /// <summary>Var[vᵀHv] for v ~ N(0, I/D): 2‖H‖_F²/D² (Fort &amp; Scherlis, by Wick's theorem).</summary>
    public static double GaussianCurvatureVariance(double frobeniusSquared, long dimension) =>
        2 * frobeniusSquared / ((double)Positive(dimension) * dimension);

    /// <summary>Var[uᵀHu] for u uniform on S^{D-1}: 2(D‖H‖_F² - Tr(H)²)/(D²(D + 2)). Zero for H ∝ I.</summary>
    public static double SphereCurvatureVariance(double trace, double frobeniusSquared, long dimension)
    {
        double d = Positive(dimension);
        return 2 * (d * frobeniusSquared - trace * trace) / (d * d * (d + 2));
    }

    /// <summary>E Tr(VᵀHV) = d Tr(H)/D for V with d columns, each uniform on S^{D-1} or N(0, I/D) (Fort &amp; Scherlis: Tr(H_d) ∝ d).</summary>
    public static double ExpectedProjectedTrace(double trace, long dimension, int subspaceDimension) =>
        subspaceDimension * trace / Positive(dimension);

    /// <summary>
    /// E‖VᵀHV‖_F² for V [D, d] with i.i.d. N(0, 1/D) entries: [d Tr(H)² + d(d+1)‖H‖_F²]/D² (Wick's theorem on
    /// the diagonal entries (Tr² + 2‖H‖²)/D² and the off-diagonal ones ‖H‖²/D²).
    /// </summary>
    public static double GaussianProjectedFrobeniusSquared(double trace, double frobeniusSquared, long dimension, int subspaceDimension)
    {
        double d = subspaceDimension, dd = Positive(dimension);
        return (d * trace * trace + d * (d + 1) * frobeniusSquared) / (dd * dd);
    }

    /// <summary>
    /// The PC of a projected Hessian predicted from the two moments above: d·Tr/√(d·Tr² + d(d+1)‖H‖²) =
    /// PC·√d/√(PC² + d + 1). It grows like √d for d ≪ PC² and tends to PC(H) once d ≫ PC², as Fort &amp; Scherlis state.
    /// </summary>
    public static double PredictedProjectedPositiveCurvature(double positiveCurvature, int subspaceDimension)
    {
        double d = subspaceDimension;
        return positiveCurvature * Math.Sqrt(d) / Math.Sqrt(positiveCurvature * positiveCurvature + d + 1);
    }

    /// <summary>Random directions as the columns of a [D, count] matrix (seeded on the CPU, then moved).</summary>
    public static Tensor Directions(long dimension, int count, long seed, DirectionKind kind, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        Positive(dimension);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be ≥ 1");
        using var scope = torch.NewDisposeScope();
        var v = torch.randn(new[] { dimension, count }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));
        v = kind switch
        {
            DirectionKind.Gaussian => v / Math.Sqrt(dimension),
            DirectionKind.UniformSphere => v / torch.linalg.vector_norm(v, dims: new long[] { 0 }, keepdim: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown direction kind"),
        };
        return v.to(dtype).to(device ?? torch.CPU).MoveToOuterDisposeScope();
    }

    /// <summary>The curvatures vᵀHv along <paramref name="count"/> random directions (one operator product each).</summary>
    public static double[] Curvatures(ICurvatureOperator op, int count, long seed, DirectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(op);
        using var scope = torch.NewDisposeScope();
        var v = Directions(op.Size, count, seed, kind, op.DType, op.Device);
        var hv = op.ApplyColumns(v);
        return (v * hv).sum(dim: 0).to(ScalarType.Float64).cpu().data<double>().ToArray();
    }

    /// <summary>The same for an explicit symmetric matrix, with all directions in one matrix product.</summary>
    public static double[] Curvatures(Tensor matrix, int count, long seed, DirectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.dim() != 2 || matrix.shape[0] != matrix.shape[1])
            throw new ArgumentException($"a square matrix is required, got [{string.Join(", ", matrix.shape)}]", nameof(matrix));
        using var scope = torch.NewDisposeScope();
        var v = Directions(matrix.shape[0], count, seed, kind, matrix.dtype, matrix.device);
        return (v * matrix.matmul(v)).sum(dim: 0).to(ScalarType.Float64).cpu().data<double>().ToArray();
    }

    private static long Positive(long dimension) =>
        dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension D must be ≥ 1");
}
