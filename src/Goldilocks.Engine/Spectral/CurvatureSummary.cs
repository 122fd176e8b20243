namespace Goldilocks.Spectral;

/// <summary>
/// The paper's curvature statistics of one symmetric matrix (paper 000 Eq. 2; Fort &amp; Scherlis Sec. 2):
/// positive curvature PC = Tr(A)/‖A‖_F, local convexity = fraction of positive eigenvalues, spectral norm ‖A‖₂.
/// PC is null (never NaN) when ‖A‖_F = 0, e.g. a G-term that underflowed under softmax collapse.
/// </summary>
/// <param name="Size">n, the side of the matrix.</param>
/// <param name="Trace">Tr(A) = Σ λ_i.</param>
/// <param name="Frobenius">‖A‖_F = √(Σ λ_i²).</param>
/// <param name="SpectralNorm">‖A‖₂ = max |λ_i|.</param>
/// <param name="PositiveCurvature">PC = Tr(A)/‖A‖_F (Eq. 2), null when ‖A‖_F = 0.</param>
/// <param name="LocalConvexity">Fraction of eigenvalues above <see cref="ZeroTolerance"/>·max|λ|.</param>
/// <param name="MinEigenvalue">Smallest eigenvalue.</param>
/// <param name="MaxEigenvalue">Largest eigenvalue.</param>
public sealed record CurvatureSummary(
    int Size, double Trace, double Frobenius, double SpectralNorm, double? PositiveCurvature,
    double LocalConvexity, double MinEigenvalue, double MaxEigenvalue)
{
    /// <summary>Eigenvalues with |λ| ≤ this × max|λ| count as zero in the local-convexity fraction.</summary>
    public const double ZeroTolerance = 1e-12;

    /// <summary>The statistics of the matrix with these (finite, non-empty) <paramref name="eigenvalues"/>; PC is null when ‖A‖_F = 0.</summary>
    public static CurvatureSummary FromEigenvalues(IReadOnlyList<double> eigenvalues)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        if (eigenvalues.Count == 0) throw new ArgumentException("no eigenvalues", nameof(eigenvalues));
        if (eigenvalues.Any(l => !double.IsFinite(l))) throw new ArgumentException("eigenvalues must be finite", nameof(eigenvalues));
        double trace = eigenvalues.Sum();
        double frob = Math.Sqrt(eigenvalues.Sum(l => l * l));
        double spectral = eigenvalues.Max(Math.Abs);
        double cut = ZeroTolerance * spectral;
        double convexity = eigenvalues.Count(l => l > cut) / (double)eigenvalues.Count;
        return new CurvatureSummary(eigenvalues.Count, trace, frob, spectral,
            frob > 0 ? trace / frob : null, convexity, eigenvalues.Min(), eigenvalues.Max());
    }

    /// <summary>PC, or a clear exception when it is undefined.</summary>
    public double RequirePositiveCurvature() => PositiveCurvature
        ?? throw new InvalidOperationException("positive curvature Tr(A)/‖A‖_F is undefined: the matrix is zero (‖A‖_F = 0)");
}
