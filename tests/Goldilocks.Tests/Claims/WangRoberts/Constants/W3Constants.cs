namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W3 tolerances, case counts and discard limits (specs/W3).</summary>
internal static class W3Constants
{
    /// <summary>FsCheck cases of each property</summary>
    public const int PropertyCases = 100;

    /// <summary>Largest number of discarded cases (degenerate next Hessian) per run of the γ_β property</summary>
    public const int MaxDiscards = 100;

    /// <summary>Tolerance of r₁' = (1 − η²z'²)r₁ relative to θ₁'² + θ₂'²</summary>
    public const double ImbalanceRtol = 1e-10;

    /// <summary>Tolerance of Θ' = (1 ∓ sηz' + η²z'²)Θ relative to its scale</summary>
    public const double OutputRtol = 1e-12;

    /// <summary>On an ascent step the descent factor must miss Θ' by more than this share of the scale (theory ≥ 0.18)</summary>
    public const double MinDescentGap = 0.1;

    /// <summary>Cases with |γ_Θ| or |γ_r₁| below this are discarded (degenerate next Hessian)</summary>
    public const double MinFactor = 1e-3;

    /// <summary>Relative tolerance of γ_β = |γ_r₁/γ_Θ| against eigh</summary>
    public const double BetaRtol = 1e-7;

    /// <summary>The monomial-only identity must miss z = Θ² + Θ⁴ by more than this</summary>
    public const double MinPolynomialGap = 1e-3;
}
