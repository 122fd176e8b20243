namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G17 tolerances and discard limit (specs/G17).</summary>
internal static class G17Constants
{
    /// <summary>FsCheck cases of the bound property</summary>
    public const int PropertyCases = 100;

    /// <summary>Largest number of discarded cases (an output entry 0) per run; FsCheck gives up and the test fails beyond it</summary>
    public const int MaxDiscards = 10;

    /// <summary>Absolute round-off slack of the inequalities and of the printed bound against the direct sum</summary>
    public const double RoundOff = 1e-12;
}
