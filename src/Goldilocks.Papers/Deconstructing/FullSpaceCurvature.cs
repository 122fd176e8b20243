using Goldilocks.Curvature;
using Goldilocks.Spectral;

namespace Goldilocks.Papers.Deconstructing;

/// <summary>How <see cref="FullSpaceCurvature.Measure"/> measures the full P-dimensional operators.</summary>
/// <param name="Probes">Rademacher probes of the Hutchinson trace (≥ 2, for a standard error).</param>
/// <param name="LanczosTolerance">Relative residual tolerance of the top Ritz pair: converged when
/// ‖Av − λv‖ ≤ tolerance·|λ|.</param>
/// <param name="LanczosMaxIterations">Largest number of Lanczos products per operator (capped at P).</param>
public sealed record FullSpaceOptions(int Probes = 100, double LanczosTolerance = 1e-8, int LanczosMaxIterations = 100);

/// <summary>Full-space numbers of one operator A ∈ R^{P×P} (the Hessian, the G-term or the H-term at θ).</summary>
/// <param name="TopEigenvalue">The largest algebraic eigenvalue λ_max(A), by Lanczos.</param>
/// <param name="TopEigenvalueResidual">‖Av − λv‖ of the returned Ritz pair (the Lanczos β_m|s_m| bound).</param>
/// <param name="TopEigenvalueConverged">Whether the residual met the tolerance within the iteration budget.</param>
/// <param name="LanczosIterations">Operator products Lanczos spent.</param>
/// <param name="TraceEstimate">Hutchinson estimate of Tr(A) = E[vᵀAv] over Rademacher v (paper 000 App. F).</param>
/// <param name="TraceStandardError">Its standard error (sample standard deviation / √probes).</param>
/// <param name="Probes">Number of Hutchinson probes.</param>
public sealed record FullSpaceStatistics(double TopEigenvalue, double TopEigenvalueResidual, bool TopEigenvalueConverged, int LanczosIterations,
    double TraceEstimate, double TraceStandardError, int Probes);

/// <summary>
/// The full-space counterparts of the subspace statistics of a <see cref="CurvaturePoint"/>: λ_max and Tr of the
/// Hessian H, the G-term and the H-term (paper 000 Eq. 4) in all P dimensions, from operator products only. Tr/P is
/// the mean eigenvalue of which the subspace trace Tr(VᵀAV) ≈ d·Tr(A)/P is the random-subspace estimate (Sec. 3).
/// </summary>
/// <param name="Hessian">Statistics of H.</param>
/// <param name="GTerm">Statistics of the G-term.</param>
/// <param name="HTerm">Statistics of the H-term.</param>
public sealed record FullSpaceCurvature(FullSpaceStatistics Hessian, FullSpaceStatistics GTerm, FullSpaceStatistics HTerm)
{
    /// <summary>Measures H, G-term and H-term at the linearization point: Lanczos from the start vector of
    /// <paramref name="seed"/>, Hutchinson with the probes of <paramref name="seed"/> (the solver seed of
    /// <see cref="SeedRule"/>: the initialization seed).</summary>
    public static FullSpaceCurvature Measure(LinearizationPoint point, FullSpaceOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(options);
        return new FullSpaceCurvature(Of(new HessianOperator(point), options, seed), Of(new GTermOperator(point), options, seed),
            Of(new HTermOperator(point), options, seed));
    }

    /// <summary>The statistics of any symmetric operator.</summary>
    public static FullSpaceStatistics Of(ICurvatureOperator op, FullSpaceOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = torch.NewDisposeScope();
        var top = Lanczos.Run(op, 1, SpectrumEnd.LargestAlgebraic, options.LanczosTolerance, options.LanczosMaxIterations, seed);
        var trace = Hutchinson.Estimate(op, options.Probes, seed).Trace;
        return new FullSpaceStatistics(top.Top, top.Residuals[0], top.Converged, top.Iterations, trace.Value, trace.StandardError, trace.Probes);
    }
}
