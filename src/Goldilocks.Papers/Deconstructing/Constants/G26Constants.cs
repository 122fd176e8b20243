namespace Goldilocks.Papers.Deconstructing;

/// <summary>G26 margins (specs/G26; calibration: StatisticalCalibration, seeds 0-19).</summary>
internal static class G26Constants
{
    /// <summary>Largest ‖G − G^μ₀/N‖_F/‖G‖_F at the first pre-collapse α</summary>
    public const double MaxDominanceError = 0.1;

    /// <summary>Smallest |cos(x_μ₀, top first-layer eigenvector)| there</summary>
    public const double MinInputAlignment = 0.9;

    /// <summary>PC(G) at α = 1 must exceed this (an excess to lose)</summary>
    public const double MinInitialPc = 1.5;

    /// <summary>Relative tolerance of PC(G₁) by the Gram matrix against the explicit P₁×P₁ form</summary>
    public const double GramPcRtol = 1e-10;

    /// <summary>Absolute tolerance of the dominance error (a share of ‖G₁‖_F) by the Gram matrix against the explicit form</summary>
    public const double GramDominanceTolerance = 1e-10;

    /// <summary>Absolute tolerance of the alignment |cos(x_μ₀, v₁)| by the Gram matrix (an eigenvector's round-off grows with 1/gap)</summary>
    public const double GramAlignmentTolerance = 1e-8;
}
