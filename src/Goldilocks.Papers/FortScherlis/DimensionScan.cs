namespace Goldilocks.Papers.FortScherlis;

/// <summary>F4: PC(H) of the full Hessian and, per subspace dimension d, the mean over random bases of PC(VᵀHV) and of
/// the fraction of positive eigenvalues of VᵀHV.</summary>
public sealed record DimensionScanResult(double FullPositiveCurvature, IReadOnlyList<int> Dimensions,
    IReadOnlyList<double> PositiveCurvature, IReadOnlyList<double> PositiveFraction)
{
    /// <summary>PC(VᵀHV) per dimension (outer) and basis (inner); <see cref="PositiveCurvature"/> holds their means.</summary>
    public IReadOnlyList<IReadOnlyList<double>> BasisPositiveCurvature { get; init; } = Array.Empty<IReadOnlyList<double>>();

    /// <summary>Positive-eigenvalue fraction of VᵀHV per dimension (outer) and basis (inner); <see cref="PositiveFraction"/> holds their means.</summary>
    public IReadOnlyList<IReadOnlyList<double>> BasisPositiveFraction { get; init; } = Array.Empty<IReadOnlyList<double>>();
}

/// <summary>
/// Fort &amp; Scherlis Sec. 4 (claim F4): on <see cref="SmallZoneNetwork"/> at its Kaiming initialisation, the projected
/// Hessian's PC grows with d and reaches PC(H) at d = D while the positive fraction falls. Each d averages
/// <c>bases</c> Haar-orthonormal bases (basis seed 1000·seed + 10·i + b for dimension i, basis b).
/// </summary>
public static class DimensionScan
{
    /// <summary>Runs the scan for one seed (data, initialisation and bases).</summary>
    public static DimensionScanResult Run(long seed, IReadOnlyList<int> dimensions, int bases = 10)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (bases < 1) throw new ArgumentOutOfRangeException(nameof(bases), bases, "at least one basis per dimension is needed");
        using var scope = torch.NewDisposeScope();
        var (model, objective) = SmallZoneNetwork.Create(seed);
        var h = DenseMaterializer.Hessian(objective, model.InitialParameters(seed));
        double full = PositiveCurvature.Of(h);
        var pc = new double[dimensions.Count][];
        var positive = new double[dimensions.Count][];
        for (int i = 0; i < dimensions.Count; i++)
        {
            pc[i] = new double[bases];
            positive[i] = new double[bases];
            for (int b = 0; b < bases; b++)
            {
                using var inner = torch.NewDisposeScope();
                var m = SubspaceBasis.Create(model.ParameterCount, dimensions[i], 1000 * seed + 10 * i + b);
                var summary = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(m.t().matmul(h).matmul(m)));
                pc[i][b] = summary.RequirePositiveCurvature();
                positive[i][b] = summary.LocalConvexity;
            }
        }
        return new DimensionScanResult(full, dimensions.ToArray(), pc.Select(Mean).ToArray(), positive.Select(Mean).ToArray())
        {
            BasisPositiveCurvature = pc,
            BasisPositiveFraction = positive,
        };
    }

    /// <summary>Mean accumulated in basis order, as the scan always summed (bit-identical means).</summary>
    private static double Mean(double[] values) => values.Aggregate(0.0, (sum, v) => sum + v / values.Length);
}
