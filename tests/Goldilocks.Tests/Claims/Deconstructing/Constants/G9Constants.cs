namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G9 tolerances and sizes (specs/G9).</summary>
internal static class G9Constants
{
    /// <summary>FsCheck cases of each property</summary>
    public const int PropertyCases = 100;

    /// <summary>Relative tolerance of Γ_p² from the exact closed forms</summary>
    public const double Rtol = 1e-9;

    /// <summary>Smallest ε' of the first-order check (ε' = ExpansionStep · (1 + n), n < 4)</summary>
    public const double ExpansionStep = 1e-5;

    /// <summary>Absolute slack of c₁ for rounding of 1 − (S − 1)ε' (≈ 1e-16/ε')</summary>
    public const double ExpansionRoundOff = 1e-5;

    /// <summary>Relative tolerance of the limit 4(S − 1)/(S + 2)</summary>
    public const double LimitRtol = 1e-15;
}
