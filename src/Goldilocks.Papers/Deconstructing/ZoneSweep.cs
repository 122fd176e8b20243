using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Models;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>How the softmax temperature follows the scale α: T = 1 (Fig. 1 left, Fig. 2) or T = α^L (Fig. 1 middle, Eq. 5).</summary>
public enum ZoneTemperature
{
    /// <summary>T = 1 (Fig. 1 left, Fig. 2).</summary>
    Unit,
    /// <summary>T = α^L, which cancels the logit scale and keeps the softmax fixed (Fig. 1 middle, Eq. 5).</summary>
    AlphaToL,
}

/// <param name="Alphas">Initialization scales α (θ = α θ₀, θ₀ Kaiming-normal).</param>
/// <param name="Seeds">Initialization seeds; each has its own random subspace (<see cref="SeedRule.Basis"/>).</param>
/// <param name="Temperature">How T follows α.</param>
/// <param name="Basis">Kind of random subspace basis.</param>
/// <param name="Dimension">Subspace dimension d (paper: 50).</param>
/// <param name="BaseTemperature">T₀: the temperature is T₀ (<see cref="ZoneTemperature.Unit"/>) or T₀·α^L.</param>
public sealed record ZoneSweepOptions(IReadOnlyList<double> Alphas, IReadOnlyList<long> Seeds, int Dimension = 20,
    ZoneTemperature Temperature = ZoneTemperature.Unit, BasisKind Basis = BasisKind.GaussianOrthonormal, double BaseTemperature = 1.0)
{
    /// <summary>The laptop default: α ∈ [1e-2, 1e2] on 9 log-spaced points, one seed, d = 20.</summary>
    public static ZoneSweepOptions Default => new(Statistics.LogGrid(1e-2, 1e2, 9), new long[] { 0 });
}

/// <summary>One cell of the Fig. 1-2 grids: the point α·θ₀ of initialization seed <paramref name="Seed"/> under
/// cross-entropy at temperature <paramref name="Temperature"/>; <paramref name="Grid"/> names the grid it belongs to.</summary>
public sealed record ZoneCell(string Grid, long Seed, double Alpha, double Temperature);

/// <summary>The Fig. 1-2 sweep: one <see cref="CurvaturePoint"/> per (seed, α).</summary>
/// <param name="Model">Model name.</param>
/// <param name="Data">Dataset name.</param>
/// <param name="Options">The grid that was run.</param>
/// <param name="Points">The points, seed by seed in the order computed.</param>
public sealed record ZoneSweepResult(string Model, string Data, ZoneSweepOptions Options, IReadOnlyList<CurvaturePoint> Points)
{
    /// <summary>The points of one seed, ordered by α.</summary>
    public IReadOnlyList<CurvaturePoint> ForSeed(long seed) => Points.Where(p => p.Seed == seed).OrderBy(p => p.Alpha).ToArray();
}

/// <summary>
/// Paper 000 Fig. 1-2: curvature of the projected H, G-term and H-term along the ray α θ₀ at T = 1 (or T = α^L).
/// <see cref="Measure"/> is the one cell function of every Fig. 1-2 grid (this sweep, <see cref="TemperatureSweep"/>,
/// the single points of <c>goldilocks curvature</c>).
/// </summary>
public static class ZoneSweep
{
    /// <summary>Name of the α grid in cell keys and tables.</summary>
    public const string AlphaGrid = "alpha";

    /// <summary>Runs the grid of <paramref name="options"/>: for each seed a Kaiming θ₀ and a random basis (<see cref="SeedRule.Basis"/>), then one point per α.</summary>
    public static ZoneSweepResult Run(FlatModel model, Dataset data, ZoneSweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return new ZoneSweepResult(model.Name, data.Name, options, Grid(new Objective(model, data, new CrossEntropy()), options).RunAll());
    }

    /// <summary>The seeds × α grid of <paramref name="options"/> on <paramref name="objective"/> (cross-entropy; its
    /// temperature is replaced by each cell's); with <paramref name="fullSpace"/>, each point also carries its
    /// <see cref="FullSpaceCurvature"/>.</summary>
    public static ExperimentGrid<ZoneCell, CurvaturePoint> Grid(Objective objective, ZoneSweepOptions options, FullSpaceOptions? fullSpace = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        return new ExperimentGrid<ZoneCell, CurvaturePoint>(Cells(objective.Model, options),
            (c, i) => ExperimentGrid<ZoneCell, CurvaturePoint>.Key($"seed{c.Seed}-alpha", i, c.Alpha),
            c => Measure(objective, c, options.Dimension, options.Basis, fullSpace));
    }

    /// <summary>The cells seed by seed, α by α; T = T₀ or T = T₀·α^L.</summary>
    public static IReadOnlyList<ZoneCell> Cells(FlatModel model, ZoneSweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Alphas.Count == 0 || options.Alphas.Any(a => !(a > 0) || !double.IsFinite(a)))
            throw new ArgumentException("every α must be positive and finite", nameof(options));
        int degree = model.HomogeneityDegree ?? (options.Temperature == ZoneTemperature.AlphaToL
            ? throw new ArgumentException($"T = α^L needs a homogeneous model, but {model.Name} is not homogeneous", nameof(model))
            : 1);
        return options.Seeds.SelectMany(seed => options.Alphas.Select(alpha => new ZoneCell(AlphaGrid, seed, alpha,
            options.Temperature == ZoneTemperature.AlphaToL ? options.BaseTemperature * Math.Pow(alpha, degree) : options.BaseTemperature))).ToArray();
    }

    /// <summary>
    /// Measures one cell: θ₀ = the initialization of the cell's seed (<see cref="SeedRule.InitialParameters"/>: Kaiming-normal, or a module's own weights), the subspace of <see cref="SeedRule.Basis"/>
    /// of that seed, θ = α·θ₀, and <paramref name="objective"/> (model, data, batch size) with cross-entropy at the cell's T; with <paramref name="fullSpace"/>, also the full-space numbers;
    /// <paramref name="initial"/>, when given, replaces that θ₀ (the caller keeps it).
    /// </summary>
    public static CurvaturePoint Measure(Objective objective, ZoneCell cell, int dimension, BasisKind basis = BasisKind.GaussianOrthonormal,
        FullSpaceOptions? fullSpace = null, Tensor? initial = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(cell);
        if (!(cell.Alpha > 0) || !double.IsFinite(cell.Alpha)) throw new ArgumentException($"α must be positive and finite, got {cell.Alpha}", nameof(cell));
        if (!(cell.Temperature > 0) || !double.IsFinite(cell.Temperature))
            throw new ArgumentException($"T = {cell.Temperature} at α = {cell.Alpha} is not a positive finite temperature", nameof(cell));
        var model = objective.Model;
        using var scope = torch.NewDisposeScope();
        var theta0 = initial ?? SeedRule.InitialParameters(model, cell.Seed, objective.Data.DType, objective.Data.Device);
        var v = SubspaceBasis.Create(model.ParameterCount, dimension, SeedRule.Basis(cell.Seed), basis, objective.Data.DType, objective.Data.Device);
        var atT = objective.Loss is CrossEntropy ce && ce.Temperature == cell.Temperature ? objective : objective.WithLoss(new CrossEntropy(cell.Temperature));
        return CurvatureProbe.Measure(atT, theta0 * cell.Alpha, v, cell.Alpha, cell.Seed, fullSpace);
    }
}
