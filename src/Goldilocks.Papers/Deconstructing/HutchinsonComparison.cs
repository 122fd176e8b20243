using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Spectral;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>At one α: PC of the projected Hessian (d-dimensional) and the Hutchinson estimate Tr(H)/√(‖H‖_F²) of the full Hessian.</summary>
/// <param name="Alpha">Scale α.</param>
/// <param name="ProjectedPC">PC of the projected Hessian (0 when it is zero).</param>
/// <param name="HutchinsonPC">Tr(H)/√(‖H‖_F²) from the Hutchinson estimates; null when ‖H‖_F² ≤ 0.</param>
/// <param name="Hutchinson">The two Hutchinson estimates with their standard errors.</param>
public sealed record HutchinsonPoint(double Alpha, double ProjectedPC, double? HutchinsonPC, HutchinsonResult Hutchinson);

/// <summary>
/// Paper 000 Appendix F (Fig. 13): the projected-Hessian PC against Hutchinson's stochastic estimates of Tr(H) and
/// ‖H‖_F² = E‖Hv‖² (Rademacher v) of the full Hessian over α at T = 1.
/// </summary>
public static class HutchinsonComparison
{
    /// <summary>One point per α in <paramref name="alphas"/> (θ = α θ₀, θ₀ drawn with <paramref name="seed"/>): PC of the projected Hessian on a <paramref name="dimension"/>-dimensional subspace and the Hutchinson estimate from <paramref name="probes"/> Rademacher probes.</summary>
    public static IReadOnlyList<HutchinsonPoint> Run(FlatModel model, Dataset data, IReadOnlyList<double> alphas, long seed = 0, int dimension = 20, int probes = 30)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = torch.NewDisposeScope();
        var theta0 = SeedRule.InitialParameters(model, seed, data.DType, data.Device);
        var basis = SubspaceBasis.Create(model.ParameterCount, dimension, SeedRule.Basis(seed), BasisKind.GaussianOrthonormal, data.DType, data.Device);
        var objective = new Objective(model, data, new CrossEntropy());
        var list = new List<HutchinsonPoint>();
        foreach (var alpha in alphas)
        {
            using var inner = torch.NewDisposeScope();
            using var point = new LinearizationPoint(objective, theta0 * alpha);
            var hessian = new HessianOperator(point);
            var projected = CurvatureProbe.Summarize(DenseMaterializer.Materialize(new ProjectedOperator(hessian, basis)));
            var hutch = Hutchinson.Estimate(hessian, probes, seed);
            list.Add(new HutchinsonPoint(alpha, projected.PositiveCurvature ?? 0, hutch.PositiveCurvature, hutch));
        }
        return list;
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
