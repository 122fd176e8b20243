namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G17 tolerances and discard limit (specs/G17).</summary>
internal static class G17Constants
{
    /// <summary>FsCheck cases of the bound property</summary>
    public const int PropertyCases = 100;

    /// <summary>Largest number of discarded cases (an output entry 0) per run; FsCheck gives up and the test fails beyond it (at the fixed seed the run passes with a limit of 1)</summary>
    public const int MaxDiscards = 10;

    /// <summary>Absolute round-off slack of the inequalities and of the printed bound against the direct sum</summary>
    public const double RoundOff = 1e-12;

    /// <summary>Relative tolerance of the bound at uniform Q̂ = log K</summary>
    public const double ExactRtol = 1e-14;

    /// <summary>Confident outputs with uniform Q̂ must exceed log K by more than this (the bound is loose)</summary>
    public const double MinLooseness = 0.1;

    /// <summary>Absolute slack of |L(αθ) − log K − α^L c₁| ≤ α^(2L) range²/8</summary>
    public const double ExpansionRoundOff = 1e-14;
}
