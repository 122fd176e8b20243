using System.Text.Json.Serialization;

namespace Goldilocks.Papers.Sagun;

/// <summary>How <see cref="HessianSpectrum"/> computes the spectrum.</summary>
public enum SpectrumMethod
{
    /// <summary>All P eigenvalues of the materialised Hessian.</summary>
    Dense,

    /// <summary>Stochastic Lanczos quadrature: nodes and weights of a smoothed density.</summary>
    Slq,
}

/// <summary>
/// The Hessian spectrum at one point and its outlier counts (Sagun et al. App. A): the dense eigenvalues (descending)
/// or the SLQ nodes and weights, λ_max, λ_min, outliers by largest gap, largest ratio and threshold, and the class count K.
/// </summary>
public sealed record SpectrumResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Eigenvalues,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Nodes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Weights,
    double LambdaMax, double LambdaMin, int OutliersByGap, int OutliersByRatio, int OutliersAboveThreshold, int Classes)
{
    /// <summary>The smoothed density to plot: Gaussians at the eigenvalues (dense) or the SLQ density.</summary>
    [JsonIgnore]
    public SpectralDensity? Density { get; init; }

    /// <summary>The spectrum's points in descending order (dense eigenvalues or SLQ nodes).</summary>
    [JsonIgnore]
    public double[] Descending { get; init; } = System.Array.Empty<double>();
}

/// <summary>Sagun et al.: the Hessian spectrum at θ, dense or by stochastic Lanczos quadrature, with its outlier counts.</summary>
public static class HessianSpectrum
{
    /// <summary>The largest P the dense method materialises (P × P doubles).</summary>
    public const long MaxDenseParameters = 4000;

    /// <summary>The spectrum of the loss Hessian at θ (Sagun et al. Sec. 3): dense eigenvalues, or an SLQ density, with the outlier counts.</summary>
    /// <param name="objective">The loss whose Hessian is taken.</param>
    /// <param name="theta">The point θ.</param>
    /// <param name="method">Dense eigen-decomposition (P ≤ <see cref="MaxDenseParameters"/>) or stochastic Lanczos quadrature.</param>
    /// <param name="thresholdFraction">Eigenvalues above this fraction of λ_max count as outliers (threshold rule).</param>
    /// <param name="probes">SLQ probe vectors.</param>
    /// <param name="lanczosSteps">Lanczos steps per SLQ probe.</param>
    /// <param name="seed">Seed of the Lanczos start vector and the SLQ probes.</param>
    public static SpectrumResult Run(Objective objective, Tensor theta, SpectrumMethod method, double thresholdFraction,
        int probes = 4, int lanczosSteps = 60, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        long p = objective.Model.ParameterCount;
        if (method == SpectrumMethod.Dense && p > MaxDenseParameters)
            throw new ArgumentException($"the dense spectrum materialises P × P = {p}²; use SLQ or a smaller model", nameof(method));
        if (method == SpectrumMethod.Slq && lanczosSteps > p)
            throw new ArgumentException($"{lanczosSteps} Lanczos steps exceed P = {p}", nameof(lanczosSteps));
        using var point = new LinearizationPoint(objective, theta);
        var op = new HessianOperator(point);
        double[] descending;
        SpectralDensity density;
        double[]? eigenvalues = null, nodes = null, weights = null;
        if (method == SpectrumMethod.Dense)
        {
            eigenvalues = descending = SymmetricEigen.Eigenvalues(op).OrderByDescending(v => v).ToArray();
            double spread = descending[0] - descending[^1];
            density = new SpectralDensity(descending, descending.Select(_ => 1.0 / descending.Length).ToArray(), Math.Max(spread, 1e-12) / 400, 0, 0);
        }
        else
        {
            double top = Lanczos.Run(op, 1, SpectrumEnd.LargestAlgebraic, 1e-6, seed: seed).Eigenvalues[0];
            density = StochasticLanczosQuadrature.Run(op, probes, lanczosSteps, seed, Math.Abs(top) / 200);
            (nodes, weights) = (density.Nodes, density.Weights);
            descending = density.Nodes.OrderByDescending(n => n).ToArray();
        }
        double lmax = descending.Max();
        var counts = OutlierCount.Count(descending, thresholdFraction * lmax, maxOutliers: Math.Min(50, descending.Length - 1));
        return new SpectrumResult(eigenvalues, nodes, weights, lmax, descending.Min(), counts.LargestGap, counts.LargestRatio, counts.AboveThreshold,
            objective.Data.Classes) { Density = density, Descending = descending };
    }
}
