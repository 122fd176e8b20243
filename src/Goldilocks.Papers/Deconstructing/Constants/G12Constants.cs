namespace Goldilocks.Papers.Deconstructing;

/// <summary>G12 margins (specs/G12; calibration: StatisticalCalibration.GammaMonotonicity, seeds 0-19).</summary>
internal static class G12Constants
{
    /// <summary>Random logit-scaling paths</summary>
    public const int Paths = 30;

    /// <summary>Largest Spearman(entropy, Γ⁻²) allowed along a path</summary>
    public const double MaxRankCorrelation = -0.98;

    /// <summary>Largest relative dip of Γ⁻² along a path: round-off only</summary>
    public const double MaxViolation = 1e-12;

    /// <summary>Relative distance of Γ⁻² at the hottest point (≈ uniform p) from 1/(K−1)</summary>
    public const double HotPointRtol = 0.05;

    /// <summary>Γ⁻² at the coldest point may exceed 1 by this round-off</summary>
    public const double ColdSlack = 1e-9;

    /// <summary>Largest relative dip of Γ⁻² along the average-matrix path</summary>
    public const double MaxAverageViolation = 1e-9;

    /// <summary>Seed of the one permutation draw of the negative control (Γ⁻² permuted along each path)</summary>
    public const int NullDraw = 1;
}
