using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Models;

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

/// <summary>
/// Paper 000 Fig. 1 right: the zone recreated at the unscaled initialization (α = 1) by the softmax temperature alone.
/// By X2, T = α^{-L} at α = 1 reproduces the point α at T = 1 (with H scaled by α²).
/// </summary>
public static class TemperatureSweep
{
    /// <summary>The laptop default grid: T ∈ [1e-3, 1e3] on 9 log-spaced points.</summary>
    public static IReadOnlyList<double> DefaultTemperatures => Statistics.LogGrid(1e-3, 1e3, 9);

    /// <summary>At α = 1 (the Kaiming initialisation for each of <paramref name="seeds"/>), one point per temperature in <paramref name="temperatures"/> on a random <paramref name="dimension"/>-dimensional subspace of kind <paramref name="basisKind"/>.</summary>
    public static TemperatureSweepResult Run(FlatModel model, Dataset data, IReadOnlyList<double> temperatures, IReadOnlyList<long> seeds,
        int dimension = 20, BasisKind basisKind = BasisKind.GaussianOrthonormal)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(temperatures);
        if (temperatures.Count == 0 || temperatures.Any(t => !(t > 0) || !double.IsFinite(t)))
            throw new ArgumentException("every temperature must be positive and finite", nameof(temperatures));
        var points = new List<CurvaturePoint>();
        foreach (var seed in seeds)
        {
            using var scope = torch.NewDisposeScope();
            var theta0 = model.InitialParameters(seed, data.DType, data.Device);
            var basis = SubspaceBasis.Create(model.ParameterCount, dimension, seed + ZoneSweep.BasisSeedOffset, basisKind, data.DType, data.Device);
            foreach (var t in temperatures)
            {
                using var inner = torch.NewDisposeScope();
                points.Add(CurvatureProbe.Measure(model, data, theta0, t, basis, 1.0, seed));
            }
        }
        return new TemperatureSweepResult(model.Name, data.Name, dimension, points);
    }
}
