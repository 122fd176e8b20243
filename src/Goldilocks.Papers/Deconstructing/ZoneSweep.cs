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
/// <param name="Seeds">One Kaiming initialization and one random subspace per seed.</param>
/// <param name="Temperature">How T follows α.</param>
/// <param name="Basis">Kind of random subspace basis.</param>
/// <param name="Dimension">Subspace dimension d (paper: 50).</param>
public sealed record ZoneSweepOptions(IReadOnlyList<double> Alphas, IReadOnlyList<long> Seeds, int Dimension = 20,
    ZoneTemperature Temperature = ZoneTemperature.Unit, BasisKind Basis = BasisKind.GaussianOrthonormal)
{
    /// <summary>The laptop default: α ∈ [1e-2, 1e2] on 9 log-spaced points, one seed, d = 20.</summary>
    public static ZoneSweepOptions Default => new(Statistics.LogGrid(1e-2, 1e2, 9), new long[] { 0 });
}

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
/// </summary>
public static class ZoneSweep
{
    /// <summary>Offset between the initialization seed and the subspace seed, so the two draws are independent.</summary>
    public const long BasisSeedOffset = 1_000_003;

    /// <summary>Runs the grid of <paramref name="options"/>: for each seed a Kaiming θ₀ and a random basis (seed + <see cref="BasisSeedOffset"/>), then one point per α.</summary>
    public static ZoneSweepResult Run(FlatModel model, Dataset data, ZoneSweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Alphas.Count == 0 || options.Alphas.Any(a => !(a > 0) || !double.IsFinite(a)))
            throw new ArgumentException("every α must be positive and finite", nameof(options));
        int degree = model.HomogeneityDegree ?? (options.Temperature == ZoneTemperature.AlphaToL
            ? throw new ArgumentException($"T = α^L needs a homogeneous model, but {model.Name} is not homogeneous", nameof(model))
            : 1);
        var points = new List<CurvaturePoint>();
        foreach (var seed in options.Seeds)
        {
            using var scope = torch.NewDisposeScope();
            var theta0 = model.InitialParameters(seed, data.DType, data.Device);
            var basis = SubspaceBasis.Create(model.ParameterCount, options.Dimension, seed + BasisSeedOffset, options.Basis, data.DType, data.Device);
            foreach (var alpha in options.Alphas)
            {
                using var inner = torch.NewDisposeScope();
                double t = options.Temperature == ZoneTemperature.AlphaToL ? Math.Pow(alpha, degree) : 1.0;
                points.Add(CurvatureProbe.Measure(model, data, theta0 * alpha, t, basis, alpha, seed));
            }
        }
        return new ZoneSweepResult(model.Name, data.Name, options, points);
    }
}
