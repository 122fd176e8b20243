using System.Text.Json.Serialization;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>At one (seed, α): the projected Hessian VᵀHV (d-dimensional) and Hutchinson's estimates of Tr(H) and ‖H‖_F² of the full Hessian.</summary>
/// <param name="Alpha">Scale α of θ = αθ₀.</param>
/// <param name="Seed">Seed of θ₀, of the subspace (<see cref="SeedRule.Basis"/>) and of the Rademacher probes.</param>
/// <param name="Hessian">Summary of the projected Hessian VᵀHV, as in <see cref="CurvaturePoint.Hessian"/>.</param>
/// <param name="Hutchinson">The two Hutchinson estimates of the full P-dimensional Hessian with their standard errors.</param>
public sealed record HutchinsonPoint(double Alpha, long Seed, CurvatureSummary Hessian, HutchinsonResult Hutchinson)
{
    /// <summary>PC of the projected Hessian (0 when it is zero).</summary>
    [JsonIgnore]
    public double ProjectedPC => Hessian.PositiveCurvature ?? 0;

    /// <summary>Tr(H)/√(‖H‖_F²) from the Hutchinson estimates; null when ‖H‖_F² ≤ 0.</summary>
    [JsonIgnore]
    public double? HutchinsonPC => Hutchinson.PositiveCurvature;
}

/// <summary>One cell of the Fig. 13 grid: initialization seed and scale α.</summary>
public sealed record HutchinsonCell(long Seed, double Alpha);

/// <summary>
/// Paper 000 Appendix F (Fig. 13): the projected-Hessian PC against Hutchinson's stochastic estimates of Tr(H) and
/// ‖H‖_F² = E‖Hv‖² (Rademacher v) of the full Hessian over α at T = 1.
/// </summary>
public static class HutchinsonComparison
{
    /// <summary>One point per α in <paramref name="alphas"/> (θ = α θ₀, θ₀ drawn with <paramref name="seed"/>): PC of the projected Hessian on a <paramref name="dimension"/>-dimensional subspace and the Hutchinson estimate from <paramref name="probes"/> Rademacher probes.</summary>
    public static IReadOnlyList<HutchinsonPoint> Run(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed = 0, int dimension = 20, int probes = 30) =>
        Grid(new Objective(model, data, new CrossEntropy()), alphas, new[] { seed }, dimension, probes).RunAll();

    /// <summary>The Fig. 13 grid, seed by seed and α by α, on <paramref name="objective"/> (cross-entropy at T = 1; its batch size is used as it is).</summary>
    public static ExperimentGrid<HutchinsonCell, HutchinsonPoint> Grid(Objective objective, IReadOnlyList<double> alphas, IReadOnlyList<long> seeds, int dimension, int probes)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(alphas);
        ArgumentNullException.ThrowIfNull(seeds);
        if (alphas.Count == 0 || alphas.Any(a => !(a > 0) || !double.IsFinite(a))) throw new ArgumentException("every α must be positive and finite", nameof(alphas));
        if (probes < 1) throw new ArgumentOutOfRangeException(nameof(probes), probes, "Hutchinson needs at least one probe");
        var cells = seeds.SelectMany(s => alphas.Select(a => new HutchinsonCell(s, a))).ToArray();
        return new ExperimentGrid<HutchinsonCell, HutchinsonPoint>(cells,
            (c, i) => ExperimentGrid<HutchinsonCell, HutchinsonPoint>.Key($"seed{c.Seed}-alpha", i, c.Alpha),
            c => Measure(objective, c, dimension, probes));
    }

    /// <summary>One cell: θ₀ and the subspace of the cell's seed (<see cref="SeedRule"/>), θ = αθ₀, the projected Hessian and <paramref name="probes"/> Hutchinson probes seeded with the cell's seed.</summary>
    public static HutchinsonPoint Measure(Objective objective, HutchinsonCell cell, int dimension, int probes)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(cell);
        var model = objective.Model;
        using var scope = torch.NewDisposeScope();
        var theta0 = SeedRule.InitialParameters(model, cell.Seed, objective.Data.DType, objective.Data.Device);
        var basis = SubspaceBasis.Create(model.ParameterCount, dimension, SeedRule.Basis(cell.Seed), BasisKind.GaussianOrthonormal, objective.Data.DType, objective.Data.Device);
        using var point = new LinearizationPoint(objective, theta0 * cell.Alpha);
        var hessian = new HessianOperator(point);
        var projected = CurvatureProbe.Summarize(DenseMaterializer.Materialize(new ProjectedOperator(hessian, basis)));
        return new HutchinsonPoint(cell.Alpha, cell.Seed, projected, Hutchinson.Estimate(hessian, probes, cell.Seed));
    }

    /// <summary>First and last index whose value is at least <paramref name="fraction"/> of the curve's maximum: the zone's edges.</summary>
    public static (int First, int Last) Edges(IReadOnlyList<double> curve, double fraction)
    {
        double max = curve.Max();
        int first = Enumerable.Range(0, curve.Count).First(i => curve[i] >= fraction * max);
        int last = Enumerable.Range(0, curve.Count).Last(i => curve[i] >= fraction * max);
        return (first, last);
    }
}
