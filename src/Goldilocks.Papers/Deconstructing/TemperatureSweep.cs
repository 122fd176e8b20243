
namespace Goldilocks.Papers.Deconstructing;

/// <summary>The Fig. 1 (right) sweep: one <see cref="CurvaturePoint"/> per (seed, temperature).</summary>
/// <param name="Model">Model name.</param>
/// <param name="Data">Dataset name.</param>
/// <param name="Dimension">Subspace dimension d.</param>
/// <param name="Points">The points, seed by seed in the order computed.</param>
public sealed record TemperatureSweepResult(string Model, string Data, int Dimension, IReadOnlyList<CurvaturePoint> Points)
{
    /// <summary>The points of one seed, ordered by temperature.</summary>
    public IReadOnlyList<CurvaturePoint> ForSeed(long seed) => Points.Where(p => p.Seed == seed).OrderBy(p => p.Temperature).ToArray();
}

/// <summary>The two grids of the <c>temperature</c> command: T = α^L over α (Fig. 1 middle) and T at α = 1 (Fig. 1 right).</summary>
public sealed record TemperatureSweepGrids(IReadOnlyList<CurvaturePoint> Alpha, IReadOnlyList<CurvaturePoint> Temperature);

/// <summary>
/// Paper 000 Fig. 1 right: the zone recreated at the unscaled initialization (α = 1) by the softmax temperature alone.
/// By X2, T = α^{-L} at α = 1 reproduces the point α at T = 1 (with H scaled by α²). Cells are measured by
/// <see cref="ZoneSweep.Measure"/>.
/// </summary>
public static class TemperatureSweep
{
    /// <summary>Name of the temperature grid in cell keys and tables.</summary>
    public const string TemperatureGrid = "temperature";

    /// <summary>The laptop default grid: T ∈ [1e-3, 1e3] on 9 log-spaced points.</summary>
    public static IReadOnlyList<double> DefaultTemperatures => Statistics.LogGrid(1e-3, 1e3, 9);

    /// <summary>At α = 1 (the Kaiming initialisation for each of <paramref name="seeds"/>), one point per temperature in <paramref name="temperatures"/> on a random <paramref name="dimension"/>-dimensional subspace of kind <paramref name="basisKind"/>.</summary>
    public static TemperatureSweepResult Run(FlatModel model, Dataset data, IReadOnlyList<double> temperatures, IReadOnlyList<long> seeds,
        int dimension = 20, BasisKind basisKind = BasisKind.GaussianOrthonormal)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var objective = new Objective(model, data, new CrossEntropy());
        var points = Cells(temperatures, seeds).Select(c => ZoneSweep.Measure(objective, c, dimension, basisKind)).ToArray();
        return new TemperatureSweepResult(model.Name, data.Name, dimension, points);
    }

    /// <summary>
    /// The grids of Fig. 1 middle and right in one: seeds × α at T = α^L (grid "alpha"), then seeds × T at α = 1
    /// (grid "temperature"), all measured by <see cref="ZoneSweep.Measure"/>.
    /// </summary>
    public static ExperimentGrid<ZoneCell, CurvaturePoint> Grid(Objective objective, IReadOnlyList<double> alphas, IReadOnlyList<double> temperatures,
        IReadOnlyList<long> seeds, int dimension, BasisKind basisKind = BasisKind.GaussianOrthonormal)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var cells = ZoneSweep.Cells(objective.Model, new ZoneSweepOptions(alphas, seeds, dimension, ZoneTemperature.AlphaToL, basisKind))
            .Concat(Cells(temperatures, seeds)).ToArray();
        return new ExperimentGrid<ZoneCell, CurvaturePoint>(cells,
            (c, i) => ExperimentGrid<ZoneCell, CurvaturePoint>.Key($"{c.Grid}-seed{c.Seed}", i, c.Grid == TemperatureGrid ? c.Temperature : c.Alpha),
            c => ZoneSweep.Measure(objective, c, dimension, basisKind));
    }

    /// <summary>Seeds × temperatures at α = 1.</summary>
    public static IReadOnlyList<ZoneCell> Cells(IReadOnlyList<double> temperatures, IReadOnlyList<long> seeds)
    {
        ArgumentNullException.ThrowIfNull(temperatures);
        ArgumentNullException.ThrowIfNull(seeds);
        if (temperatures.Count == 0 || temperatures.Any(t => !(t > 0) || !double.IsFinite(t)))
            throw new ArgumentException("every temperature must be positive and finite", nameof(temperatures));
        return seeds.SelectMany(s => temperatures.Select(t => new ZoneCell(TemperatureGrid, s, 1.0, t))).ToArray();
    }
}
