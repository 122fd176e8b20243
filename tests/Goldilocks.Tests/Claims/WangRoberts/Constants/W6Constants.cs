namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W6 tolerances and case counts (specs/W6).</summary>
internal static class W6Constants
{
    /// <summary>FsCheck cases</summary>
    public const int PropertyCases = 40;

    /// <summary>Relative tolerance of H(cθ) = c^(nq−2)H(θ)</summary>
    public const double Rtol = 1e-11;

    /// <summary>1 − |cos(v₁(θ), v₁(cθ))|</summary>
    public const double EigenvectorTolerance = 1e-10;

    /// <summary>C of the c^(nq) negative control</summary>
    public const double ControlScale = 1.9;
}
