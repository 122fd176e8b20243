
namespace Goldilocks.Papers.Deconstructing;

/// <param name="Alphas">Initialization scales α (θ = α θ₀, T = 1).</param>
/// <param name="Seeds">Initialization seeds; each has its own random subspaces (<see cref="SeedRule.Basis"/>).</param>
/// <param name="Dimensions">Subspace dimensions d (paper 000 Fig. 4 left; Fort &amp; Scherlis Fig. 3).</param>
public sealed record DimensionSweepOptions(IReadOnlyList<double> Alphas, IReadOnlyList<long> Seeds, IReadOnlyList<int> Dimensions);

/// <summary>One cell of the Fig. 4 (left) grid: seed, subspace dimension d and scale α.</summary>
public sealed record DimensionCell(long Seed, int Dimension, double Alpha);

/// <summary>One measured cell: the subspace dimension d and the Fig. 1-2 statistics on that d-dimensional subspace.</summary>
/// <param name="Dimension">Subspace dimension d.</param>
/// <param name="Point">The point θ = αθ₀ measured on the subspace (the cell of <see cref="ZoneSweep.Measure"/> at T = 1).</param>
public sealed record DimensionPoint(int Dimension, CurvaturePoint Point);

/// <summary>
/// Paper 000 Fig. 4 (left): the excess of positive eigenvalues (PC) of the projected G-term, and of H and the H-term,
/// against the dimension d of the random subspace, over α at T = 1. Eq. 8 predicts a PC that grows with d
/// (claim G13); Fort &amp; Scherlis (Sec. 2.4) saw the same for the Hessian (claim F4). Each cell is the zone cell
/// <see cref="ZoneSweep.Measure"/> with its own d, so a row of this grid at d equals <c>zone</c> at that d.
/// </summary>
public static class DimensionSweep
{
    /// <summary>The seeds × d × α grid of <paramref name="options"/> on <paramref name="objective"/> (cross-entropy; measured at T = 1).</summary>
    public static ExperimentGrid<DimensionCell, DimensionPoint> Grid(Objective objective, DimensionSweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Alphas.Count == 0 || options.Alphas.Any(a => !(a > 0) || !double.IsFinite(a)))
            throw new ArgumentException("every α must be positive and finite", nameof(options));
        if (options.Dimensions.Count == 0 || options.Dimensions.Any(d => d < 1 || d > objective.Model.ParameterCount))
            throw new ArgumentException($"every d must lie in [1, P = {objective.Model.ParameterCount}]", nameof(options));
        var cells = options.Seeds.SelectMany(s => options.Dimensions.SelectMany(d => options.Alphas.Select(a => new DimensionCell(s, d, a)))).ToArray();
        return new ExperimentGrid<DimensionCell, DimensionPoint>(cells,
            (c, i) => ExperimentGrid<DimensionCell, DimensionPoint>.Key($"seed{c.Seed}-d{c.Dimension}-alpha", i, c.Alpha),
            c => new DimensionPoint(c.Dimension, ZoneSweep.Measure(objective, new ZoneCell(ZoneSweep.AlphaGrid, c.Seed, c.Alpha, 1.0), c.Dimension)));
    }

    /// <summary>Runs the whole grid on <paramref name="model"/> and <paramref name="data"/> (cross-entropy, T = 1, whole batch).</summary>
    public static IReadOnlyList<DimensionPoint> Run(FlatModel model, Dataset data, DimensionSweepOptions options) =>
        Grid(new Objective(model, data, new CrossEntropy()), options).RunAll();
}
