namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W2 tolerances and discard limit (specs/W2).</summary>
internal static class W2Constants
{
    /// <summary>FsCheck cases of each W2 property</summary>
    public const int PropertyCases = 60;

    /// <summary>Largest number of discarded cases (|θ₁| = |θ₂|) per run of the R₂ property; FsCheck gives up and the test fails beyond it</summary>
    public const int MaxDiscards = 12;

    /// <summary>Relative tolerance of R₂ and |u₁/u₂| against eigh</summary>
    public const double RatioRtol = 1e-9;
}
