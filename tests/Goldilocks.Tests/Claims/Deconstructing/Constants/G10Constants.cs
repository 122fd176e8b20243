namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G10 tolerances and case counts (specs/G10).</summary>
internal static class G10Constants
{
    /// <summary>FsCheck cases of each property</summary>
    public const int PropertyCases = 100;

    /// <summary>Largest number of discarded (tied or overflowing) cases per run of the near-collapse property</summary>
    public const int MaxDiscards = 100;

    /// <summary>Relative tolerance of λ₁ = 2ε(1−ε) and Γ = 1 on two classes</summary>
    public const double Rtol = 1e-12;

    /// <summary>The other eigenvalues relative to λ₁</summary>
    public const double NullRtol = 1e-15;

    /// <summary>Floor of the tolerance of (2ε − λ)/(2ε) = ε (plus 1e-15/ε for λ's round-off)</summary>
    public const double ExpansionRtol = 1e-9;

    /// <summary>Largest β·(z₁ − z₂) generated (exp overflows beyond)</summary>
    public const double MaxLogitGap = 600;

    /// <summary>Absolute slack of the near-collapse bounds</summary>
    public const double RoundOff = 1e-12;
}
